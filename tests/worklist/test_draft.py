"""Drafting from an item uses the same `Assistant.draft_appeal` as `assistant appeal`; bulk drafting; migrations."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from assistant import Assistant, Settings
from assistant.errors import InputError, TransitionError
from assistant.notes.api import note_session_dates
from assistant.worklist import migrations
from assistant.worklist.db import Base
from assistant.worklist.queue import refuse_other_session
from assistant.worklist.store import MIGRATIONS, migrate
from tests.worklist.conftest import TODAY, era, reprocessed_unprocessable

NOTE = (
    "Date of service: 03/04/2025. Caregiver training with the patient's wife; patient was not present. "
    "Verbal consent obtained from the patient. Need: wife assists with transfers at home; goal: safe sit-to-stand "
    "transfers per the plan of care. Taught sit-to-stand transfer with gait belt, hand placement and cueing; wife "
    "completed return demonstration with two verbal cues. Total 32 minutes. Jane Doe, PT, DPT."
)


class Recording(Assistant):
    """The real assistant, remembering what `draft_appeal` was called with."""

    calls: list[dict[str, Any]]

    def draft_appeal(
        self,
        denial: str,
        note: str | bytes,
        claim: dict[str, Any] | None = None,  # type: ignore[override]
        denial_text: str | None = None,
        *,
        dos: Any = None,
    ) -> Any:
        self.calls.append({"denial": denial, "claim": claim, "dos": dos})
        return super().draft_appeal(denial, note, claim=claim, denial_text=denial_text, dos=dos)


@pytest.fixture
def recording(database_url: str, tmp_path: Path) -> Recording:
    a = Recording(Settings(embedder="hash", data_dir=tmp_path, database_url=database_url))
    a.calls = []
    a.import_era(era("medicare_partb.835"), today=TODAY)
    return a


def _item(a: Assistant, code: str, denial_start: str) -> int:
    return next(
        i.id for i in a.worklist(today=TODAY).items if i.procedure == code and i.denial.startswith(denial_start)
    )


def test_draft_uses_draft_appeal_with_the_item_claim(recording: Recording) -> None:
    item = _item(recording, "97550", "CO-50")
    detail, result = recording.draft_worklist_item(item, note=NOTE, today=TODAY)
    call = recording.calls[0]
    assert call["denial"] == "CO-50 N115" and str(call["dos"]) == "2025-03-04"
    assert call["claim"]["icn"] == "2225077123450" and call["claim"]["lines"][0]["code"] == "97550"
    assert detail.status == "drafted" and detail.note_attached and detail.draft is not None
    assert detail.action == result.recommendation
    assert [h.action for h in detail.history] == ["imported", "note", "drafted"]
    stored = recording.worklist_draft(item)
    assert stored is not None and stored.recommendation == result.recommendation


def test_the_item_facts_flow_into_the_draft(recording: Recording) -> None:
    """The notice date (DTM*405), numbers, patient, payer type, lines and codes the remittance gave the item."""
    item = _item(recording, "97550", "CO-50")
    _, result = recording.draft_worklist_item(item, note=NOTE, today=TODAY)
    claim = recording.calls[0]["claim"]
    assert claim["notice_date"] == "2025-04-16" and claim["payer_type"] == "medicare"
    assert (claim["claim_number"], claim["icn"]) == ("SDT25030401", "2225077123450")
    assert [(ln["code"], ln["charge"], ln["denied"]) for ln in claim["lines"]] == [
        ("97550", "120", True), ("97551", "60", True)
    ]
    assert result.deadline is not None and result.deadline.due_date is not None
    assert "2025-04-16" in result.deadline.basis and "Give the notice date" not in " ".join(result.actions)


@pytest.mark.parametrize(
    ("route", "prior_level"), [("redetermination", None), ("reconsideration", "redetermination"),
                               ("alj", "reconsideration"), (None, None)]
)
def test_draft_claim_prior_level_follows_the_item_route(route: str | None, prior_level: str | None) -> None:
    from datetime import date as _date

    from assistant.worklist.db import Item
    from assistant.worklist.queue import draft_claim

    item = Item(
        payer_name="NOVITAS", payer_type="medicare", patient_control_number="P1", payer_claim_number="I1",
        patient_name="ROE, JOHN", member_id="1EG4TE5MK72", rendering_npi="", service_date=_date(2025, 3, 4),
        notice_date=_date(2025, 4, 16), payer_deadline=None, route=route, charge_cents=12000,
        claim_lines=[{"code": "97550", "units": 1, "modifiers": ["GP"], "paid": "0"},
                     {"code": "97110", "units": 2, "modifiers": ["GP"], "paid": "40.00"},
                     {"code": "97551", "units": 1, "modifiers": ["GP"], "paid": "bad"}],
    )
    claim = draft_claim(item, {"97550", "97551"})
    assert claim.get("prior_level") == prior_level
    assert claim["notice_date"] == "2025-04-16" and "npi" not in claim
    assert [(ln["code"], ln.get("denied")) for ln in claim["lines"]] == [("97550", True), ("97551", None)]


def test_draft_without_a_note_is_bad_input(recording: Recording) -> None:
    with pytest.raises(InputError, match="no note"):
        recording.draft_worklist_item(_item(recording, "97550", "CO-50"), today=TODAY)
    assert recording.calls == []


def test_submitted_items_are_not_redrafted(recording: Recording) -> None:
    item = _item(recording, "97550", "CO-50")
    recording.update_worklist_item(item, {"status": "submitted"}, today=TODAY)
    with pytest.raises(TransitionError):
        recording.draft_worklist_item(item, note=NOTE, today=TODAY)


def test_bulk_drafting_reports_each_item(recording: Recording) -> None:
    with_note = _item(recording, "97550", "CO-50")
    same_claim = _item(recording, "97551", "CO-50")  # the claim's other line, same date of service
    other_claim = _item(recording, "97550", "PR-119")
    recording.attach_worklist_note(with_note, NOTE, today=TODAY)
    results = recording.draft_worklist_items([with_note, same_claim, other_claim, 999_999], today=TODAY)
    assert [(r.id, r.drafted) for r in results] == [
        (with_note, True), (same_claim, True), (other_claim, False), (999_999, False)]
    assert "no note" in results[2].message and "no worklist item" in results[3].message


def test_a_note_reaches_the_claims_other_lines_of_its_date_only(recording: Recording) -> None:
    """hostile14 #14: one session's note documents each line of its claim; a line with its own note keeps it."""
    first, second = _item(recording, "97550", "CO-50"), _item(recording, "97551", "CO-50")
    other = _item(recording, "97551", "CO-151")
    own = NOTE + " Addendum for the add-on line."
    recording.attach_worklist_note(second, own, today=TODAY)
    recording.attach_worklist_note(first, NOTE, today=TODAY)
    assert recording._worklist.draft_inputs("default", second)[1] == own
    assert not recording.worklist_item(other, today=TODAY).note_attached
    recording.attach_worklist_note(second, NOTE, today=TODAY)  # re-attaching the first's note reaches no one else
    history = [e.detail for e in recording.worklist_item(first, today=TODAY).history]
    assert history.count(f"note attached ({len(NOTE)} characters)") == 1


