"""The eval scorers on tiny hand-made tables."""

from __future__ import annotations

import pytest

from evals import scorers

EXP = {
    "a": {"consent": "met", "units": "problem"},
    "b": {"consent": "missing", "units": "not_applicable"},
    "c": {"consent": "problem", "units": "met"},
    "d": {"consent": "met", "units": "unclear"},
}


@pytest.mark.parametrize(
    ("predicted", "check", "accuracy", "tp", "fp", "fn"),
    [
        # perfect
        (EXP, "consent", 1.0, 2, 0, 0),
        # everything "met": 2 right (a, d), the 2 flagged ones missed
        ({k: {"consent": "met"} for k in EXP}, "consent", 0.5, 0, 0, 2),
        # missing vs problem swapped: both still flagged (tp), but status accuracy drops
        (
            {
                "a": {"consent": "met"},
                "b": {"consent": "problem"},
                "c": {"consent": "missing"},
                "d": {"consent": "met"},
            },
            "consent",
            0.5,
            2,
            0,
            0,
        ),
        # a false alarm on a and d
        (
            {
                "a": {"consent": "missing"},
                "b": {"consent": "missing"},
                "c": {"consent": "problem"},
                "d": {"consent": "problem"},
            },
            "consent",
            0.5,
            2,
            2,
            0,
        ),
        # a note absent from the predictions counts as wrong, and as a miss when it should be flagged
        ({"a": {"units": "problem"}, "c": {"units": "met"}, "d": {"units": "unclear"}}, "units", 0.75, 1, 0, 0),
        ({"b": {"units": "not_applicable"}, "c": {"units": "met"}, "d": {"units": "unclear"}}, "units", 0.75, 0, 0, 1),
    ],
)
def test_score_check(predicted, check, accuracy, tp, fp, fn):
    s = scorers.score_check(check, EXP, predicted)
    assert s.n == 4
    assert s.accuracy == pytest.approx(accuracy)
    assert (s.tp, s.fp, s.fn) == (tp, fp, fn)


@pytest.mark.parametrize(
    ("tp", "fp", "fn", "precision", "recall", "p_defined", "r_defined"),
    [
        (2, 0, 0, 1.0, 1.0, True, True),
        (1, 1, 0, 0.5, 1.0, True, True),
        (1, 0, 3, 1.0, 0.25, True, True),
        (0, 0, 0, 1.0, 1.0, False, False),  # nothing to flag, nothing flagged: vacuous
        (0, 2, 0, 0.0, 1.0, True, False),
        (0, 0, 2, 1.0, 0.0, False, True),
    ],
)
def test_precision_recall(tp, fp, fn, precision, recall, p_defined, r_defined):
    s = scorers.CheckScore("x", n=tp + fp + fn, correct=0, tp=tp, fp=fp, fn=fn)
    assert s.precision == pytest.approx(precision)
    assert s.recall == pytest.approx(recall)
    assert s.precision_defined is p_defined
    assert s.recall_defined is r_defined


def test_overall_accuracy_counts_every_pair():
    pred = {"a": {"consent": "met", "units": "met"}, "b": dict(EXP["b"]), "c": dict(EXP["c"]), "d": dict(EXP["d"])}
    scores = scorers.score_checks(EXP, pred)
    assert list(scores) == ["consent", "units"]
    assert scorers.overall_accuracy(scores) == pytest.approx(7 / 8)
    assert scorers.note_accuracy(EXP, pred) == pytest.approx(3 / 4)
    assert scorers.flagged_micro(scores) == pytest.approx((1.0, 2 / 3))


def test_confusion_summary_and_format():
    pred = {"a": {"consent": "missing"}, "b": {"consent": "missing"}, "c": {"consent": "met"}, "d": {"consent": "met"}}
    scores = scorers.score_checks({k: {"consent": v["consent"]} for k, v in EXP.items()}, pred)
    conf = scorers.confusion_summary(scores)
    assert conf == {("met", "missing"): 1, ("missing", "missing"): 1, ("problem", "met"): 1, ("met", "met"): 1}
    table = scorers.format_confusion(conf)
    assert table.splitlines()[0].split()[-5:] == ["met", "missing", "problem", "n/a", "unclear"]
    assert len(table.splitlines()) == 6


@pytest.mark.parametrize(
    ("expected", "predicted", "match"),
    [
        ([], [], True),
        (
            [{"code": "97550", "units": 1, "modifiers": ["GP", "CQ"]}],
            [{"code": "97550", "units": 1, "modifiers": ["CQ", "GP"]}],
            True,
        ),
        (
            [{"code": "97550", "units": 1, "modifiers": ["GP"]}],
            [{"code": "97550", "units": 2, "modifiers": ["GP"]}],
            False,
        ),
        ([{"code": "97550", "units": 1, "modifiers": ["GP"]}], [{"code": "97550", "units": 1, "modifiers": []}], False),
        ([{"code": "97550", "units": 1}], [{"code": "97550", "units": 1, "modifiers": []}], True),
        (
            [{"code": "97550", "units": 1, "modifiers": ["GO"]}, {"code": "97551", "units": 2, "modifiers": ["GO"]}],
            [{"code": "97551", "units": 2, "modifiers": ["GO"]}, {"code": "97550", "units": 1, "modifiers": ["GO"]}],
            True,
        ),
        # multiset, not set: a duplicated line is a difference
        ([{"code": "97552", "units": 1}], [{"code": "97552", "units": 1}, {"code": "97552", "units": 1}], False),
        ([{"code": "97550", "units": 1}], [], False),
        (
            [{"code": "g0541", "units": 1, "modifiers": ["gp"]}],
            [{"code": "G0541", "units": 1, "modifiers": ["GP"]}],
            True,
        ),
    ],
)
def test_lines_match(expected, predicted, match):
    assert scorers.lines_match(expected, predicted) is match


def test_line_key_accepts_objects():
    from assistant.models import BilledLine

    assert scorers.line_key(BilledLine(code="97551", units=2, modifiers=["GP", "CQ"])) == ("97551", 2, ("CQ", "GP"))


def test_billing_exact_match():
    exp = {"a": [{"code": "97550", "units": 1}], "b": [], "c": [{"code": "97552", "units": 1}]}
    pred = {"a": [{"code": "97550", "units": 1}], "b": [{"code": "97550", "units": 1}]}
    assert scorers.billing_exact_match(exp, pred) == pytest.approx(1 / 3)
    assert scorers.billing_exact_match({}, {}) == 1.0
