"""Denials pasted as billers see them: 835 segment excerpts, EOB lines and tables, decision letters, MSNs.

The 835 excerpts follow the X12 005010X221A1 segment layouts (CLP01-07, SVC01 composite / 03 paid / 05 units paid /
06 submitted code / 07 original units, CAS group + reason/amount/quantity triplets, LQ*HE remark, MOA03-07 remarks,
DTM*405 production date, BPR16 payment date). All names, numbers and identifiers are synthetic.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.drafting.claims import Claim
from assistant.drafting.denial import parse_denial
from assistant.drafting.paste import fill_claim, read_paste, with_paste
from assistant.drafting.paste.notice import decided_level, notice_date
from assistant.errors import DenialCodeError
from assistant.knowledge.loader import cached_knowledge

KB = cached_knowledge()

SEGMENTS_ONE_LINE = (
    "CLP*PCN-A1*4*150*0**MB*2226123456780*11*1~NM1*QC*1*QUILLFEATHER*ODALYS****MI*9ZZ9ZZ9ZZ99~"
    "SVC*HC:97550:GP*150*0**1~DTM*472*20260301~CAS*CO*50*150~LQ*HE*N115~"
)
SEGMENTS_PER_LINE = "CLP*PCN-A1*4*150*0**MB*2226123456780\nSVC*HC:97550:GP*150*0**1\nCAS*CO*50*150\nLQ*HE*N115\n"
# the viewer wrapped at a fixed width, mid-element
SEGMENTS_WRAPPED = "CLP*PCN-A1*4*150*0**MB*222612345~SVC*HC:97550:GP*150*0\n**1~CAS*CO*5\n0*150~LQ*HE*N1\n15~"
SEGMENTS_WRAPPED_IN_ID = "SVC*HC:97550:GP*150*0**1~CA\nS*CO*50*150~LQ*HE*N115~"
SEGMENTS_PIPES = "SVC|HC>97550>GP|150|0||1~CAS|CO|50|150~LQ|HE|N115~"
# a paid line (contractual, sequestration, coinsurance) and a denied add-on
SEGMENTS_TWO_LINES = (
    "SVC*HC:97550:GO*110*52.77**1~CAS*CO*45*40~CAS*CO*253*1.08~CAS*PR*2*13.46~"
    "SVC*HC:97551:GO*160*0**4~CAS*CO*151*160~LQ*HE*N362~"
)
# the claim-level CAS and MOA remarks apply to a line with none of its own
SEGMENTS_CLAIM_LEVEL = "CLP*PCN-A1*4*150*0**MB*2226~CAS*CO*16*150~MOA***MA130*M53~SVC*HC:97550:GP*150*0**0~"
# typed with spaces, several segments on one line, prose around them
SEGMENTS_TYPED = (
    "Plan remit - 835 detail, paid date 09/30/2026\n"
    "CLP PCA-26-0908 ... SVC HC:97166:GO 1 PAID\n"
    "SVC HC:97550:GO 1  CAS*CO*97  LQ*HE*M80\n"
    "Plan note: 97550 denied as incidental to 97166 on the same date."
)
SEGMENTS_DASHES = (
    "Part B ERA 12/30/2025\nCLP 2225  SVC G0539 1 -- CAS*CO*50 ; LQ*HE*N657\nSVC G0542 1 -- CAS*CO*107 ; LQ*HE*N122"
)
# SVC06 carries the code as billed when the payer adjudicated another; SVC07 the units billed
SEGMENTS_RECODED = "SVC*HC:97552:GP*150*0**1*HC:97550:GP*2~CAS*CO*4*150~LQ*HE*N657~"
# a production date in the header
SEGMENTS_DATED = "DTM*405*20261103~CLP*PCN-A1*4*150*0**16*XYZ~SVC*HC:97550:GN*150*0**1~CAS*CO*204*150~LQ*HE*N130~"

TABLE = (
    "Line  DOS         Code   Mod  Units  Billed  Allowed  Paid   Adj         Remark\n"
    "1     03/01/2026  97550  GP   1      150.00  0.00     0.00   CO-50       N115\n"
    "2     03/01/2026  97110  GP   2      90.00   60.00    47.04  CO-45 PR-2\n"
)
EOB_WORDS = (
    "Provider remittance 11/19/2026.\n"
    "Line 1 97110 GP x2 paid.\n"
    "Line 2 97550 GP 59 XE: CO-4 The procedure code is inconsistent with the modifier used; N519 Invalid combination."
)
EOB_LINES_SHARED = (
    "Plan EOB 10/28/2026 -- 97550 GP / 97551 GP: CO-204 not covered under the current benefit plan.\n"
    "N130 Consult plan benefit documents."
)
CODES_THEN_LINE = "Claim returned as unprocessable.\nCO-16 MA130 Missing procedure modifier N822.\nLine 2 (97550)."
PER_CODE_CLAUSES = "Part B remit 12/30/2025: CO-50 N657 (G0539); CO-107 N122 (G0542)"
ROUTINE_ONLY = "ERA 11/09/2026 line 1 97550 GP CQ: billed 110.00, allowed 44.85, CO-45 65.15, PR-2 8.97, paid 35.16."


@pytest.mark.parametrize(
    ("text", "group", "carcs", "rarcs", "lines"),
    [
        (SEGMENTS_ONE_LINE, "CO", ["50"], ["N115"], [("97550", 1, ["GP"], True)]),
        (SEGMENTS_PER_LINE, "CO", ["50"], ["N115"], [("97550", 1, ["GP"], True)]),
        (SEGMENTS_WRAPPED, "CO", ["50"], ["N115"], [("97550", 1, ["GP"], True)]),
        (SEGMENTS_WRAPPED_IN_ID, "CO", ["50"], ["N115"], [("97550", 1, ["GP"], True)]),
        (SEGMENTS_PIPES, "CO", ["50"], ["N115"], [("97550", 1, ["GP"], True)]),
        (SEGMENTS_TWO_LINES, "CO", ["151"], ["N362"], [("97550", 1, ["GO"], False), ("97551", 4, ["GO"], True)]),
        (SEGMENTS_CLAIM_LEVEL, "CO", ["16"], ["MA130", "M53"], [("97550", 0, ["GP"], True)]),
        (SEGMENTS_TYPED, "CO", ["97"], ["M80"], [("97166", 1, ["GO"], False), ("97550", 1, ["GO"], True)]),
        (SEGMENTS_DASHES, "CO", ["50", "107"], ["N657", "N122"], [("G0539", 1, [], True), ("G0542", 1, [], True)]),
        (SEGMENTS_RECODED, "CO", ["4"], ["N657"], [("97550", 2, ["GP"], True)]),
        (SEGMENTS_DATED, "CO", ["204"], ["N130"], [("97550", 1, ["GN"], True)]),
        (TABLE, "CO", ["50"], ["N115"], [("97550", 1, ["GP"], True), ("97110", 2, ["GP"], False)]),
        (EOB_WORDS, "CO", ["4"], ["N519"], [("97110", 2, ["GP"], False), ("97550", None, ["GP", "59", "XE"], True)]),
        (EOB_LINES_SHARED, "CO", ["204"], ["N130"], [("97550", None, ["GP"], True), ("97551", None, ["GP"], True)]),
        (CODES_THEN_LINE, "CO", ["16"], ["MA130", "N822"], [("97550", None, [], True)]),
        (PER_CODE_CLAUSES, "CO", ["50", "107"], ["N657", "N122"],
         [("G0539", None, [], True), ("G0542", None, [], True)]),
        # only routine adjustments: they are the codes (the decision says it is no denial), the line is not denied
        (ROUTINE_ONLY, "CO", ["45", "2"], [], [("97550", None, ["GP", "CQ"], False)]),
    ],
)
def test_a_paste_is_read_line_by_line(
    text: str, group: str, carcs: list[str], rarcs: list[str], lines: list[tuple[str, int | None, list[str], bool]]
) -> None:
    paste = read_paste(text)
    assert paste is not None
    assert (paste.group, paste.carcs, paste.rarcs) == (group, carcs, rarcs)
    assert [(ln.code, ln.units, ln.modifiers, ln.denied) for ln in paste.lines] == lines
    denial, warnings = parse_denial(text, KB.reason_codes)
    assert [c.code for c in denial.carcs] == carcs and [r.code for r in denial.rarcs] == rarcs
    assert denial.lines == paste.lines and any("pasted" in w for w in warnings)


def test_each_carc_keeps_the_group_the_paste_gives_it() -> None:
    denial, _ = parse_denial(ROUTINE_ONLY, KB.reason_codes)
    assert denial.label == "CO-45 PR-2"


def test_words_after_a_code_are_not_its_modifiers() -> None:
    paste = read_paste("Redetermination: UNFAVORABLE. Line 2 97551 is not supported; 97550 GP co-signed.")
    assert paste is not None and [(ln.code, ln.modifiers) for ln in paste.lines] == [("97551", []), ("97550", ["GP"])]


@pytest.mark.parametrize(("indicator", "payer_type"), [("MB", "medicare"), ("16", "medicare_advantage"),
                                                      ("MC", "medicaid"), ("12", "commercial"), ("ZZ", None)])
def test_the_claim_filing_indicator_names_the_payer_type(indicator: str, payer_type: str | None) -> None:
    denial, _ = parse_denial(f"CLP*A1*4*150*0**{indicator}*2226~SVC*HC:97550:GP*150*0**1~CAS*CO*50*150~",
                             KB.reason_codes)
    assert denial.payer_type == payer_type
    assert fill_claim(Claim(), denial)[0].payer_type == payer_type
    assert fill_claim(Claim(payer_type="commercial"), denial)[0].payer_type == "commercial"  # the claim's stands


def test_each_line_keeps_its_own_adjustments() -> None:
    paste = read_paste(SEGMENTS_TWO_LINES)
    assert paste is not None
    assert [(ln.adjustments, ln.remarks) for ln in paste.lines] == [
        (["CO-45", "CO-253", "PR-2"], []), (["CO-151"], ["N362"]),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "CO-50 N115",  # typed codes: the code-list reader's
        "CO-50, N657 (both lines)",
        "biller note: NGS denied the 97551 line, CARC 107 + N122, said no primary. 92507 paid.",  # typed words
        "the patient lives at 12 Elm St, Portland OR 97205",  # a ZIP code is no line
        "",
        "   ",
    ],
)
def test_typed_codes_and_words_are_not_pastes(text: str) -> None:
    assert read_paste(text) is None


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("MEDICARE REDETERMINATION NOTICE 09/08/2026\nDecision: unfavorable.\nNext level: reconsideration by the QIC "
         "within 180 days.", "redetermination"),
        ("Medicare Appeal Number: 1-2345678901. The decision is unfavorable. We reviewed your request for "
         "redetermination. If you disagree, you may request a reconsideration.", "redetermination"),
        ("RECONSIDERATION DECISION -- dated 10/15/2026 -- Qualified Independent Contractor. Decision: UNFAVORABLE. "
         "You may request an ALJ hearing within 60 days.", "reconsideration"),
        ("The QIC has decided that Medicare will not pay for these services (unfavorable).", "reconsideration"),
        ("Redetermination partially favorable: 97550 paid, 97551 denied.", "redetermination"),
        ("If you disagree with this determination, you may request a redetermination within 120 days.", None),
        ("You may file a redetermination. CO-50 N115.", None),  # the next step, no decision
        # an initial denial's appeal-rights paragraph names a level it did not decide
        ("This claim was denied (CO-50). Redetermination requests must be filed within 120 days.", None),
        ("MEDICARE REDETERMINATION NOTICE 06/01/2026. The claim is upheld in full.", "redetermination"),
        ("Remittance 11/03/2026: 97550 GP CO-50 N115.", None),
    ],
)
def test_the_decided_level_is_the_one_not_named_as_the_next_step(text: str, level: str | None) -> None:
    assert decided_level(text) == level


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Novitas JL ERA 11/03/2026. 97550 GO (1): CO-50 N115.", date(2026, 11, 3)),
        ("Notice of Denial of Payment dated 08/21/2026: 97550 GP", date(2026, 8, 21)),
        ("Redetermination decision dated 06/30/2026, DOS 11/18/2025, 97550 GP: UNFAVORABLE", date(2026, 6, 30)),
        ("MEDICARE REDETERMINATION NOTICE (First Coast JN) 09/08/2026", date(2026, 9, 8)),
        ("Date of this notice: May 2, 2026", date(2026, 5, 2)),
        ("Plan EOB 2026-10-28: 97550 GP CO-204", date(2026, 10, 28)),
        ("Date: 07/17/2026\nService date 06/30/2026", date(2026, 7, 17)),
        ("DOS 06/17/2026 97550 GP CO-50", None),  # the date of service is never the notice's
        ("Remittance for service 03/01/2026", None),
        ("97550 GP denied 13/45/2026", None),  # not a date
        ("Appeals must be filed within 60 days of the EOB date (by 01/18/2027).", None),  # a deadline
        ("Duplicate of the claim processed 03/10/2025.", None),  # another claim's date
    ],
)
def test_the_notice_date_is_one_the_notice_labels_as_its_own(text: str, day: date | None) -> None:
    assert notice_date(text) == day


def test_a_decision_letter_without_codes_still_gives_its_level_and_date() -> None:
    letter = (
        "MEDICARE REDETERMINATION NOTICE 09/08/2026\nIssue: CPT 97550 GP (DOS 06/17/2026). Decision: unfavorable.\n"
        "Next level: reconsideration by the QIC within 180 days of receipt of this notice."
    )
    paste = read_paste(letter)
    assert paste is not None and paste.carcs == []
    assert (paste.level, paste.notice_date, paste.kind) == ("redetermination", date(2026, 9, 8), "decision letter")
    typed, _ = parse_denial("CO-50", KB.reason_codes)
    denial = with_paste(typed, "CO-50", letter)
    assert (denial.level, denial.notice_date) == ("redetermination", date(2026, 9, 8))
    assert [c.code for c in denial.carcs] == ["50"]  # the typed codes stand


def test_the_claim_takes_what_the_paste_adds_and_keeps_what_it_gives() -> None:
    denial, _ = parse_denial(SEGMENTS_TWO_LINES + "DTM*405*20261103~", KB.reason_codes)
    denial = with_paste(denial, "MEDICARE REDETERMINATION NOTICE 12/01/2026. Decision: unfavorable.")
    filled, notes = fill_claim(Claim(), denial)
    assert filled.notice_date == date(2026, 11, 3) and filled.prior_level == "redetermination"
    assert filled.payer_type is None  # no CLP06 in this excerpt
    assert [(ln.code, ln.units, ln.denied) for ln in filled.lines] == [("97550", 1, False), ("97551", 4, True)]
    assert notes and "notice date" in notes[0]
    given = Claim.model_validate({"notice_date": "2026-10-01", "prior_level": "initial", "lines": [
        {"code": "97550", "units": 1}, {"code": "97551", "units": 4}]})
    kept, _ = fill_claim(given, denial)
    assert kept.notice_date == date(2026, 10, 1) and kept.prior_level == "initial"
    assert [ln.denied for ln in kept.lines] == [False, True]  # only the flags the claim left out
    flagged = given.model_copy(update={"lines": [ln.model_copy(update={"denied": True}) for ln in given.lines]})
    assert [ln.denied for ln in fill_claim(flagged, denial)[0].lines] == [True, True]


@pytest.mark.parametrize(
    "text",
    [
        "CLP*PCN-A1*4*150*0**MB*2226~NM1*QC*1*QUILLFEATHER*ODALYS****MI*9ZZ9ZZ9ZZ99~SVC*HC:97550:GP*150*0**1~",
        "Remittance 11/03/2026 for QUILLFEATHER, ODALYS (MBI 9ZZ9ZZ9ZZ99)\n97550 GP x1 denied",
    ],
)
def test_a_paste_with_no_code_is_refused_without_echoing_it(text: str) -> None:
    with pytest.raises(DenialCodeError) as raised:
        parse_denial(text, KB.reason_codes)
    shown = f"{raised.value} {getattr(raised.value, 'hint', '')}"
    assert "QUILLFEATHER" not in shown.upper() and "9ZZ9ZZ9ZZ99" not in shown and "PCN-A1" not in shown


def test_warnings_name_codes_and_dates_never_what_identifies_the_patient() -> None:
    _, warnings = parse_denial(SEGMENTS_ONE_LINE, KB.reason_codes)
    assert not any(s in w for w in warnings for s in ("QUILLFEATHER", "ODALYS", "9ZZ9ZZ9ZZ99", "PCN-A1", "2226123"))


def test_a_pasted_remittance_is_worked_like_the_typed_codes() -> None:
    """The same denial typed and pasted gets the same answer; the paste's date counts the deadline."""
    from assistant.service import Assistant
    from tests.drafting.stubs import GOOD_NOTE

    assistant = Assistant(clock=lambda: date(2025, 4, 1))
    claim = {"claim_number": "SYN-88", "dos": "2025-03-04", "payer_type": "medicare"}
    typed = assistant.draft_appeal("CO-50 N115", GOOD_NOTE, claim={
        **claim, "notice_date": "2025-03-20", "lines": [{"code": "97550", "units": 1, "modifiers": ["GP"]}]})
    pasted = assistant.draft_appeal(
        "DTM*405*20250320~CLP*SYN-88*4*150*0**MB*2225079000001~SVC*HC:97550:GP*150*0**1~CAS*CO*50*150~LQ*HE*N115~",
        GOOD_NOTE, claim=claim,
    )
    assert (pasted.recommendation, pasted.route, pasted.pattern_id) == (typed.recommendation, typed.route,
                                                                          typed.pattern_id)
    assert pasted.denial.label == typed.denial.label == "CO-50 N115"
    assert typed.deadline and pasted.deadline and pasted.deadline.due_date == typed.deadline.due_date
    assert [(ln.code, ln.units, ln.denied) for ln in pasted.denial.lines] == [("97550", 1, True)]