# (note, the item's date of service) -> the note is of that session (None: it gives no date to compare)
@pytest.mark.parametrize(("note", "dos", "same"), [
    (NOTE, date(2025, 3, 4), True),
    (NOTE, date(2025, 3, 6), False),
    (NOTE.replace("Date of service: 03/04/2025. ", ""), date(2025, 3, 6), None),
    # an earlier entry quoted before the session's own: the session's date is one the note gives
    ("[From the initial evaluation, 02/10/2025] " + NOTE.replace("Date of service: 03/04/2025. ", "") + " 03/04/2025",
     date(2025, 3, 4), True),
    (NOTE.replace("Date of service: 03/04/2025", "DOS 09/15/2026"), date(2025, 3, 6), False),
])
def test_a_note_of_another_session_is_refused_by_date(note: str, dos: date, same: bool | None) -> None:
    dates = note_session_dates(note)
    assert (dos in dates if dates else None) is same
    if same is False:
        with pytest.raises(InputError, match=f"item 7's date of service, {dos.isoformat()}: the note is not used"):
            refuse_other_session(7, dos, dates)
    else:
        refuse_other_session(7, dos, dates)
    refuse_other_session(7, None, dates)  # an item without a date of service takes any note


def test_a_note_of_another_date_leaves_the_item_unchanged(recording: Recording) -> None:
    """An operator attaching the wrong note must not decide the item: no note, no draft, same action, status and
    expected recovery (a no-appeal draft would have set it to 0), no history entry."""
    item = _item(recording, "97551", "CO-151")  # date of service 2025-03-06; NOTE is dated 03/04/2025
    before = recording.worklist_item(item, today=TODAY)
    for call in (lambda: recording.draft_worklist_item(item, note=NOTE, today=TODAY),
                 lambda: recording.attach_worklist_note(item, NOTE, today=TODAY)):
        with pytest.raises(InputError, match="the note is dated for another day than item"):
            call()
    after = recording.worklist_item(item, today=TODAY)
    assert after == before and not after.note_attached and recording.calls == []
    results = recording.draft_worklist_items([item], today=TODAY)
    assert not results[0].drafted and "no note" in results[0].message


