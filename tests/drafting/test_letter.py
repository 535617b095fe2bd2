"""The letter a payer takes: title by level, identifiers or placeholders, letterhead, primary citations,
each quote once where it supports its sentence; DOCX header, footer and properties; actions that never
ask anyone to change a note."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime

import pytest
from docx import Document

from assistant.drafting.appeal import draft_appeal
from assistant.drafting.deps import DraftingDeps, Practice
from assistant.drafting.docx import appeal_docx
from assistant.drafting.evidence import QUOTE_TERMS
from assistant.drafting.offline import OfflineDrafter
from assistant.knowledge.loader import cached_knowledge
from tests.drafting.stubs import GOOD_NOTE, StubAssistant, make_report

KB = cached_knowledge()
TODAY = date(2025, 4, 1)
CLAIM = {
    "icn": "2225063123456",
    "dos": "03/04/2025",
    "mbi": "1EG4-TE5-MK72",
    "patient_name": "John Roe",
    "payer": "Medicare Part B (Noridian JF)",
    "notice_date": "2025-03-20",
    "npi": "1234567893",
    "lines": [{"code": "97550", "units": 1, "modifiers": ["GP"]}],
}
# Advice that would have a note changed after a denial.
ALTER_NOTE = re.compile(
    r"\b(add|document|amend|update|correct|fix|edit)\b[^.]{0,40}\b(note|record|chart)\b"
    r"|\bdocument the missing\b",
    re.I,
)


def deps(report=None, practice: Practice | None = None) -> DraftingDeps:  # type: ignore[no-untyped-def]
    stub = StubAssistant(OfflineDrafter(), report)
    return DraftingDeps(
        knowledge=KB, backend=stub.backend, check=stub.check_note, practice=practice or Practice(), today=lambda: TODAY
    )


def appeal(claim: dict | None = CLAIM, denial: str = "CO-50 N115", **kw):  # type: ignore[no-untyped-def]
    return draft_appeal(deps(**kw), denial=denial, note=GOOD_NOTE, claim=claim)


@pytest.mark.parametrize(
    ("claim", "title", "route", "member_label"),
    [
        (CLAIM, "Request for Redetermination", "redetermination", "Medicare number (MBI)"),
        (
            {**CLAIM, "prior_level": "redetermination"},
            "Request for Reconsideration",
            "reconsideration",
            "Medicare number (MBI)",
        ),
        (
            {**CLAIM, "payer": "Sunrise Medicare Advantage HMO"},
            "Request for Plan Reconsideration (Medicare Advantage)",
            "plan_reconsideration",
            "Member ID",
        ),
        (
            {**CLAIM, "payer": "Keystone Health Plan", "payer_deadline": "2025-05-01"},
            "Request for Appeal",
            "payer_appeal",
            "Member ID",
        ),
    ],
)
def test_title_by_level(claim: dict, title: str, route: str, member_label: str) -> None:
    result = appeal(claim)
    assert result.route == route and result.letter.title == title
    assert result.letter.identifiers[member_label] == "1EG4-TE5-MK72"
    assert result.deadline is not None and result.deadline.route == route and result.deadline.due_date


def test_redetermination_elements_and_deadline() -> None:
    result = appeal()
    ids = result.letter.identifiers
    assert ids["Beneficiary"] == "John Roe" and ids["Claim number (ICN)"] == "2225063123456"
    assert ids["Date of service"] == "03/04/2025" and "97550 x1 GP" in ids["Service"]
    assert result.letter.date == TODAY and result.letter.recipient == "Medicare Part B (Noridian JF)"
    assert result.deadline.due_date == date(2025, 7, 23) and result.deadline.days_left == 113  # 120 days from 03/25
    assert any("file by 2025-07-23" in a and "113 days left" in a for a in result.actions)


@pytest.mark.parametrize(
    ("claim", "route", "recipient", "address", "notice_label"),
    [
        (CLAIM, "redetermination", "Medicare Part B (Noridian JF)", "[[Payer appeals address]]",
         "Date of the denial notice"),
        ({**CLAIM, "payer": None}, "redetermination", "Medicare Administrative Contractor (MAC), Redeterminations",
         "[[Payer appeals address]]", "Date of the denial notice"),
        ({**CLAIM, "prior_level": "redetermination"}, "reconsideration",
         "Qualified Independent Contractor (QIC), Reconsiderations — [[QIC name from the redetermination notice]]",
         "[[QIC address from the redetermination notice]]", "Date of the redetermination notice"),
        ({**CLAIM, "prior_level": "reconsideration"}, "alj", "Office of Medicare Hearings and Appeals (OMHA)",
         "[[OMHA address from the reconsideration notice]]", "Date of the reconsideration notice"),
        ({**CLAIM, "prior_level": "redetermination", "payer_address": "PO Box 1, Camp Hill PA"}, "reconsideration",
         "Qualified Independent Contractor (QIC), Reconsiderations — [[QIC name from the redetermination notice]]",
         "PO Box 1, Camp Hill PA", "Date of the redetermination notice"),
        ({**CLAIM, "payer": "Sunrise Medicare Advantage HMO", "prior_level": "redetermination"},
         "plan_reconsideration", "Sunrise Medicare Advantage HMO", "[[Payer appeals address]]",
         "Date of the denial notice"),
    ],
)
def test_recipient_and_notice_follow_the_route(
    claim: dict, route: str, recipient: str, address: str, notice_label: str
) -> None:
    result = appeal(claim)
    letter = result.letter
    assert result.route == route
    assert (letter.recipient, letter.recipient_address) == (recipient, address)
    assert letter.identifiers[notice_label] == "03/20/2025"


def test_every_missing_identifier_is_a_placeholder() -> None:
    result = appeal(claim=None)
    letter = result.letter
    for label in (
        "Beneficiary",
        "Medicare number (MBI)",
        "Claim number (ICN)",
        "Date of service",
        "Date of the denial notice",
    ):
        assert letter.identifiers[label] == f"[[{label}]]"
    assert letter.recipient_address == "[[Payer appeals address]]"
    assert "[[Practice name]]" in letter.letterhead and any(
        "[[NPI]]" in x and "[[PTAN]]" in x for x in letter.letterhead
    )
    assert "[[Signature]]" in letter.signature
    assert result.deadline.due_date is None and "notice date" in result.deadline.basis


def test_letterhead_from_the_practice_settings() -> None:
    practice = Practice(
        name="Riverbend PT",
        address="1 Main St, Town",
        phone="555-0100",
        npi="1111111111",
        ptan="AB1234",
        signer="Dana Whitcomb, PT, DPT",
    )
    letter = appeal(claim={k: v for k, v in CLAIM.items() if k != "npi"}, practice=practice).letter
    assert letter.letterhead == ["Riverbend PT", "1 Main St, Town", "555-0100", "NPI 1111111111 · PTAN AB1234"]
    assert "Dana Whitcomb, PT, DPT" in letter.signature and "Riverbend PT" in letter.signature


@pytest.mark.parametrize("denial", ["CO-50 N115", "CO-151", "CO-204", "CO-97 M80", "CO-B12", "CO-50 N657"])
def test_letters_cite_only_primary_sources_and_quote_once(denial: str) -> None:
    letter = appeal(denial=denial).letter
    statements = [st for s in letter.sections for st in s.statements]
    cited = {sid for st in statements for sid in st.source_ids}
    assert all(KB.sources[sid].authority in ("cpt", "cms", "mac") for sid in cited), cited
    quotes = [q.text for st in statements for q in st.quotes]
    assert len(quotes) == len(set(quotes)) and quotes


@pytest.mark.parametrize("denial", ["CO-97 M80", "CO-236 N20"])
def test_a_bundling_appeal_never_advises_modifier_59(denial: str) -> None:
    """59 is never added by reflex (no published edit pairs the caregiver-training codes): the letter never names it."""
    result = appeal(denial=denial)
    said = " ".join([*(st.text for s in result.letter.sections for st in s.statements), *result.actions])
    assert "modifier 59" not in said.lower() and "59" not in re.findall(r"\b\d{2}\b", said)


def test_quotes_support_their_sentence() -> None:
    """'The note documents X' carries only quotes that speak of X (not the caregiver sentence for the goal)."""
    letter = appeal().letter
    labels = {r.shows: r.id for r in KB.rules.values()}
    for st in (st for s in letter.sections for st in s.statements):
        m = re.fullmatch(r"The note documents (.+)\.", st.text)
        if m and labels.get(m.group(1)) in QUOTE_TERMS:
            terms = QUOTE_TERMS[labels[m.group(1)]]
            assert all(terms.search(q.text) for q in st.quotes), (st.text, st.quotes)


@pytest.mark.parametrize(
    ("statuses", "denial", "lines"),
    [
        ({"consent": "missing"}, "CO-50", None),
        ({"need_and_goal": "missing"}, "CO-50", None),
        ({"total_time": "missing", "minimum_time": "missing"}, "CO-151", []),
        ({"return_demo": "missing"}, "CO-50", None),  # advisory: still an appeal, the gap is named
        ({"units": "problem"}, "CO-151", None),
        ({"patient_absent": "problem"}, "CO-50 N657", []),
    ],
)
def test_actions_never_ask_to_change_the_note(statuses: dict, denial: str, lines: list | None) -> None:
    report = make_report(GOOD_NOTE, statuses, lines=lines)
    result = draft_appeal(deps(report=report), denial=denial, note=GOOD_NOTE, claim=CLAIM)
    said = " ".join([*result.actions, *(r.text for r in result.reasons)])
    assert not ALTER_NOTE.search(said), ALTER_NOTE.search(said)
    if result.recommendation == "no_appeal" or statuses.get("return_demo"):
        assert "does not make the denied claim payable" in said


def test_docx_header_footer_and_properties() -> None:
    practice = Practice(name="Riverbend PT", address="1 Main St")
    result = appeal(practice=practice)
    before = datetime.now(UTC).replace(microsecond=0)
    doc = Document(io.BytesIO(appeal_docx(result)))
    section = doc.sections[0]
    assert "Riverbend PT" in section.header.paragraphs[0].text
    footer_xml = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml
    props = doc.core_properties
    assert props.author == "Riverbend PT" and props.title == "Request for Redetermination"
    assert props.created is not None and abs((props.created.replace(tzinfo=UTC) - before).total_seconds()) < 60
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "Request for Redetermination" in body and "[[" not in body.split("Sources cited")[-1]
    cited = {sid for s in result.letter.sections for st in s.statements for sid in st.source_ids}
    listed = set(re.findall(r"^\[([a-z0-9.-]+)\]", body, re.M))
    assert listed == cited


PRESENT_NOTE = """OT Treatment Note - caregiver training
DOS 2026-10-14
Pt: Bertram Quillon, 79 y/o, Dx G20.A1 Parkinson's disease without dyskinesia
Caregiver: wife Marguerite (unpaid), present with patient.
Pt consented to training of wife.
POC goal 2: pt will complete lower body dressing with min A of spouse.
Session: pt participated throughout; OT trained wife in hand-over-hand assist for LB dressing while pt practiced
donning pants and socks seated EOB; pt performed sit-to-stand x5 with wife guarding.
Wife return demo'd dressing assist with 2 verbal cues.
Time 13:00-13:40 (40 min)
S. Okonkwo, OTR/L
"""


def test_a_patient_present_recode_says_what_to_bill() -> None:
    claim = {**CLAIM, "patient_name": "Bertram Quillon", "dos": "2026-10-14", "notice_date": "2026-11-16",
             "lines": [{"code": "97550", "units": 1, "modifiers": ["GO"]},
                       {"code": "97551", "units": 1, "modifiers": ["GO"]}]}
    from assistant import Assistant, Settings

    real = Assistant(Settings(embedder="hash"))  # the real note check, which finds the patient present
    d = DraftingDeps(knowledge=KB, backend=OfflineDrafter(), check=real.check_note, practice=Practice(),
                     today=lambda: date(2026, 12, 1))
    result = draft_appeal(d, denial="CO-50 N657", note=PRESENT_NOTE, claim=claim)
    text = " ".join(result.actions)
    assert result.recommendation == "corrected_claim" and "billing: ." not in text
    assert "drop the caregiver-training lines (97550 x1 GO, 97551 x1 GO)" in text and "97530 or 97535" in text


@pytest.mark.parametrize(("check", "clause", "speaks"), [
    ("patient_absent", "patient asleep in another room, not participating", True),
    ("patient_absent", "pt did not attend the session", True),
    ("need_and_goal", "pt cannot recall transfer steps at night", True),
    ("need_and_goal", "sister had been helping pt put on shoes by bending pt's hip", True),
    ("return_demo", "daughter cued the swallow appropriately during a simulated meal", True),
    ("patient_absent", "Child at school during the session", True),
    ("skilled_need", "VFSS showed penetration with thin liquids", True),
    ("need_and_goal", "fell twice in the bathroom", True),
    # words of another element do not speak to these
    ("return_demo", "Consent: pt verbal 10/16/26", False),
    ("patient_absent", "taught guarding on stairs", False),
    # "returned" alone is mail, a trip or a call, not a return demonstration
    ("return_demo", "[office: ADR letter found in the returned-mail bin 10/2/2026]", False),
    ("return_demo", "pt returned home from rehab 9/30", False),
    ("return_demo", "wife gave a return demonstration of the transfer", True),
])
def test_quote_terms_speak_to_their_check(check: str, clause: str, speaks: bool) -> None:
    """A clause is quoted for a check only when it holds one of the check's words."""
    assert bool(QUOTE_TERMS[check].search(clause)) == speaks
