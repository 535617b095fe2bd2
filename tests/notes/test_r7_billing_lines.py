"""Round-7 billing lines: which code family and which lines the documentation supports.

docs/CONVENTIONS.md (billing.lines): the family follows the training's content; a group of families is one group
unit for this patient; a multiple-family behaviour group (96202/+96203) is not a caregiver-training line.
"""

from __future__ import annotations

import pytest

import assistant
from assistant.models import Report

HEAD = "DOS: 10/13/2026. OT caregiver training. Pt not present (at radiation tx). Daughter (unpaid) trained.\n"
SIGN = "10:15-10:48. T. Grunewald, OTR/L\n"


def _lines(report: Report) -> str:
    return " ".join(f"{ln.code}x{ln.units}" for ln in report.billing.lines)


@pytest.mark.parametrize(
    ("taught", "lines"),
    [
        # donning a compression garment is dressing; the skin named as a risk is not care taught
        ("Taught: compression sleeve donning w/ donning aid, skin inspection, energy conservation for dressing.\n"
         "RTD: dtr donned sleeve correctly after hands-on correction of wrinkles (skin breakdown risk).\n", "97550x1"),
        ("Taught: putting on compression stockings with a donning frame; risk of skin breakdown if wrinkled.\n",
         "97550x1"),
        # skin care taught as care: direct care
        ("Taught: skin inspection of both heels with a mirror, pressure relief every 2 hours, wound care.\n",
         "G0541x1"),
    ],
)
def test_risk_words_and_garments_do_not_make_direct_care(taught: str, lines: str) -> None:
    assert _lines(assistant.check_note(HEAD + taught + SIGN)) == lines


@pytest.mark.parametrize(
    ("title", "lines"),
    [
        ("NP Visit Note -- Caregiver behavior training", "G0539x1"),
        ("Behavioral training for the family (OT)", "G0539x1"),
        # behaviour named only as a need: the training is functional
        ("OT caregiver training; behavior is not a concern today", "97550x1"),
    ],
)
def test_training_named_as_behavior_training(title: str, lines: str) -> None:
    text = (
        f"{title}\nDate 03/06/2025. Pt not present. Son (unpaid) trained: bathing set-up and tub transfer, "
        "redirecting when he wanders.\nTime: 5:40 pm - 6:12 pm. K. Adu, OTR/L\n"
    )
    assert _lines(assistant.check_note(text)) == lines


@pytest.mark.parametrize(
    "families",
    [
        "Families: Lindahl (mom + dad), Castellanos (grandma), Obuya (mom). Registered but absent: Tran.",
        "Families present tonight: Soto (mother), Chen (father), Pulkkinen (mother). Hargreaves family absent.",
        "Families attending: Soto (mother), Chen (father).",
    ],
)
def test_a_list_of_families_who_came_is_a_group(families: str) -> None:
    text = (
        "Caregiver Class (PT) -- 5/12/2026, 17:00-18:10. Child not in class (kids' program next door).\n"
        f"{families}\nCovered: hip-safe lifting, half-kneel transitions. B. Sato, PT, DPT\n"
    )
    report = assistant.check_note(text, billed=[{"code": "97552", "units": 2, "modifiers": ["GP"]}])
    assert _lines(report) == "97552x1"
    assert report.check("minimum_time").status == "not_applicable"


def test_one_family_listed_is_not_a_group() -> None:
    text = (
        "Caregiver training (PT) -- 5/12/2026, 17:00-17:35. Child not present.\n"
        "Families: Lindahl (mom + dad).\nCovered: hip-safe lifting, half-kneel transitions. B. Sato, PT, DPT\n"
    )
    assert _lines(assistant.check_note(text)) == "97550x1"


def test_a_behavior_group_billed_96202_has_no_cts_line_to_compare() -> None:
    text = (
        "Parent Behavior Group -- 04-22-2025. Children in childcare room, not in the group room.\n"
        "Families present tonight: Soto (mother), Chen (father), Pulkkinen (mother).\n"
        "Content: planned ignoring for tantrums, token reinforcement, calm-corner routine, triggers log.\n"
        "Time: 5:30 PM - 6:45 PM. L. Hart, PhD\n"
    )
    billed = [{"code": "96202", "units": 1}, {"code": "96203", "units": 1}]
    report = assistant.check_note(text, billed=billed)
    assert _lines(report) == ""
    assert report.check("units").status == "not_applicable"
    assert report.check("addon_pairing").status == "not_applicable"


@pytest.mark.parametrize(
    ("signature", "modifiers"),
    [
        ("-- Ruairi Mac an tSaoir, OTR/L", ["GO"]),
        ("Jan van der Berg, PT", ["GP"]),
        ("Maria de la Cruz, COTA", ["GO", "CO"]),
        ("Ingrid Sæther, MD", []),
    ],
)
def test_surname_particles_and_letters_beyond_ascii_name_the_clinician(signature: str, modifiers: list[str]) -> None:
    text = HEAD + "Taught: tub bench transfer, LB dressing with reacher.\n10:15-10:48.\n" + signature + "\n"
    report = assistant.check_note(text)
    assert report.check("provider").status == "met"
    assert [ln.modifiers for ln in report.billing.lines] == [modifiers]


def test_a_particle_alone_names_no_one() -> None:
    text = HEAD + "Taught: tub bench transfer. 10:15-10:48. Pt referred to an OT for splinting.\n"
    assert assistant.check_note(text).check("provider").status == "missing"


def test_a_group_whose_content_is_labelled_behavior_management_has_no_cts_line() -> None:
    text = (
        "CAREGIVER SKILLS GROUP 9/25/2025, 10:00-11:15. Attendees: caregivers of 4 different patients; no patients "
        "present.\nContent: behavior management -- identifying triggers for care refusal, bathing in steps.\n"
        "Facilitator: B. Strand, PsyD\n"
    )
    report = assistant.check_note(text, billed=[{"code": "G0543", "units": 1}])
    assert _lines(report) == ""
    assert report.check("units").status == "problem"
