"""Families of phrasings (round 13, gaps found with the round-7 sealed set now used for regression): two appeal levels
or two years named for the amount in controversy are each answered; a request named as one level but filed with the
contractor of another ("a reconsideration with the MAC's name" for a first denial) is that contractor's level; a
premise the knowledge corrects (KX on a Medicare Advantage claim) leads; changing the record after a denial, and what
a signature attestation covers, are answered by their FAQs; an unpaid friend or neighbour fits CMS's caregiver; the
caregiver minutes of a session the patient joined or left at a clock time are counted from the question's times; KX
counts the direct-care G-codes; the facility gap needs the facility rate asked about; a locality's rate or an RVU
file release the knowledge does not hold is refused. Wordings are not those of any eval set; the clock is fixed at
2026-06-15.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.service import Assistant
from tests.answer.expect import holds_answer


@pytest.mark.parametrize(
    ("question", "dos", "holds", "first"),
    [
        # two levels, or two years, of the amount in controversy: each one
        ("AIC for an ALJ hearing vs federal court in 2026?", None, ["$200", "$1,960"], "appeal:aic-alj-2026"),
        ("how did the ALJ amount in controversy change from 2024 to 2025", None, ["$180", "$190"],
         "appeal:aic-alj-2024"),
        # a "reconsideration" filed with a MAC (named by its name) for a first denial is the MAC's redetermination
        ("first denial on a 97551 line, how many days to send a reconsideration to Palmetto?", None,
         ["redetermination", "120"], "appeal:redetermination"),
        ("we want to file a reconsideration with Noridian on the 97550 that just denied, deadline?", None,
         ["redetermination", "120"], "appeal:redetermination"),
        # KX on a Medicare Advantage claim: the threshold is a fee-for-service construct, said first
        ("our MA patient is over the therapy cap, do the 97550 lines need KX now?", None, ["fee-for-service"],
         "faq:kx_medicare_advantage"),
        ("Medicare Advantage plan member passed $2,480 in PT this year: KX on the caregiver training?", None,
         ["fee-for-service"], "faq:kx_medicare_advantage"),
        # KX asked with no Medicare Advantage word: Part B therapy's threshold, which CTS lines count toward
        # (hostile17 #17: the MA FAQ led and answered "No")
        ("does the KX modifier apply to caregiver training?", None, ["Yes", "GP"], "faq:kx_modifier"),
        ("do 97550 lines ever need KX?", None, ["Yes", "KX"], "faq:kx_modifier"),
        # the therapy cap with no year named: the threshold in force today
        ("past the therapy cap for this patient, what do I add to the 97550 line?", None, ["$2,480"],
         "fee:kx-2026"),
        # KX counts the direct-care G-codes as well
        ("does the KX threshold include G0542 lines in 2025?", None, ["G0541-G0543", "$2,410"], "fee:kx-2025"),
        # changing the note after a denial or audit
        ("after the audit denial can we write an addendum to the CTS note with the minutes we forgot?", None,
         ["may not", "dated"], "faq:late_entry_after_denial"),
        ("claim denied for missing return demo; ok to go back and add it to the 3/4/2026 note before appealing?",
         None, ["may not"], "faq:late_entry_after_denial"),
        # what a signature attestation covers
        ("reviewer says the 97550 note is unsigned and lacks the caregiver's name, will an attestation cover it?",
         None, ["signature", "content"], "faq:signature_attestation"),
        # an unpaid friend or neighbour fits CMS's caregiver definition; consent is documented
        ("patient's friend from church drives her and helps at home for free, can we train the friend under 97550?",
         None, ["friend", "consent"], "faq:who_counts_as_caregiver"),
        ("does a neighbour who looks in on him every day count as a caregiver for CTS?", None,
         ["neighbor", "consent"], "faq:who_counts_as_caregiver"),
        # 59 on a caregiver line beside an evaluation: not by reflex, XE when an edit applies
        ("eval 97165 and 97550 on the same date, clearinghouse wants a 59 on the 97550?", None, ["XE", "edit"], None),
        # start/stop times: recommended, not a Medicare requirement
        ("is it a Medicare rule to write clock in and clock out times on caregiver training notes?", None,
         ["not a Medicare requirement", "total"], "faq:start_stop_required"),
        # the patient joined or left at a clock time: the minutes without the patient, from the question's times
        ("trained the son 10:00-10:45 and the patient came in at 10:20 to practice with him, how many CTS minutes?",
         None, ["10:00 to 10:20", "20 minutes", "97550 x1"], None),
        ("wife's training ran 2:00-2:55, pt left at 2:15 for his shower, what can I bill as 97550/97551?", None,
         ["2:15 to 2:55", "40 minutes", "97550 x1 and 97551 x1"], None),
        # a code's own passage says which years' relative value files price it (active then)
        ("is G0543 still an active code for 2026 dates?", None, ["Yes"], "code:G0543"),
        # "any problem with the codes on that date" asks the codes' validity then
        ("charged 97550 x1 + 97551 x1 for 3/3/2024, any problem with the codes on that date?", None,
         ["in effect", "97550", "97551"], None),
        # whether a telehealth line may be billed, closed by "ok for medicare?": the period's list status leads
        ("video caregiver session 9/9/2024, billed 97550 with 95 and POS 02, ok for medicare?", None,
         ["in person"], "fee:telehealth-2024"),
        # the list itself asked about ("added", "temporarily"): its status leads, the therapists' waiver follows
        ("SLP: were the caregiver codes added to the telehealth list for 2025 for good or only temporarily?", None,
         ["provisionally"], "fee:telehealth-2025"),
        # minutes told of a code whose family has no units passage: its descriptor (its time) and its dates
        ("ran 96203 add-on time after a 70 min parent behavior group in 2025, is that billable?", None,
         ["96203", "in effect"], "code:96203"),
        # minutes and a date in a code's first year, asked whether: that code's validity follows the units
        ("can G0541 go on the 1/6/2025 claim? wife trained on catheter care 30 min, pt napping", None,
         ["in effect on 1/6/2025", "G0541 x1"], None),
        # ... but not for a code long in force: the units answer alone
        ("can we bill 97550 x1 for 25 min of transfer training on 4/2/2026?", None, ["97550 x1"], None),
        # how often: the FAQ says plainly there is no limit on the number or frequency of sessions
        ("is there a limit on how many caregiver training visits Medicare covers per patient?", None, ["frequency"],
         "faq:frequency_limits"),
        # a net payment on the non-facility rate is no facility gap
        ("97551 at the non facility rate in 2026, what does Medicare actually pay after the 2% sequestration?", None,
         ["sequestration", "$20.42"], None),
    ],
)
def test_answered(dated: Assistant, question: str, dos: date | None, holds: list[str], first: str | None) -> None:
    holds_answer(dated.answer(question, dos=dos), holds, first)


@pytest.mark.parametrize(
    "question",
    [
        # a locality's rate, however the question names it
        "what's the 2026 Medicare allowed for 97550 in our locality in Houston, not the national one?",
        # an RVU file release the knowledge does not hold
        "did the 97551 RVUs change between RVU25A and RVU25D?",
        # the behaviour-management codes' therapy status is left open by the sources (not the CTS KX FAQ's)
        "if our OT bills G0539 behavior mgmt caregiver training in 2026, does it need GO and count to KX?",
    ],
)
def test_refused(dated: Assistant, question: str) -> None:
    answer = dated.answer(question)
    assert not answer.answered, answer.text
