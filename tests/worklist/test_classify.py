"""Pure rules: which lines are items, payer types, the denial label, the preliminary route."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.knowledge.loader import cached_knowledge
from assistant.remittance.models import Adjustment, Claim, ServiceLine
from assistant.worklist.classify import cts_codes, denial_label, denials, payer_type
from assistant.worklist.route import preliminary_route

KB = cached_knowledge()


def test_caregiver_training_codes_come_from_the_knowledge() -> None:
    codes = cts_codes(cached_knowledge())
    assert {"97550", "97551", "97552", "G0539", "G0540", "G0541", "G0542", "G0543"} <= codes
    assert not codes & {"97530", "97110", "92507", "97161"}


@pytest.mark.parametrize(
    ("indicator", "kind"),
    [
        ("MB", "medicare"),
        ("MA", "medicare"),
        ("16", "medicare_advantage"),
        ("MC", "medicaid"),
        ("12", "commercial"),
        ("HM", "commercial"),
        ("CH", "other"),
        ("", "other"),
    ],
)
def test_payer_type(indicator: str, kind: str) -> None:
    assert payer_type(indicator) == kind


def _adj(group: str, reason: str, amount: str) -> Adjustment:
    return Adjustment(group=group, reason=reason, amount=Decimal(amount))


def _line(*adjustments: Adjustment) -> ServiceLine:
    return ServiceLine(
        position=1, procedure="97550", charge=Decimal("120"), paid=Decimal("0"), adjustments=list(adjustments)
    )


CLAIM = Claim(
    position=1,
    patient_control_number="P",
    status="1",
    charge=Decimal("120"),
    paid=Decimal("0"),
    adjustments=[_adj("CO", "16", "120")],
)


@pytest.mark.parametrize(
    ("line", "denied"),
    [
        (_line(_adj("CO", "45", "63.39"), _adj("CO", "253", "0.91"), _adj("PR", "2", "11.32")), []),
        (_line(_adj("CO", "45", "32"), _adj("CO", "151", "60")), [("CO", "151")]),
        (_line(_adj("PR", "119", "120")), [("PR", "119")]),
        (_line(_adj("CO", "50", "-120")), []),  # a reversal's negative amount is not a denial
        (_line(), [("CO", "16")]),  # no line adjustments: the claim-level ones apply
    ],
)
def test_denials(line: ServiceLine, denied: list[tuple[str, str]]) -> None:
    assert [(a.group, a.reason) for a in denials(line, CLAIM)] == denied


@pytest.mark.parametrize(
    ("adjustments", "remarks", "label"),
    [
        ([_adj("CO", "50", "120")], ["N115"], ("CO", "CO-50 N115")),
        ([_adj("CO", "151", "60"), _adj("PR", "96", "10")], ["N640", "N640"], ("CO", "CO-151 N640")),
        ([_adj("CO", "16", "10"), _adj("PR", "119", "110")], [], ("PR", "PR-119")),
    ],
)
def test_denial_label(adjustments: list[Adjustment], remarks: list[str], label: tuple[str, str]) -> None:
    assert denial_label(adjustments, remarks) == label


@pytest.mark.parametrize(
    ("payer", "denial", "expected"),
    [
        ("medicare", "CO-50 N115", ("redetermination", "appeal")),
        ("medicare_advantage", "CO-50", ("plan_reconsideration", "appeal")),
        ("commercial", "CO-204", ("payer_appeal", "appeal")),
        # CARC 16 returns the claim unprocessed: a new claim (the drafting decision's rule)
        ("medicare", "CO-16 M53", ("new_claim", "corrected_claim")),
        ("medicare", "PR-119", ("clerical_reopening", "corrected_claim")),
        # KX is fee-for-service only: an MA plan's PR-119 goes to its reconsideration, as the draft says (qa10b #2)
        ("medicare_advantage", "PR-119", ("plan_reconsideration", "appeal")),
        ("commercial", "PR-119", (None, "no_appeal")),
        ("medicare_advantage", "CO-B15 N122", ("new_claim", "corrected_claim")),
        ("medicare", "CO-4 MA130", ("new_claim", "corrected_claim")),
        ("commercial", "CO-29", (None, "no_appeal")),
        # a duplicate: the original claim is the one corrected (QA9 F28), as `assistant appeal` says
        ("medicare", "CO-18", ("clerical_reopening", "corrected_claim")),
        # PR-50: appealed on the record like CO-50; the ABN's liability is explained in the draft (QA9 F28)
        ("medicare", "PR-50", ("redetermination", "appeal")),
        ("medicare", "not a code", ("redetermination", "appeal")),
    ],
)
def test_preliminary_route(payer: str, denial: str, expected: tuple[str | None, str]) -> None:
    assert preliminary_route(KB, payer, denial) == expected


@pytest.mark.parametrize(("payer", "denial"), [
    ("medicare", "CO-18"), ("medicare", "PR-50"), ("medicare", "CO-50 N115"), ("medicare_advantage", "CO-B15 N122"),
    ("commercial", "CO-29"), ("medicare", "PR-119"), ("medicare_advantage", "PR-119"),
])
def test_the_queue_and_the_draft_share_one_route_rule(payer: str, denial: str) -> None:
    from assistant.drafting.denial import match_pattern, parse_denial
    from assistant.drafting.remedy import pattern_remedy
    from assistant.drafting.route import choose_route

    parsed, _ = parse_denial(denial, KB.reason_codes)
    # a note that supports the service, as the queue presumes before one is attached
    supported = set(KB.rules)
    remedy = pattern_remedy(match_pattern(parsed, KB.denial_patterns), payer, "", supported)
    route, _ = choose_route(KB, recommendation=remedy.remedy, payer_type=payer, denial=parsed)
    assert preliminary_route(KB, payer, denial) == (route, remedy.remedy)
