"""Round 8 shapes, one table per kind of miss. Synthetic values only.

Scrub rows: logins built from a name found in the note ("Vela Quornby" -> "vquornby", "quornby_v"), in an audit line
("LOGIN x", "READ by x") and in a table's user column; the name after a kin word of another language; a month/day
after an event, a follow-up or a consent, an ordinal day before "so"/"but"; a day and a Turkish, German, Italian or
Polish month; an age over 89 with its unit in another language ("94 yaşında", "95 سنة", "91 лет", "95岁"); a name in
Han or Hangul after a kin word of its script or before "(pt"; a given name that is also a word after "it's" / "this
is" ("hey its joy"); a patient's PO box.

Keep rows: an appeals or claims office's mailing address and the agency's building; scores beside the same event
words; an HL7 message's control id (MSH-10); a service's login in a user column; kin words, greetings and form words
in families' languages ("Tata", "MANMAN", "Bonjour", "Diolch", "Terapia Ocupacional", Arabic "ابنها"), English words
for a parent ("Mom's"), countries, and an abbreviation where a name would stand ("(daughter, POA)").
"""

from __future__ import annotations

import pytest

from assistant.phi import Deidentifier
from tests.phi.roundtrip import assert_kept, assert_scrubbed

_AUDIT = (
    "ts,user,role,action,patient_name\n"
    '2026-02-03T15:02Z,tquornaby-ek,OT,VIEW_NOTE,"Quornaby, Ilse"\n'
    "2026-02-06T09:00Z,svc_claims,SYSTEM,BATCH_SUBMIT,*\n"
)

_HL7 = (
    "MSH|^~\\&|SCHED|STW|EHR|STW|20250602081500||SIU^S12|S12-7731|P|2.5\n"
    "PID|1||5512087^^^STW||QUORNBY^VELAN^^^||19340212|M\n"
)

SCRUB = [
    # a login built from a found name, with no cue beside it
    ("From: Velan Quornby (proxy, son)\n2025-12-19 22:41 OK vquornby ip=x", "vquornby"),
    ("Therapist: Velan Quornby, OT\nsigned quornby_v 12:02", "quornby_v"),
    ("Therapist: Velan Quornby, OT\nsession closed by VQUORNBY2", "VQUORNBY2"),
    # a login after an audit verb or in a user column
    ("2025-12-19T22:41 LOGIN tqelvarin OK ip=203.0.113.5", "tqelvarin"),
    ("2025-12-20T07:15 READ by mzorabel (OT)", "mzorabel"),
    (_AUDIT, "tquornaby-ek"),
    # the name after a kin word of another language, the kin word kept
    ("Caregivers: Lola Quepita (grandmother of the grandchildren, unpaid).", "Quepita"),
    ("call w/ Vela Quornby-Ferro (daughter, POA) re father", "Quornby-Ferro"),
    (_HL7, "5512087"),
    (_HL7, "QUORNBY"),
    # a month/day announced by an event, a follow-up or a consent; an ordinal day before a conjunction
    ("Handouts emailed. Next class 6/11.", "6/11"),
    ("Call ref# 1. Follow up 6/10 if not reprocessed.", "6/10"),
    ("31'. consent ✔ 2/4 (pt, verbal). gait belt", "2/4"),
    ("She was in the hospital the 17th so how could you train me", "17th"),
    # a day and a Turkish, German, Italian or Polish month
    ("12 haziran ok for us (thursday)", "12 haziran"),
    ("Termin am 3. März 2025 bestätigt", "3. März 2025"),
    ("visita il 5 maggio con la figlia", "5 maggio"),
    # an age over 89 with its unit in the family's language
    ("annem 94 yaşında, she stays home", "94"),
    ("(pt, 55-019431, 95 سنة) — caregiver", "95"),
    ("мама, 91 лет, дома", "91"),
    ("母亲 95岁", "95"),
    # a name in Han or Hangul after a kin word of its script, or before a role in brackets
    ("caregiver: 女儿 李娜 li.na@mail.example", "李娜"),
    ("caregiver: 딸 박지민, 55-019412", "박지민"),
    ("| 王秀英 (pt, MRN 55-019402) —", "王秀英"),
    ("| 김영희 (pt, 55-019411) —", "김영희"),
    # a given name that is also a word, right after an introduction
    ("[SMS] 7:12 PM hey its joy. mama's PT lady said to text here??", "joy"),
    ("this is will from the adult day program, calling back", "will"),
    # a patient's box after the name stays PHI beside the office rule
    ("Patient: Vela Quornby, PO Box 4410, Tampa FL 33631", "PO Box 4410"),
]

