from __future__ import annotations

import pytest

from assistant.drafting.denial import match_pattern, parse_denial
from assistant.drafting.models import Denial, Rejection
from assistant.errors import DenialCodeError
from assistant.knowledge.loader import cached_knowledge

KB = cached_knowledge()


@pytest.mark.parametrize(
    ("raw", "group", "carcs", "rarcs"),
    [
        ("CO-50 N115", "CO", ["50"], ["N115"]),
        ("CO50,N115", "CO", ["50"], ["N115"]),
        ("co-50;n115", "CO", ["50"], ["N115"]),
        ("CO 50 N115", "CO", ["50"], ["N115"]),
        ("PR-119", "PR", ["119"], []),
        ("CO-B15 N122", "CO", ["B15"], ["N122"]),
        ("CO-16 MA130", "CO", ["16"], ["MA130"]),
        ("50", None, ["50"], []),
        ("CO-050", "CO", ["50"], []),
        ("CO-151 N362 N640", "CO", ["151"], ["N362", "N640"]),
    ],
)
def test_parses(raw: str, group: str | None, carcs: list[str], rarcs: list[str]) -> None:
    denial, warnings = parse_denial(raw, KB.reason_codes)
    assert denial.group == group
    assert [c.code for c in denial.carcs] == carcs
    assert [r.code for r in denial.rarcs] == rarcs
    assert warnings == []


@pytest.mark.parametrize("raw", ["", "   ", "hello", "CO-", "N115", "CO-50 PR-119", "CO-50 N115 <script>", "CO-12345"])
def test_malformed_raises(raw: str) -> None:
    with pytest.raises(DenialCodeError):
        parse_denial(raw, KB.reason_codes)


def test_unknown_but_well_formed_is_accepted_with_warning() -> None:
    denial, warnings = parse_denial("CO-242 N999", KB.reason_codes)
    assert [c.known for c in denial.carcs] == [False]
    assert len(warnings) == 2 and "242" in warnings[0]


@pytest.mark.parametrize(
    ("raw", "pattern"),
    [
        ("CO-50 N115", "medical_necessity"),
        ("CO-50", "medical_necessity"),
        ("CO-50 N657", "wrong_code_patient_present"),
        ("CO-16 M53", "time_units_missing"),
        ("CO-16 N290", "provider_identifier"),
        ("CO-16 MA130 N290", "provider_identifier"),  # MA130 only says the claim was returned; N290 says why
        ("CO-16, MA130, M53", "time_units_missing"),
        ("CO-16 MA130", "claim_lacks_information"),  # hostile15 #8: MA130 names no modifier
        ("CO-16", "claim_lacks_information"),  # nor does CO-16 alone name the units
        ("CO-151", "units_not_supported"),
        ("CO-151 N362", "mue_exceeded"),
        ("CO-97 M80", "bundling_ncci"),
        ("CO-B15 N122", "addon_without_primary"),
        ("PR-119", "kx_threshold"),
        ("CO-204", "plan_not_covered"),
        ("CO-B12", "not_documented"),
        ("CO-4", "missing_therapy_modifier"),
        ("CO-5", "place_of_service"),  # round 17: a claim error, corrected (telehealth disputed: appealed)
        ("CO-242", None),
    ],
)
def test_matches_pattern(raw: str, pattern: str | None) -> None:
    denial, _ = parse_denial(raw, KB.reason_codes)
    found = match_pattern(denial, KB.denial_patterns)
    assert (found.id if found else None) == pattern


def test_every_pattern_is_reachable() -> None:
    reached = set()
    for p in KB.denial_patterns.values():
        if p.rejections:  # a front-end rejection (277CA) is read from the acknowledgment, not a CARC
            denial = Denial(raw="277CA", carcs=[], rejection=Rejection(category=p.rejections[0]))
        else:
            denial, _ = parse_denial(" ".join([f"CO-{p.carcs[0]}", *p.rarcs[:1]]), KB.reason_codes)
        found = match_pattern(denial, KB.denial_patterns)
        reached.add(found.id if found else None)
    assert set(KB.denial_patterns) <= reached