def test_a_note_attached_before_the_rule_is_not_drafted(recording: Recording) -> None:
    """A note of another session stored before such notes were refused is refused when the item is drafted."""
    item = _item(recording, "97551", "CO-151")
    recording._worklist.attach_note("default", item, NOTE, note_dates=[], actor="old", today=TODAY)
    results = recording.draft_worklist_items([item], today=TODAY)
    assert not results[0].drafted and "2025-03-06: the note is not used" in results[0].message
    assert recording.worklist_item(item, today=TODAY).status == "new" and recording.calls == []


def test_empty_note_is_refused(recording: Recording) -> None:
    with pytest.raises(InputError):
        recording.attach_worklist_note(_item(recording, "97550", "CO-50"), "   ", today=TODAY)


def test_migrated_schema_equals_the_models(assistant: Assistant) -> None:
    engine = assistant.store.engine
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata) == []
    migrate(engine)  # a second run is a no-op


def test_head_constant_is_the_newest_revision() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == migrations.HEAD


def test_sqlite_file_is_created_on_first_use(tmp_path: Path) -> None:
    a = Assistant(Settings(embedder="hash", data_dir=tmp_path / "new" / "folder"))
    assert not (tmp_path / "new").exists()
    assert a.worklist(today=TODAY).total == 0
    assert (tmp_path / "new" / "folder" / "worklist.sqlite3").is_file()