TWO_CLAIMS = (
    "BPR*I*40.00*C*ACH*CCP*01*021000089*DA*1**01*021000089*DA*2*20261022~\n"
    "CLP*ACC-1001*1*170.00*40.00*10.00*MB*2226290000111*11*1~\nNM1*QC*1*OTHER*ANNA****MI*1AA1AA1AA11~\n"
    "SVC*HC:97551:GP*50.00*0**2~\nDTM*472*20261001~\nCAS*CO*151*50.00~\nLQ*HE*N362~\n"
    "CLP*ACC-1002*4*150.00*0*0*MB*2226290000222*11*1~\nNM1*QC*1*BRANDT*OTTO****MI*2BB2BB2BB22~\n"
    "SVC*HC:97550:GP*100.00*0**1~\nDTM*472*20261001~\nCAS*CO*50*100.00~\nLQ*HE*N115~\n"
    "PLB*1457093318*20261231*WO:2226280000999*-25.00~\n"
)


@pytest.mark.parametrize(("ids", "label"), [
    (frozenset({"2226290000222"}), "CO-50 N115"),  # the ICN (CLP07)
    (frozenset({"2BB2-BB2-BB22"}), "CO-50 N115"),  # the member id (NM1*QC), written with dashes
    (frozenset({"ACC-1001"}), "CO-151 N362"),  # the practice's claim number (CLP01)
    (frozenset({"9999999999999"}), "CO-151 CO-50 N362 N115"),  # no claim matches: the remittance is read whole
    (frozenset(), "CO-151 CO-50 N362 N115"),
])
def test_a_remittance_of_several_claims_is_read_for_this_claim(ids: frozenset[str], label: str) -> None:
    from assistant.drafting.paste import own_claim

    denial, _ = parse_denial(own_claim(TWO_CLAIMS, ids), KB.reason_codes)
    assert denial.label == label