@pytest.mark.parametrize(("raw", "carcs", "prior"), [
    ("CO-50 (redetermination unfavorable)", ["50"], "redetermination"),
    ("CO-50 N115 - redetermination upheld", ["50"], "redetermination"),
    ("PR-119 (reconsideration affirmed)", ["119"], "reconsideration"),
    ("CO-50 N115", ["50"], None),
    # a probe letter's appeal rights name the first level as the next step: no level has decided the claim
    ("CO-50. Appeal rights: you may request redetermination of any denied claim within 120 days", ["50"], None),
    ("CO-50. You can file a reconsideration if the claim is denied again", ["50"], None),
    # round 17: "redetermination rights apply to each denied claim" offers the first level; it decided nothing
    ("CO-50. Redetermination rights apply to each denied claim (see enclosed).", ["50"], None),
    ("CO-50. Reconsideration may be requested for each denied line.", ["50"], None),
])
def test_words_beside_the_codes_are_the_payers_note(raw: str, carcs: list[str], prior: str | None) -> None:
    from assistant.drafting.denial import prior_level_in

    denial, _ = parse_denial(raw, cached_knowledge().reason_codes)
    assert [c.code for c in denial.carcs] == carcs
    assert prior_level_in(denial.text) == prior


@pytest.mark.parametrize("code", ["MA01", "MA18", "MA07"])
def test_informational_medicare_remarks_are_known_with_a_meaning(code: str) -> None:
    denial, warnings = parse_denial(f"CO-50 N115 {code}", KB.reason_codes)
    ref = denial.rarcs[-1]
    assert warnings == [] and ref.known and ref.informational and ref.meaning.startswith("Informational")


@pytest.mark.parametrize(
    "raw",
    ["CO-50", "CO-50 N115", "CO-16 M53", "CO-16 MA130", "CO-151", "CO-151 N362", "CO-97 M80", "CO-4", "PR-119",
     "CO-204", "CO-B15 N122", "CO-50 N657"],
)
def test_informational_remarks_never_steer_the_pattern(raw: str) -> None:
    """MA01 (appeal rights) and MA18 (crossover) ride on ordinary remittances: the pattern is the one without them."""
    plain = match_pattern(parse_denial(raw, KB.reason_codes)[0], KB.denial_patterns)
    for extra in ("MA01", "MA18", "MA01 MA18"):
        denial, warnings = parse_denial(f"{raw} {extra}", KB.reason_codes)
        found = match_pattern(denial, KB.denial_patterns)
        assert warnings == [] and (found.id if found else None) == (plain.id if plain else None), extra


@pytest.mark.parametrize(("raw", "group", "carcs", "rarcs"), [
    ("biller note: NGS denied the 97551 line, CARC 107 + N122, said no primary on claim. 92507 paid.", None,
     ["107"], ["N122"]),
    ("biller summary: the plan denied 97552 -- 'group code billed for a single family' (CO-4 / N657)", "CO",
     ["4"], ["N657"]),
    ("front desk: 'Medicare paid zero on the caregiver training -- PR-1. Is this a denial?'", "PR", ["1"], []),
    ("biller: 'NGS underpaid 97550 -- paid $35.16 instead of ~$42. CO-253 and PR-2 on the line. Appeal?'", "CO",
     ["253", "2"], []),
    ("Denied -- they say patient has to be there. CO-50. Due soon?", "CO", ["50"], []),
    ("adjustment reason code 96 with remark N130 on the 97550 line", None, ["96"], ["N130"]),
])
def test_a_denial_typed_in_words_is_read_for_its_codes(
    raw: str, group: str | None, carcs: list[str], rarcs: list[str]
) -> None:
    denial, warnings = parse_denial(raw, KB.reason_codes)
    assert (denial.group, [c.code for c in denial.carcs], [r.code for r in denial.rarcs]) == (group, carcs, rarcs)
    assert denial.text and raw.strip()[:20] in denial.text  # the words stay, as the payer's note
    assert any("read from its words" in w for w in warnings)


@pytest.mark.parametrize("raw", [
    "Redetermination unfavorable 09/08/2026, diagnosis not on the covered list",  # words, no code
    "the 97551 line was denied on 2026-03-04 for 35 minutes",  # numbers that are not CARCs
])
def test_words_without_a_code_are_still_an_input_error(raw: str) -> None:
    with pytest.raises(DenialCodeError, match="no CARC"):
        parse_denial(raw, KB.reason_codes)


@pytest.mark.parametrize(("raw", "group", "carcs", "rarcs"), [
    # the line the codes were given for is not a code: a procedure code, "line 2", "(line 1)"
    ("CO-151 on 97551", "CO", ["151"], []),
    ("CO-151 N362 line 2", "CO", ["151"], ["N362"]),
    ("CO-50 N657 (G0539); CO-107 N122 (G0542)", "CO", ["50", "107"], ["N657", "N122"]),
    # a date beside the codes is the payer's words, not CARCs
    ("CO-50 11/20/2025", "CO", ["50"], []),
    # one CARC under two groups is one adjustment, read as the provider's (CO)
    ("OA-151 / CO-151 N362 (line 1)", "CO", ["151"], ["N362"]),
    ("PR-1 OA-1", "PR", ["1"], []),
])
def test_a_code_list_with_its_line_or_a_stray_word_is_read(
    raw: str, group: str | None, carcs: list[str], rarcs: list[str]
) -> None:
    denial, _ = parse_denial(raw, KB.reason_codes)
    assert (denial.group, [c.code for c in denial.carcs], [r.code for r in denial.rarcs]) == (group, carcs, rarcs)


