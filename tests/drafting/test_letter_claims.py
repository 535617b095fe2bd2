"""Every letter sentence is a fact the note check found or a cited rule; codes named are the denial's own.

Real note check, offline drafter, three notes (minimal, typical, rich) under several denials: no
sentence says "signed", names an LCD or NCD the denial does not cite, claims the record meets a
policy's criteria, or states an element (by its rule's keywords) whose check was not met.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from assistant.drafting.denial import match_pattern, parse_denial
from assistant.drafting.evidence import relevant_quotes
from assistant.drafting.render import render_appeal
from assistant.knowledge.loader import cached_knowledge
from assistant.service import Assistant

KB = cached_knowledge()
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "note_ready.txt"

MINIMAL = """DOS 03/04/2025
Patient not present; caregiver training given to his daughter Ana (unpaid caregiver).
Patient consented on 03/01/2025 to training of his daughter.
Need: pt needs mod assist for transfers; POC goal 1: safe bed to chair transfer with caregiver assist.
Instructed daughter in stand pivot transfer technique.
Time: 10:00-10:32 (32 min total).
J. Smith, PT
"""
TYPICAL = EXAMPLE.read_text()
RICH = TYPICAL + (
    "Safety risks reviewed: orthostatic hypotension on standing; precautions taught (sit 1 min before standing).\n"
    "Teach-back: wife explained the transfer sequence in her own words.\n"
)
NOTES = {"minimal": MINIMAL, "typical": TYPICAL, "rich": RICH}
DENIALS = ("CO-50", "CO-50 N115", "CO-50 N386", "CO-151", "CO-50 N657")
CLAIM = {"payer": "Medicare Part B", "date_of_service": "03/04/2025",
         "lines": [{"code": "97550", "units": 1, "modifiers": ["GP"]}]}
POLICY = re.compile(r"\b(LCD|NCD|local coverage|national coverage)\b", re.I)
MEETS = re.compile(r"\bmeets? (its|the|that)\b[^.]*\bcriteria\b|could not learn", re.I)


@pytest.fixture(scope="module")
def assistant() -> Assistant:
    return Assistant()


def _letter_sentences(result) -> list[str]:  # type: ignore[no-untyped-def]
    assert result.letter is not None
    return [st.text for sec in result.letter.sections for st in sec.statements]


@pytest.mark.parametrize("name", sorted(NOTES))
@pytest.mark.parametrize("denial", DENIALS)
def test_no_sentence_claims_what_the_note_check_did_not_find(assistant: Assistant, name: str, denial: str) -> None:
    note = NOTES[name]
    result = assistant.draft_appeal(denial, note, claim=CLAIM)
    if result.letter is None:
        pytest.fail(f"{name}/{denial}: {result.recommendation}, no letter to read")
    report = assistant.check_note(note, dos=date(2025, 3, 4), billed=None)
    unmet = {c.id for c in report.checks if c.status != "met"}
    cites_policy = any(r.code in ("N115", "N386") for r in result.denial.rarcs)
    for text in _letter_sentences(result):
        assert not re.search(r"\bsigned\b", text, re.I), text
        assert not MEETS.search(text), text
        assert cites_policy or not POLICY.search(text), text
        low = text.lower()
        for cid in unmet & set(KB.rules):
            said = [k for k in KB.rules[cid].keywords if k.lower() in low]
            assert not said, f"{name}/{denial}: {cid} is {report.checks} but the letter says {said}: {text}"


def test_reasons_for_an_lcd_name_no_criteria_met_and_leave_the_lcd_to_fill(assistant: Assistant) -> None:
    result = assistant.draft_appeal("CO-50 N115", EXAMPLE.read_text(), claim=CLAIM)
    lcd = [r for r in result.reasons if "LCD" in r.text]
    assert lcd and all("[[LCD number and title" in r.text and not MEETS.search(r.text) for r in lcd)
    assert all("signed" not in r.text for r in result.reasons)


def test_the_note_title_is_no_evidence_of_the_caregiver(assistant: Assistant) -> None:
    note = EXAMPLE.read_text()
    report = assistant.check_note(note, dos=date(2025, 3, 4))
    caregiver = next(c for c in report.checks if c.id == "caregiver")
    quotes = relevant_quotes(caregiver, note)
    assert quotes and not any(q.startswith("Caregiver Training Services") for q in quotes)
    assert not any("caregiver assist" in q and "wife" not in q for q in quotes)


OTHER_SERVICES_NOTE = """Date of Service: 11/16/2026
Disciplines today: PT 09:00-09:40 (97110 x2, 97530 x1 with patient), OT 10:00-10:30 (97535 x2 with patient), \
SLP 11:00-11:20 (92507 with patient).
CAREGIVER TRAINING (PT) - patient not present. Caregiver: daughter, Bettina (unpaid family caregiver).
Consent: patient gave verbal consent on 11/09/2026 for caregiver training without the patient present.
Skills taught: instructed daughter in car transfer sequence. Daughter return-demonstrated car transfer x3.
CTS time 12:05 PM - 12:41 PM (36 min).
Therapist: Quentin Harrow, PT, DPT"""


@pytest.mark.parametrize("check_id", ["total_time", "start_stop"])
def test_the_training_time_line_is_the_time_evidence(assistant: Assistant, check_id: str) -> None:
    # hostile16 #7: the line listing six clock times of patient-present services outranked the CTS time line
    report = assistant.check_note(OTHER_SERVICES_NOTE)
    check = next(c for c in report.checks if c.id == check_id)
    quotes = relevant_quotes(check, OTHER_SERVICES_NOTE)
    assert quotes and "12:05 PM - 12:41 PM" in quotes[0], quotes


BYSTANDERS_NOTE = """Date of service: 10/21/2026
Time: 10:00 AM - 11:16 AM (76 minutes). Patient not present (resting at home with neighbour Mr. Hollis Pruitt).
Caregiver trained: daughter, Colette Brandt-Lowe (lives with patient, unpaid).
Patient consented verbally on 10/07/2026 to Colette being trained.
Also attended: paid aide Dolores Fenn from Sunrise Home Care (observed only; not trained, not billed).
Training: safe stand-pivot transfers bed to wheelchair, gait belt use, car transfers, fall recovery.
Therapist demonstrated each skill; Colette performed return demonstration with verbal cues x2, then independently.
Functional goal: patient to transfer safely at home with caregiver assist, reducing fall risk.
Billed: 97550 x1 GP, 97551 x3 GP. Priya Raman, PT, DPT"""


@pytest.mark.parametrize("check_id", ["caregiver", "skills_taught", "return_demo", "skilled_need"])
def test_only_the_trained_caregivers_lines_are_evidence(assistant: Assistant, check_id: str) -> None:
    # hostile15 #20: a paid aide's attendance and the neighbour who sat with the patient were quoted
    report = assistant.check_note(BYSTANDERS_NOTE)
    check = next(c for c in report.checks if c.id == check_id)
    quotes = relevant_quotes(check, BYSTANDERS_NOTE)
    assert quotes and not any("Dolores" in q or "neighbour" in q for q in quotes), quotes
    if check_id == "caregiver":
        assert [e.quote for e in check.evidence] == ["daughter"]


@pytest.mark.parametrize(
    ("denial", "named", "not_named"),
    [("CO-16 M51", "(CO-16)", "M53"), ("CO-16 M53", "(CO-16 + M53)", "MA130"), ("CO-50", "(CO-50)", "N115")],
)
def test_a_pattern_title_names_only_the_codes_given(denial: str, named: str, not_named: str) -> None:
    parsed, _ = parse_denial(denial, KB.reason_codes)
    pattern = match_pattern(parsed, KB.denial_patterns)
    assert pattern is not None and pattern.title.endswith(named) and not_named not in pattern.title


def test_m51_is_a_known_rarc_with_a_source() -> None:
    m51 = KB.reason_codes["M51"]
    assert m51.kind == "rarc" and "procedure code" in m51.meaning and m51.sources
    _, warnings = parse_denial("CO-16 M51", KB.reason_codes)
    assert warnings == []


def test_an_unknown_carc_is_said_plainly_at_the_top_and_left_to_the_biller_in_the_letter(assistant: Assistant) -> None:
    result = assistant.draft_appeal("CO-999", TYPICAL, claim=CLAIM)
    assert any("CARC 999 is not a known CARC" in w and "remittance advice" in w for w in result.warnings)
    text = render_appeal(result)
    head = text.split("## Why")[0]
    assert "Warning: CARC 999 is not a known CARC" in head
    assert text.count("CARC 999 is not a known CARC") == 1
    assert result.letter is not None
    denial_section = " ".join(_letter_sentences(result))
    assert "999 is not a known CARC: [[biller to confirm:" in denial_section


# notice dates as days before today: 200 is past the 125 days but inside the 1-year reopening window
@pytest.mark.parametrize(("days_ago", "late"), [(200, True), (12, False)])
def test_a_late_request_asks_for_good_cause_with_a_placeholder(assistant: Assistant, days_ago: int, late: bool) -> None:
    notice = (date.today() - timedelta(days=days_ago)).isoformat()
    result = assistant.draft_appeal("CO-50", TYPICAL, claim={**CLAIM, "notice_date": notice})
    assert result.letter is not None and result.deadline is not None
    sections = {s.id: s for s in result.letter.sections}
    assert ("good_cause" in sections) is late and result.deadline.overdue is late
    if late:
        said = " ".join(st.text for st in sections["good_cause"].statements)
        assert "[[Good cause:" in said
        assert "cfr-405-942" in [sid for st in sections["good_cause"].statements for sid in st.source_ids]
        assert "cfr-405-942" in {s.id for s in result.sources}


@pytest.mark.parametrize("pattern_id", sorted(KB.denial_patterns))
def test_no_argument_point_asserts_a_signature_or_a_policy_met(pattern_id: str) -> None:
    pattern = KB.denial_patterns[pattern_id]
    points = [*pattern.argument, *(p for ps in pattern.arguments_when.values() for p in ps)]
    for text in points:
        assert not re.search(r"\bsigned\b", text, re.I) and not MEETS.search(text), text


def test_good_cause_on_the_claim_is_the_letters_good_cause(assistant: Assistant) -> None:
    notice = (date.today() - timedelta(days=500)).isoformat()  # the reopening window has closed too
    closed = assistant.draft_appeal("CO-50", TYPICAL, claim={**CLAIM, "notice_date": notice})
    assert closed.recommendation == "no_appeal" and closed.letter is None
    why = "The notice went to an address the contractor had on file from 2019; it reached us on 11/20/2026."
    result = assistant.draft_appeal("CO-50", TYPICAL, claim={**CLAIM, "notice_date": notice, "good_cause": why})
    assert result.recommendation == "appeal" and result.letter is not None
    said = " ".join(st.text for s in result.letter.sections if s.id == "good_cause" for st in s.statements)
    assert why in said and "[[Good cause:" not in said


SAME_DAY = """DOS 10/01/2026
08:00-08:30 Self-care training with patient present (97535 x2 GO).
09:00-10:00 Caregiver training without the patient present: patient's husband (unpaid caregiver).
Pt gave verbal consent 09/21/2026 for husband's training.
Need: pt mod A for toileting and LB dressing after TKA; POC goal 3 toileting with supervision.
Taught toilet transfers with raised seat, LB dressing with reacher and sock aid; hands-on correction of his guarding.
Husband return-demonstrated toilet transfer and sock aid x2, second independent.
Billing: 97535 x2 GO, 97550 x1 GO, 97551 x2 GO
Wes Dorn, OTR/L
"""


@pytest.mark.parametrize("present", ["with patient present", "with the patient present"])
def test_a_line_that_says_the_patient_was_present_is_no_evidence_of_absence(assistant: Assistant, present: str) -> None:
    # QA9 F11: the patient-present session of the same day is never quoted for "without the patient present"
    note = SAME_DAY.replace("with patient present", present)
    report = assistant.check_note(note, dos=date(2026, 10, 1))
    absent = next(c for c in report.checks if c.id == "patient_absent")
    assert absent.status == "met"
    quotes = relevant_quotes(absent, note)
    assert quotes and all(present not in q for q in quotes)
    assert any("without the patient present" in q for q in quotes)
    claim = {"dos": "2026-10-01", "payer_type": "medicare_advantage", "notice_date": "2026-11-20",
             "lines": [{"code": "97550", "units": 1, "modifiers": ["GO"], "denied": True},
                       {"code": "97551", "units": 2, "modifiers": ["GO"], "denied": True},
                       {"code": "97535", "units": 2, "modifiers": ["GO"]}]}
    result = assistant.draft_appeal("CO-50", note, claim=claim)
    assert result.letter is not None and present not in render_appeal(result)


@pytest.mark.parametrize(("clause", "contradicts"), [
    ("08:00-08:30 Self-care training with patient present (97535 x2 GO).", True),
    ("Caregiver training without the patient present: husband (unpaid).", False),
    ("Patient present in session: NO -- patient present at dialysis center", False),
    ("Patient present ............. No", False),
])
def test_which_clauses_say_the_patient_was_present(clause: str, contradicts: bool) -> None:
    from assistant.drafting.evidence import _CONTRADICTS, _contradicts

    assert _contradicts(_CONTRADICTS["patient_absent"], clause) is contradicts