_HTML_EOB = (
    "<table><tr><th>Patient</th><th>ICN</th><th>Code</th><th>Adj</th><th>Remark</th></tr>"
    "<tr><td>QUILLFEATHER, MARTA</td><td>2225199670152</td><td>97550 GP</td><td>CO-50</td><td>N115</td></tr>"
    "<tr><td>BRIGHTWATER, YUSUF</td><td>2225199670999</td><td>97110 GP</td><td>CO-97</td><td>M15</td></tr></table>"
)
_TEXT_EOB = (
    "ICN            CODE      ADJ     REMARK\n"
    "2225199670999  97110 GP  CO-97   M15\n"
    "2225199670152  97550 GP  CO-50   N115\n"
    "  entire line denied\n"
)


@pytest.mark.parametrize(("text", "ids", "label"), [
    (_HTML_EOB, frozenset({"2225199670152"}), "CO-50 N115"),  # hostile13 #2: never the next patient's CO-97 M15
    (_TEXT_EOB, frozenset({"2225199670152"}), "CO-50 N115"),
    (_HTML_EOB, frozenset({"2225-1996-70999"}), "CO-97 M15"),  # the other row, when the claim is that one
    (_HTML_EOB, frozenset({"9999999999999"}), "CO-50 CO-97 N115 M15"),  # no row names this claim: read whole
    (_HTML_EOB, frozenset(), "CO-50 CO-97 N115 M15"),
])
def test_a_pasted_table_of_several_claims_is_read_for_this_claims_rows(text: str, ids: frozenset[str],
                                                                       label: str) -> None:
    from assistant.drafting.paste import own_claim

    denial, _ = parse_denial(own_claim(text, ids), KB.reason_codes)
    assert denial.label == label


