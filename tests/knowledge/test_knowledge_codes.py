"""Procedure codes, diagnosis-code changes, reason codes and denial patterns."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.knowledge.loader import Knowledge, cached_knowledge

CHECK_IDS = cached_knowledge().check_ids

SECTIONS = {
    "claim_identifiers",
    "denial_summary",
    "service_description",
    "documentation_support",
    "rule_citations",
    "request",
    "attachments",
}


def test_cts_procedure_codes(kb: Knowledge) -> None:
    c = kb.codes
    assert (c["97550"].kind, c["97550"].timed, c["97550"].minutes) == ("primary", True, 30)
    assert (c["97551"].kind, c["97551"].primary, c["97551"].minutes) == ("addon", "97550", 15)
    assert (c["97552"].kind, c["97552"].timed) == ("group", False)
    assert (c["G0540"].primary, c["G0542"].primary) == ("G0539", "G0541")
    assert (c["G0543"].kind, c["G0543"].timed) == ("group", False)
    assert {c[x].family for x in ("97550", "97551", "97552")} == {"cts"}
    assert {c[x].family for x in ("G0541", "G0542", "G0543")} == {"direct_care"}
    assert {c[x].family for x in ("G0539", "G0540", "96202", "96203")} == {"behavior"}
    for code in ("G0539", "G0540", "G0541", "G0542", "G0543"):
        assert c[code].effective_from == date(2025, 1, 1), code
        assert not c[code].in_force(date(2024, 12, 31))
    for code in ("97550", "97551", "97552"):
        assert c[code].effective_from == date(2024, 1, 1)
    for code in ("97530", "97535", "97110", "92507", "92526", *[str(n) for n in range(97161, 97169)]):
        assert c[code].family == "patient_present", code
    assert c["97550"].short_descriptor == "Caregiver traing 1st 30 min"


def test_every_addon_names_a_primary(kb: Knowledge) -> None:
    for code in kb.codes.values():
        assert (code.kind == "addon") == bool(code.primary), code.code


def _billable(kb: Knowledge, code: str, dos: date) -> bool | None:
    found = [ch for ch in kb.diagnosis_changes if ch.code == code and ch.in_force(dos)]
    assert len(found) <= 1, (code, dos)
    return found[0].billable if found else None


def test_diagnosis_changes_are_date_bound(kb: Knowledge) -> None:
    assert _billable(kb, "G20", date(2023, 9, 30)) is True
    assert _billable(kb, "G20", date(2023, 10, 1)) is False
    for sub in ("G20.A1", "G20.A2", "G20.B1", "G20.B2", "G20.C"):
        assert _billable(kb, sub, date(2024, 1, 1)) is True, sub
    assert _billable(kb, "G35", date(2025, 9, 30)) is True
    assert _billable(kb, "G35", date(2025, 10, 1)) is False
    for sub in ("G35.A", "G35.B0", "G35.B1", "G35.B2", "G35.C0", "G35.C1", "G35.C2", "G35.D"):
        assert _billable(kb, sub, date(2025, 10, 1)) is True, sub
        assert _billable(kb, sub, date(2025, 9, 30)) is None, sub
    assert _billable(kb, "R26.8", date(2025, 1, 1)) is False
    assert _billable(kb, "I69", date(2025, 1, 1)) is False
    not_billable = [ch for ch in kb.diagnosis_changes if not ch.billable and ch.effective_from]
    assert all(ch.replacement for ch in not_billable)


def test_reason_codes_present_and_paraphrased(kb: Knowledge) -> None:
    carcs = {"1", "2", "3", "4", "5", "11", "15", "16", "18", "22", "23", "24", "26", "27", "29", "31", "45", "50",
             "59", "96", "97", "107", "109", "119", "150", "151", "167", "170", "181", "182", "185", "197", "198",
             "204", "226", "236", "252", "253", "B7", "B9", "B12", "B15"}
    rarcs = {"M62", "M76", "N657", "N290", "M51", "M53", "N362", "N640", "M80", "N20", "N54", "N70", "M2", "M15",
             "N122", "N115", "N386", "MA130", "M127", "N286", "N265", "N382", "MA101", "N130", "N425",
             "MA04", "N519", "N522", "N570",  # secondary and crossover remarks (hostile17 #12)
             "MA01", "MA18", "MA07"}  # the last three informational: never steer a pattern
    assert {c for c, r in kb.reason_codes.items() if r.kind == "carc"} == carcs
    assert {c for c, r in kb.reason_codes.items() if r.kind == "rarc"} == rarcs
    # Our own short words, not the X12 text (whose licence is unsettled).
    official_fragments = [
        "These are non-covered services because this is not deemed a 'medical necessity' by the payer",
        "The benefit for this service is included in the payment/allowance for another service/procedure",
        "This should be billed with the appropriate code for these services",
        "Missing/incomplete/invalid days or units of service",
        "Add-on code cannot be billed by itself",
        "Benefit maximum for this time period or occurrence has been reached",
    ]
    for rc in kb.reason_codes.values():
        assert "Usage:" not in rc.meaning and len(rc.meaning) <= 160, rc.code
        for fragment in official_fragments:
            assert fragment.lower() not in rc.meaning.lower(), rc.code


def test_denial_patterns_cover_the_common_denials(kb: Knowledge) -> None:
    patterns = kb.denial_patterns.values()
    carcs = {c for p in patterns for c in p.carcs}
    rarcs = {r for p in patterns for r in p.rarcs}
    assert {"50", "16", "151", "150", "B12", "97", "236", "B15", "107", "119", "4", "204", "96"} <= carcs
    assert {"N115", "N386", "M53", "N362", "N657", "M80", "N20", "M15", "N122", "MA130"} <= rarcs
    for p in patterns:
        assert set(p.required_sections) <= SECTIONS, p.id
        # Identifiers and enclosures are rendered by code from the claim; the argued body always asks.
        assert {"denial_summary", "request"} <= set(p.required_sections), p.id
        assert not {"claim_identifiers", "attachments"} & set(p.required_sections), p.id
        for ids in (p.evidence_checks, p.blocking_checks, p.corrected_claim_when):
            assert set(ids) <= set(CHECK_IDS), p.id
        assert p.evidence_checks, p.id


def test_key_pattern_decisions(kb: Knowledge) -> None:
    dp = kb.denial_patterns
    assert "patient_absent" in dp["medical_necessity"].blocking_checks
    assert "consent" in dp["medical_necessity"].blocking_checks
    assert "patient_absent" in dp["wrong_code_patient_present"].blocking_checks
    assert "addon_pairing" in dp["addon_without_primary"].corrected_claim_when
    assert "therapy_modifier" in dp["missing_therapy_modifier"].corrected_claim_when
    assert "distinct_time" in dp["bundling_ncci"].blocking_checks
    assert dp["kx_threshold"].carcs == ["119"]
    # The remedy is an explicit field, never read from attachment wording.
    assert dp["kx_threshold"].remedy == "corrected_claim" and dp["kx_threshold"].add_modifiers == ["KX"]
    assert dp["medical_necessity"].remedy == "appeal" and dp["timely_filing"].remedy == "no_appeal"


def test_denial_advice_only_where_the_check_decides(kb: Knowledge) -> None:
    """Advice to a biller is written for the failures that decide a denial, never for advisory ones."""
    for rule in kb.rules.values():
        for status in rule.denial_advice:
            decides = status in rule.blocks_claim_when or rule.correctable or rule.severity["medicare"] == "block"
            assert decides, (rule.id, status)


@pytest.mark.parametrize(("code", "unprocessable"), [("16", True), ("MA130", True), ("50", False), ("4", False)])
def test_unprocessable_codes(kb: Knowledge, code: str, unprocessable: bool) -> None:
    assert kb.reason_codes[code].unprocessable is unprocessable