KEEP = [
    # an HL7 message's own control id, processing id and version (MSH-10..12)
    (_HL7, ["|S12-7731|P|2.5"]),
    (_AUDIT, ["svc_claims", "VIEW_NOTE"]),
    # scores beside the same event words stay
    ("class 3/4 trials correct; group 2/3 correct; signed 3/4 of the forms", ["3/4 trials", "2/3", "3/4 of"]),
    ("MMT 3/5 at follow up; the 2nd and 3rd steps", ["3/5", "2nd", "3rd"]),
    ("annem 84 yaşında; 95 years of service", ["yaşında", "years of service"]),  # 84 is an age (round 11)
    ("我女儿来了。他是儿子。", ["女儿来了"]),
    ("it is a joy to work with them; it will be fine; this is may 3", ["a joy", "it will be", "may 3"]),
    # an appeals or claims office's mailing address, whoever the payer; the agency's own building
    ("write within 180 days to Pacific Quorn Appeals, PO Box 7711, Portland, OR 97207.", ["PO Box 7711, Portland"]),
    ("Appeals & Grievances Dept., PO Box 4410, Tampa FL 33631", ["PO Box 4410, Tampa FL 33631"]),
    ("Quornitas Solutions\nAttn: Part B Redeterminations\nP.O. Box 3702\nMechanicsburg, PA 17055-1802\n", ["3702"]),
    ("Centers for Medicare & Medicaid Services, 7500 Security Boulevard, Baltimore, MD 21244.", ["Baltimore"]),
    ("LOGIN page opened; session read by the team", ["LOGIN page", "read by the team"]),
    # kin words, greetings and form words of families' languages; countries; abbreviations beside a kin word
    ("I got a bill. Tata was in the hospital that week.", ["Tata"]),
    ("BONSWA. MANMAN M AK FRÈ M AP VINI.", ["MANMAN", "FRÈ"]),
    ("Bonjour, I'm the daughter of the patient.", ["Bonjour"]),
    ("can you call me back. Diolch, bye.", ["Diolch"]),
    ("De: Ana (hija)  Para: Terapia Ocupacional", ["Terapia Ocupacional"]),
    ("(pt, 55-019431) — caregiver: ابنها يوسف, 4821 N 27th Ave, Phoenix 85017", ["ابنها"]),
    (
        "Son (visiting from Iceland) trained; mail to Montreal QC, Canada or Leeds, United Kingdom",
        ["Iceland", "Canada", "United Kingdom"],
    ),
    (
        "[Group MMS: \"Mom's PT\" - 4 members]\nclinic address is in the email. mom's old apt was 3900 E Colfax Ave",
        ["Mom's PT", "mom's old"],
    ),
    ("Caregivers: Lola Quepita (grandmother of the grandchildren, unpaid).", ["Lola"]),
    ("call w/ Vela Quornby-Ferro (daughter, POA) re father", ["(daughter, POA)"]),
]


@pytest.mark.parametrize(("text", "secret"), SCRUB)
def test_scrubbed(deid: Deidentifier, text: str, secret: str) -> None:
    assert_scrubbed(deid, text, secret)


@pytest.mark.parametrize(("text", "words"), KEEP)
def test_kept(deid: Deidentifier, text: str, words: list[str]) -> None:
    assert_kept(deid, text, words)