@pytest.mark.parametrize("raw", ["CO-50 Margaret Okonkwo-Lind", "CO-50 N115 <script>"])
def test_a_word_that_is_not_a_code_is_counted_not_echoed(raw: str) -> None:
    with pytest.raises(DenialCodeError) as err:
        parse_denial(raw, KB.reason_codes)
    shown = str(err.value).upper()
    assert "item 3" in err.value.message and "OKONKWO" not in shown and "SCRIPT" not in shown


def test_a_code_shaped_token_is_named_so_it_can_be_fixed() -> None:
    with pytest.raises(DenialCodeError, match="CO-12345"):
        parse_denial("CO-12345", KB.reason_codes)


@pytest.mark.parametrize(("raw", "label"), [
    ("CO-50 N115", "CO-50 N115"),
    ("CO-151 N362 N640", "CO-151 N362 N640"),
    ("50 N386", "CARC 50, RARC N386"),  # no group given: named as codes, no group presumed
    ("50", "CARC 50"),
    ("Decision: UNFAVORABLE. The documentation did not support medical necessity. CARC 50, RARC N386.",
     "CARC 50, RARC N386"),
])
def test_the_label_never_shows_a_bare_number(raw: str, label: str) -> None:
    denial, _ = parse_denial(raw, KB.reason_codes)
    assert denial.label == label


def test_each_carc_keeps_the_group_the_words_give_it() -> None:
    denial, _ = parse_denial("biller: 'NGS underpaid 97550. CO-253 and PR-2 on the line. Appeal?'", KB.reason_codes)
    assert denial.group == "CO" and denial.label == "CO-253 PR-2"
    found = match_pattern(denial, KB.denial_patterns)
    assert found is not None and found.title.endswith("(CO-253 + PR-2)")



@pytest.mark.parametrize(("words", "pattern"), [
    ("Redetermination unfavorable: 'The submitted diagnosis is not among the diagnoses that support the service. "
     "Services are considered not reasonable and necessary.'", "diagnosis_inconsistent"),  # the reason said first
    ("97551 GO x1: UNFAVORABLE. Total documented time 40 minutes; only 10 additional minutes documented.",
     "units_not_supported"),
    ("Redetermination unfavorable: the beneficiary was present and participating for the entire session.",
     "wrong_code_patient_present"),
    ("Redetermination unfavorable: 'no documented beneficiary consent'", "medical_necessity"),
    ("Reconsideration unfavorable: see the enclosed rationale.", None),
    # a work-queue note with no code: the line is paid as part of something else
    ("Both lines denied -- pt was in an open home health episode on the DOS, consolidated billing", "bundling_ncci"),
    ("portal says 97550 bundled into the eval, NCCI edit", "bundling_ncci"),
    # denials typed with no code at all (a Medicaid plan's portal, a work-queue note): the words state the reason
    ("MCO portal: 97550 denied, caregiver training is not a covered service for this member", "plan_not_covered"),
    ("Denied: units exceed what the documentation supports", "units_not_supported"),
    ("Plan denial: the visit limit for the year was reached", "kx_threshold"),
    ("denied, other insurance is primary - bill the primary first", "wrong_payer"),
    ("claim denied for timely filing (plan limit 90 days)", "timely_filing"),
    ("member ID invalid, member not found", "member_not_identified"),
    ("denied as a duplicate claim of one already processed", "duplicate_claim"),
    ("line denied: therapy modifier missing", "missing_therapy_modifier"),
    ("97551 x4 denied, exceeds the maximum units per day (MUE)", "mue_exceeded"),
    ("Line 2 DENIED - see remark, but the remark text is blank on the portal", None),
    ("EOR: not authorized. 97550 A23 -- service requires prior authorization; none on file", "authorization"),
    # a table's column headers ("Units  Billed") are not a reason's words; the reason column is
    ("DOS       Code    Units  Billed   Recommended  Reason\n10/19/26  97550   1      $160.00  $0.00   A23 -- service "
     "requires prior authorization; none on file", "authorization"),
    # a plan's payment-integrity finding typed without a code: the person trained read as paid
    ("Finding: the person trained is a CNA. Caregiver training services are limited to unpaid caregivers; training of "
     "paid personnel is not covered.", "medical_necessity"),
])
def test_a_decision_without_codes_takes_the_pattern_its_words_state(words: str, pattern: str | None) -> None:
    from assistant.drafting.denial import pattern_in_words
    from assistant.drafting.models import Denial

    found = pattern_in_words(Denial(raw="x", carcs=[], text=words), KB.denial_patterns)
    assert (found.id if found else None) == pattern
    assert found is None or "(" not in found.title.rsplit(")", 1)[-1]  # no empty code list in the title