def test_decisions_recorded_before_their_table_are_kept(tmp_path: Path) -> None:
    """Revision 0002 (qa10b #3) copies the outcomes items already hold into `decisions`, so no statistic is lost."""
    from sqlalchemy import create_engine, text

    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    a = Assistant(Settings(embedder="hash", data_dir=tmp_path, database_url=url))
    a.import_era(era("medicare_partb.835"), today=TODAY)
    a.store.dispose()
    engine = create_engine(url)
    with engine.begin() as conn:  # back to revision 0001, with an outcome recorded on the item only
        conn.execute(text("DROP TABLE decisions"))
        for column in ("version", "attention", "redenial_of"):  # revisions 0003's and 0004's
            conn.execute(text(f"ALTER TABLE items DROP COLUMN {column}"))
        conn.execute(text("UPDATE alembic_version SET version_num = '0001'"))
        conn.execute(text("UPDATE items SET status = 'lost', open = 0 WHERE id = 1"))
    migrate(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT item_id, status FROM decisions")).all() == [(1, "lost")]


def test_a_draft_for_a_denial_the_payer_replaced_goes_back_to_new(recording: Recording) -> None:
    """qa10b #1: the reprocessed claim's new denial is not what the draft answered; the item is drafted again."""
    item = _item(recording, "97550", "CO-50")
    recording.draft_worklist_item(item, note=NOTE, today=TODAY)
    now_unprocessable = reprocessed_unprocessable()
    recording.import_era(now_unprocessable, today=date(2025, 5, 20))
    detail = recording.worklist_item(item, today=date(2025, 5, 20))
    assert (detail.status, detail.draft, detail.route) == ("new", None, "new_claim")
    assert "draft the item again" in detail.history[-1].detail and detail.note_attached


def test_a_draft_that_files_nothing_keeps_no_countdown(recording: Recording) -> None:
    """qa10b #25: an item drafted as no_appeal leaves the due list; its route's clock no longer applies."""
    item = _item(recording, "97550", "CO-50")
    assert recording.worklist_item(item, today=TODAY).due_date is not None
    no_consent = NOTE.replace("Verbal consent obtained from the patient. ", "")
    detail, result = recording.draft_worklist_item(item, note=no_consent, today=TODAY)
    assert result.recommendation == "no_appeal"
    assert (detail.action, detail.due_date, detail.days_left) == ("no_appeal", None, None)
    assert item not in [i.id for i in recording.worklist(due=3650, today=TODAY).items]


def test_an_item_with_nothing_to_file_says_so_instead_of_asking_for_a_note(assistant: Assistant) -> None:
    """qa10b #20: a timely-filing denial (CO-29) files nothing; bulk drafting says that, not "no note attached"."""
    assistant.import_era(era("medicare_partb.835").replace(b"CAS*CO*50*120~", b"CAS*CO*29*120~", 1), today=TODAY)
    late = next(i for i in assistant.worklist(today=TODAY).items if i.denial.startswith("CO-29"))
    assert late.action == "no_appeal"
    [result] = assistant.draft_worklist_items([late.id], today=TODAY)
    assert not result.drafted and "nothing to file" in result.message and "written_off" in result.message


@pytest.mark.parametrize(("charge_cents", "charges", "billed"), [
    (14000, ["140.00", "210.00", "60"], "410.00"),  # hostile15 #12: the item's own line is not the claim's charge
    (35000, [None, "210.00"], "350.00"),  # a line without its charge: never below the item's
    (12000, [], "120.00"),
])
def test_draft_claim_bills_the_claims_charge(charge_cents: int, charges: list[str | None], billed: str) -> None:
    from datetime import date as _date

    from assistant.drafting.claims import amount_warnings, parse_claim
    from assistant.worklist.db import Item
    from assistant.worklist.queue import draft_claim

    lines = [{"code": c, "units": 1, "modifiers": ["GP"], "paid": "0", "charge": ch}
             for c, ch in zip(["97550", "97551", "97110"], charges, strict=False)]
    item = Item(payer_name="NORIDIAN", payer_type="medicare", patient_control_number="P1", payer_claim_number="I1",
                patient_name="ROE, JOHN", member_id="1EG4TE5MK72", rendering_npi="", service_date=_date(2026, 10, 21),
                notice_date=_date(2026, 11, 18), payer_deadline=None, route=None, charge_cents=charge_cents,
                claim_lines=lines)
    claim = draft_claim(item, {"97550", "97551"})
    assert claim["billed_amount"] == billed
    assert amount_warnings(parse_claim(claim)) == []


def test_a_note_naming_another_patient_leaves_the_item_unchanged(recording: Recording) -> None:
    """hostile17 #1: the note of another patient (the item is TESTPATIENT, ALPHA's) is refused by PUT note and by
    draft --note alike; nothing is stored or drafted."""
    item = _item(recording, "97550", "CO-50")
    other = f"Patient: Harold Vickery\n{NOTE}"
    before = recording.worklist_item(item, today=TODAY)
    for call in (lambda: recording.draft_worklist_item(item, note=other, today=TODAY),
                 lambda: recording.attach_worklist_note(item, other, today=TODAY)):
        with pytest.raises(InputError, match=f"a different patient than item {item} \\(name differs\\)"):
            call()
    assert recording.worklist_item(item, today=TODAY) == before and recording.calls == []
    recording.attach_worklist_note(item, f"Patient: Alpha Testpatient\n{NOTE}", today=TODAY)  # the item's own