@pytest.mark.parametrize(("text", "shown"), [
    ("CO-50 N115", "CO-50 N115"),
    ("CO-50 & N115", "CO-50 & N115"),  # an ampersand that opens no entity
    ("a<b and c>d", "a<b and c>d"),  # comparison signs, no tag
    ("<b>CO&#45;50</b>&nbsp;N115", " CO-50 \u00a0N115"),
    ("<tr><td>97550</td></tr><tr><td>97551</td></tr>", "\n 97550 \n\n 97551 \n"),
    (None, None),
])
def test_a_portal_paste_is_read_as_its_page_shows_it(text: str | None, shown: str | None) -> None:
    from assistant.drafting.paste import as_shown

    assert as_shown(text) == shown


QIC_DECISION = (
    "MEDICARE RECONSIDERATION DECISION   November 28, 2026\nDecision: UNFAVORABLE (CARC 50, RARC N115).\n"
    "You may request a hearing before an Administrative Law Judge within 60 days of receipt of this notice."
)


def test_a_later_decision_letter_dates_the_next_level_over_the_claims_initial_notice() -> None:
    """hostile15 #1: the claim keeps the initial denial's date; the pasted QIC decision's own date counts."""
    denial = with_paste(parse_denial("CO-50 N115", KB.reason_codes)[0], QIC_DECISION)
    filled, notes = fill_claim(Claim.model_validate({"notice_date": "2026-06-01"}), denial)
    assert (filled.notice_date, filled.prior_level) == (date(2026, 11, 28), "reconsideration")
    assert "counts from the letter" in notes[0]
    named = Claim.model_validate({"notice_date": "2026-06-01", "prior_level": "initial"})
    assert fill_claim(named, denial)[0].notice_date == date(2026, 6, 1)  # a level the claim names keeps its date


@pytest.mark.parametrize(("text", "lines"), [
    # hostile15 #3: a code named in the letter's prose beside a line marked with its units is a line too
    ("Item/service: 97550 Caregiver training, first 30 minutes; 97551 x3.", [("97550", None), ("97551", 3)]),
    ("Services 97550 and 97551 x2 were reviewed.", [("97550", None), ("97551", 2)]),
    # a ZIP code in a sentence of its own stays no line
    ("Mail to PO Box 6704, Fargo ND 58108.\n97551 x3 denied CO-50.", [("97551", 3)]),
])
def test_a_bare_code_beside_a_marked_line_is_a_line(text: str, lines: list[tuple[str, int | None]]) -> None:
    from assistant.drafting.paste.items import read_items

    assert [(i.code, i.units) for i in read_items(text).items] == lines