@pytest.mark.parametrize(("words", "added", "blocking"), [
    # the earlier claim was denied PR-119 and rebilled as a new claim: correcting the earlier claim adds KX
    ("orig claim ICN 2226222104417 denied PR-119; rebilled as NEW claim w/ KX -> denied CO-18 exact duplicate",
     ["KX"], ["need_and_goal"]),
    ("original claim denied CO-50, resubmitted, CO-18 duplicate", [], []),  # a merits denial adds nothing
    ("CO-18 exact duplicate claim/service", [], []),
])
def test_a_duplicate_carries_the_correction_of_the_earlier_denial(
        words: str, added: list[str], blocking: list[str]) -> None:
    from assistant.drafting.denial import with_earlier_denial

    denial, _ = parse_denial("CO-18", KB.reason_codes, words)
    pattern = with_earlier_denial(match_pattern(denial, KB.denial_patterns), denial, KB.denial_patterns)
    assert pattern.id == "duplicate_claim"
    assert pattern.add_modifiers == added and pattern.blocking_checks == blocking


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "She said it was denied as not medically necessary because the pt was absent. Ref 1.",
            "denied as not medically necessary because the pt was absent",
        ),
        ("Service not covered under the member's plan; call us", "not covered under the member's plan"),
        ("See the portal.", None),
        ("Initial denial dated 08/01/2026: claim went to review; MAC says no records received -> denied.", None),
    ],
)
def test_reason_in_words(text: str, reason: str | None) -> None:
    """QA10 #17: a decision that names no code is shown by its stated reason."""
    from assistant.drafting.denial import reason_in_words
    from assistant.drafting.models import Denial

    assert reason_in_words(Denial(raw="", carcs=[], text=text)) == reason


@pytest.mark.parametrize("raw", [
    "Denied \u2014 CO-50 N115",  # a dash between the notice's word and its codes (hostile13 #12)
    "<p>Denied&nbsp;&mdash;&nbsp;CO&#45;50&nbsp;N115</p>",  # the same copied from a portal's HTML
    "<tr><td>CO-50</td><td>N115</td></tr>",
    "CO-50 \u2022 N115",
])
def test_a_denial_as_a_portal_shows_it_is_read(raw: str) -> None:
    from assistant.drafting.paste import as_shown

    denial, _ = parse_denial(as_shown(raw) or "", KB.reason_codes)
    assert ([c.code for c in denial.carcs], [r.code for r in denial.rarcs]) == (["50"], ["N115"])


@pytest.mark.parametrize(("raw", "label"), [
    ("CO-45 PR-3", "CO-45 PR-3"),  # round-13 first contact: refused as "two different group codes"
    ("CO-45 CO-253 PR-2", "CO-45 CO-253 PR-2"),
    ("CO-50 PR-2 N115", "CO-50 PR-2 N115"),  # a denied line beside another line's coinsurance
])
def test_routine_adjustments_beside_other_groups_are_one_remittance(raw: str, label: str) -> None:
    denial, _ = parse_denial(raw, KB.reason_codes)
    assert denial.label == label


def test_two_denials_under_two_groups_are_still_refused() -> None:
    with pytest.raises(DenialCodeError, match="two different group codes"):
        parse_denial("CO-50 PR-96", KB.reason_codes)


@pytest.mark.parametrize(("codes", "pattern_id"), [
    ("CO-96 N657", "wrong_code_patient_present"),  # hostile15 #9: the remark asks for the code, not the coverage
    ("CO-96", "plan_not_covered"),
    ("CO-96 N130", "plan_not_covered"),
    ("CO-96 N425", "plan_not_covered"),
])
def test_a_non_covered_charge_is_read_by_its_remark(codes: str, pattern_id: str) -> None:
    kb = cached_knowledge()
    denial, warnings = parse_denial(codes, kb.reason_codes)
    pattern = match_pattern(denial, kb.denial_patterns)
    assert pattern is not None and pattern.id == pattern_id
    assert not any("not in the knowledge base" in w for w in warnings)  # N130, N425 have meanings
