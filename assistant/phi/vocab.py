"""Words that look like names but must reach the model, and the stretches of text that are never PHI.

* ``KEEP_WORDS``: equipment and app brands ("Moen", "Rifton", "Zalo"), kinship words and honorifics
  families write in their own languages ("Mémère", "Abba", "Emama", "Hajiya"), form words of Spanish
  and Vietnamese notes ("Cuidadora", "Domicilio"), clinical abbreviations in capitals ("BUE", "EMS", "HOH",
  "BiPAP"), observances ("Shabbos"), greetings in families' languages ("Bonjour", "Diolch") and countries.
  The name finders treat them like the clinical eponyms in `names.CLINICAL`;
* ``payer_zones``: a payer's own name and mailing address ("Aetna Better Health of Virginia",
  "Wellcare Appeals, P.O. Box 31384, Tampa, FL 33631-3384"): the organisation's, not the patient's;
* ``dose_spans``: a word right before a dose is a medication ("Eliquis 2.5 mg", "Donepezil 10 mg");
* ``payer``: a name-like run that a payer word follows or a payer label precedes ("Ins: Highmark MA").
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, float]


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


# fmt: off
BRANDS = _words("""
moen rifton molift microair zalo whatsapp facetime zoom skype viber wechat kakaotalk invacare drive medline
quickie permobil carex dynarex lumex tena chux hoyer arjo stryker siri
doxy doxyme webex vsee mend teladoc amwell updox
teva mylan sandoz apotex lupin aurobindo zydus amneal
visa mastercard amex
phonak oticon signia resound starkey widex unitron
""")
# Kinship words and honorifics in the languages families write them in: what a family calls a person, no name.
KIN_WORDS = _words("""
mémère memere pépère pepere mamie papi mamé nonna nonno nonni oma opa omi opi babcia dziadek babushka
dedushka abuela abuelo abuelita abuelito vovó vovô vó vô avó avô lolo bubbe bubby zayde
zaide savta abba ima imma emama ababa eme abaye hajiya alhaji hajia hajji mallam baba mama yaya
amma appa achan amma ammachi ammamma nani dadi dada halmeoni harabeoji omma eomma appa obaasan
ojiisan bà ông chú bác dì thím mợ cậu tutu kupuna grandmère grandpère tante oncle papa aabo hooyo lola
koro koroua kuia kui whaea matua kōkā koka tāua taua pōua poua tipuna tupuna karani
hajj haj hajja hajjah haji sheikh sheikha
tūtū tita doña dona ehemann ehefrau enkelin enkel tochter sohn irmão irmã
dra lcda lcdo
어머님 아버님 할머님 할아버님 어머니 아버지 할머니 할아버지 선생님
tata tato мама папа бабушка дедушка manman frè sè tonton matant grann granpapa vati mutti umma eomeoni abeoji
ابني ابنه ابنها ابنتي ابنته ابنتها بنتي بنته بنتها زوجي زوجها زوجتي زوجته أمي أمه أمها أبي أبوه أبوها جدتي جدي
""")
# English words for a parent: what a child calls them, never a name ("Mom's PT", "dad's aide").
FAMILY_WORDS = _words("mom moms mommy momma mum mummy dad dads daddy grandma grandpa")
# Greetings and thanks that open or close a family's message in their own language ("Bonjour, I'm ...", "Diolch").
GREETINGS = _words("""
bonjour bonsoir bonswa mèsi merci salut hola gracias buenas buenos diolch shwmae aloha mahalo shukran
ciao grazie danke hallo obrigado obrigada olá namaste dhanyavaad sawubona ngiyabonga jambo
dziękuję cześć spasibo privet xin chào cảm ơn salamat maraming kamsahamnida annyeong arigato konnichiwa
""")
# Countries and the words of their names: where someone lives or visits from, never a person ("United Kingdom").
COUNTRIES = _words("""
afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain bangladesh
barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria burundi cambodia cameroon
canada chile china colombia comoros congo croatia cuba cyprus czechia denmark djibouti dominica ecuador egypt eritrea
estonia eswatini ethiopia fiji finland france gabon gambia germany ghana greece grenada guatemala guinea guyana haiti
honduras hungary iceland indonesia iran iraq ireland italy jamaica japan kazakhstan kiribati
kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg madagascar
malawi malaysia maldives mali malta mauritania mauritius mexico micronesia moldova monaco mongolia montenegro morocco
mozambique myanmar namibia nauru nepal netherlands nicaragua niger nigeria norway oman pakistan palau palestine panama
paraguay peru philippines poland portugal qatar romania russia rwanda samoa senegal serbia seychelles singapore
slovakia slovenia somalia spain sudan suriname sweden switzerland syria taiwan tajikistan tanzania thailand togo
tonga tobago tunisia turkey türkiye turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu venezuela
vietnam yemen zambia zimbabwe england scotland wales britain kingdom emirates herzegovina
""")
# Form words of Spanish, Vietnamese and Korean notes, capitalised at the start of a line or field.
FORM_WORDS = _words("""
cuidadora cuidador cuidadoras cuidadores paciente pacientes nota notas domicilio seguro también además
visita fecha diagnóstico plan edad sexo teléfono dirección médico médica terapeuta familia vecino vecina
terapia ocupacional física fisioterapia logopedia fonoaudiología mensaje para asunto
consentimiento autorizo autorización firma firmado firmada nombre capacitación traslados
parte original referido referida
fieldname fieldnamealt fieldtype fieldflags fieldvalue fieldjustification fieldstateoption fieldmaxlength
bệnh nhân người chăm sóc địa chỉ gọi lại hẹn lần sau thứ tuổi sinh năm phiên dịch con trai gái dâu rể
보호자 교육 환자 치료 예약 방문 확인 안내 내일 오늘 오전 오후 병원 센터 재활 치료사 문의
""")
# Clinical and service abbreviations in capitals that are also listed names ("BUE" is a given name), and a label's
# or a log's column words: "Qty", "DAW", "Pg", "Medicare Adv", "no LOC", "Odometer".
# An ambulance unit: "Medic 7".
ABBREVIATIONS = _words("""
bue ble bles wfl wnl ems aps snf alf ltc hha mhp dme poa tue thur sat ssgt sgt sfc msgt cpl pvt pfc
spc lt capt maj col gen cdr cmdr lcdr
hoh als bipap cpap uti utis copd chf cva tbi peg spo
mca aca pca ica
sil dil grnddau grndson
phi esmtp esmtps esmtpsa smtp lmtp
rx sig prescriber rph frontdesk pe
rxbin rxpcn rxgrp rxid
qty daw pg adv loc odometer mileage
medic
""")
# Dotted abbreviations that are no person's initials ("P.O. Box", "a.m.", "D.O.B.", "M.S. CCC-SLP"), as their letters;
# any other run of dotted capitals ("T.W.", "J.R.B.", "P.O.R.") stands for a person (round 15: 57 of 75 such runs).
DOTTED_ABBREVIATIONS = _words("""
AM PM US USA UK EU UN DC NY LA VA MD DO RN NP PA LPN CNA BID TID QID QD QOD QHS HS PRN NPO PO IV IM SC ER ED ICU
OT PT SLP OTR COTA DPT ADL ROM HEP BP HR DME DOB PS PPS MS MA BA BS RD DDS MPH JD CRS RSVP ASAP ETA FYI NB AKA ID
IE EG OK TV NA
""")
# Observances a plan of care is built around ("Shabbos plan reviewed"): a day or season, no person.
OBSERVANCES = _words("""
shabbos shabbat sabbath ramadan passover diwali lent
""")
# Languages and dialects an interpreter request or a chart's language field names ("language: Amharic", "Maay Maay
# dialect", "Portuguese (Cabo Verde)"): what a patient speaks, no person.
LANGUAGES = _words("""
amharic tigrinya tigrigna oromo afaan oromiffa somali maay maxaa tiri swahili kiswahili yoruba igbo hausa twi akan
wolof fulani pulaar lingala kinyarwanda kirundi arabic dari pashto farsi persian urdu punjabi hindi gujarati bengali
bangla tamil telugu malayalam kannada marathi nepali sinhala burmese rohingya khmer lao hmong daw
thai vietnamese tagalog ilocano ilokano cebuano visayan samoan tongan marshallese chuukese cantonese
mandarin toisanese taishanese fuzhounese hakka japanese korean mongolian russian ukrainian polish czech slovak
romanian bulgarian serbian croatian bosnian albanian greek turkish armenian georgian hebrew yiddish portuguese
spanish french creole kreyol kreyòl haitian italian german dutch navajo lakota ojibwe cherokee yupik
asl cabo verde
""")
# Laboratory and clinical terms in mixed case or capitals that a name pattern reads as one ("HbA1c", "SIADH", "A&Ox4")
# and payer product words ("MEDIGAP").
CLINICAL_TERMS = _words("""
udi hba hba1c a1c siadh ssri ssris snri snris ox aox inr ptt bnp tsh egfr bmp cmp cbc ua
medigap
""")
# fmt: on
KEEP_WORDS = (
    BRANDS | KIN_WORDS | FAMILY_WORDS | FORM_WORDS | ABBREVIATIONS | OBSERVANCES | GREETINGS | COUNTRIES | LANGUAGES
    | CLINICAL_TERMS
)
# Never a person, even where a name would stand ("(daughter, POA)", '"Mom's PT"'); a kinship word of another language
# may be one ("Lola" is a grandmother and a given name), so a name found by its context keeps it when it is alone.
NEVER_NAMES = KEEP_WORDS - KIN_WORDS

_PAYER = (
    r"(?:UnitedHealthcare|United[ \t]+Healthcare|UHC|Humana|Aetna|Cigna|Anthem|Elevance|Wellcare|WellCare|Allwell|"
    r"Ambetter|Centene|Molina|Amerigroup|Wellpoint|CareSource|Highmark|Kaiser[ \t]+Permanente|Tricare|TRICARE|"
    r"BCBS|Blue[ \t]+Cross(?:[ \t]+Blue[ \t]+Shield)?|Blue[ \t]+Shield|Health[ \t]+Net|Optum|Magellan|Medica|"
    r"HealthPartners|Geisinger|(?:Oscar|Devoted|Clover|Priority|SCAN|Alignment)[ \t]+Health|"
    # the Medicare administrative contractors, public payers whose boxes take appeals
    r"Novitas|Noridian|Palmetto[ \t]+GBA|First[ \t]+Coast|National[ \t]+Government[ \t]+Services|NGS|WPS|CGS|"
    # state Medicaid programs and agencies, by their own names
    r"AHCCCS|Medi-Cal|MassHealth|TennCare|SoonerCare|BadgerCare|HUSKY|KanCare|MaineCare|STAR\+PLUS|eMedNY|"
    r"(?:Health[ \t]+(?:and|&)[ \t]+)?Human[ \t]+Services|[A-Z][a-z]+[ \t]?Health[ \t]?Plan)"
)
# The payer's name runs on through capitalised words and "of/by/for": "Aetna Better Health of Virginia".
_PAYER_NAME = rf"\b{_PAYER}\b(?:[ \t]{{1,2}}+(?:of|by|for|the|[A-Z][\w&'’.\-]*+)){{0,5}}+"
# A comma, a line break or both between the parts of an address.
_PART = r"(?:,[ \t]*(?:\r?\n[ \t]*)?|[ \t]*\r?\n[ \t]*)"
_BOX = r"P\.?[ \t]?O\.?[ \t]+Box[ \t]+\d{1,7}"
# The town (never the state's two capitals), the state and the ZIP after a box or a building.
_TOWN_ZIP = (
    rf"(?:{_PART}[A-Z][A-Za-z.\-]*+(?:[ \t]+(?![A-Z]{{2}}\b)[A-Z][A-Za-z.\-]*+){{0,2}}+)?"
    r",?[ \t]+[A-Z]{2}[ \t]+\d{5}(?:-\d{4})?"
)
# Its mailing address, when it follows the name: ", P.O. Box 31384, Tampa, FL 33631-3384".
_PAYER_ADDRESS = rf"(?:{_PART}{_BOX}{_TOWN_ZIP})?"
PAYER_ZONE = re.compile(_PAYER_NAME + _PAYER_ADDRESS)
# An appeals or claims office and the box it is written to, whoever the payer: "Pacific Crest Appeals, PO Box 7711,
# Portland, OR 97207", "Appeals & Grievances Dept., PO Box 4410, Tampa FL 33631", "Attn: Part B Redeterminations\n
# P.O. Box 3702\nMechanicsburg, PA 17055-1802"; and the agency's own building ("Centers for Medicare & Medicaid
# Services, 7500 Security Boulevard, Baltimore, MD 21244"). A patient's box follows a name, never an office word.
_OFFICE = (
    r"\b(?:[Aa]ppeals?|Redeterminations?|Reconsiderations?|Grievances|[Cc]laims|Correspondence)"
    r"(?:[ \t]+(?:Unit|Dept\.?|Department|Office|Center|Section|Team))?+"
    r"|\bCenters[ \t]+for[ \t]+Medicare[ \t]+(?:&|and)[ \t]+Medicaid[ \t]+Services"
)
_BOX_OR_BUILDING = (
    rf"(?:{_BOX}|\d{{1,6}}[ \t]+(?:[A-Z][a-z]++[ \t]+){{1,3}}"
    r"(?:Boulevard|Blvd|Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Parkway|Pkwy|Way)\.?)"
)
# The office word, then its box: "Appeals,\n", "Medical claims: ", "file claims to ".
OFFICE_ZONE = re.compile(rf"(?:{_OFFICE})(?:{_PART}|:[ \t]*|[ \t]+(?:to|at)[ \t]+){_BOX_OR_BUILDING}{_TOWN_ZIP}")


# A therapy practice or a home-care agency by the word its name ends with: "Sun Valley Outpatient Therapy", "Fjord &
# Pine Rehabilitation", "Ashgrove Speech & Swallow, LLC", "Lakeshore Home Care". The practice bills; a facility that
# houses the patient ends otherwise ("... Nursing", "... Assisted Living", "... Rehab", a SNF's word too) and stays.
_PRACTICE_END = (
    r"(?:[ \t]+(?:Therapy|Therapies|Physiotherapy|Physio|Rehabilitation|Associates|Collective|Home[ \t]+Care|Homecare"
    r"|Home[ \t]+Health(?:[ \t]+Care)?|Home[ \t]+(?:OT|PT|SLP)|(?:Family|Internal)[ \t]+Medicine"
    r"|(?:Medical|DME|Oxygen)[ \t]+Supply|Orthopa?edic[ \t]+Group"
    # round 17: a family practice, a hearing centre, a PT & OT clinic, a fire district's or an ambulance service
    r"|Family[ \t]+(?:Health|Practice)|Hearing[ \t]+(?:Center|Centre|Clinic)|Audiology|(?:PT|OT|SLP)[ \t]+(?:&|and)"
    r"[ \t]+(?:PT|OT|SLP)|Fire[ \t]+(?:&|and)[ \t]+(?:EMS|Rescue)|Ambulance(?:[ \t]+(?:Service|Svc))?)\b"
    r"|,?[ \t]+(?:LLC|PLLC|L\.L\.C\.|Inc\.?|P\.C\.)(?![\w.]))"
    # the practice word inside a longer facility name is no practice's end: "Oak Crest Rehabilitation & Nursing"
    r"(?![ \t]*(?:&|and)[ \t]+[A-Z]|[ \t]+(?:Center|Centre|Hospital|Institute|Nursing|Unit|Facility|Home)\b)"
)
_PRACTICE_WORD = r"[A-Z][\w'’\-]*+"
PRACTICE_ZONE = re.compile(
    rf"(?<![\w'’\-]){_PRACTICE_WORD}(?:[ \t]+(?:(?:&|and|de)[ \t]+)?{_PRACTICE_WORD}){{0,4}}?{_PRACTICE_END}"
)


# The same in capitals, a statement's or a summary's letterhead: "LAUREL CREEK THERAPY GROUP", "MISSOURI RIVER REHAB
# ASSOCIATES" (never a heading of generic words: "OUTPATIENT PHYSICAL THERAPY", "HOME HEALTH")
_CAPS_END = (
    r"(?:THERAPY|THERAPIES|PHYSIOTHERAPY|REHABILITATION|REHAB|ASSOCIATES|HOME[ \t]+CARE|HOME[ \t]+HEALTH|HOSPICE"
    r"|SKILLED[ \t]+NURSING|MEDICAL[ \t]+CENTER|HOSPITAL|(?:FAMILY|INTERNAL)[ \t]+MEDICINE|HOME[ \t]+MEDICAL"
    r"|(?:MEDICAL|DME|OXYGEN)[ \t]+SUPPLY|ORTHOPA?EDIC[ \t]+GROUP|MOBILITY[ \t]+&[ \t]+OXYGEN"
    r"|FAMILY[ \t]+(?:HEALTH|PRACTICE)|HEARING[ \t]+(?:CENTER|CENTRE|CLINIC)|AUDIOLOGY"
    r"|(?:PT|OT|SLP)[ \t]+&[ \t]+(?:PT|OT|SLP)"
    r"|(?:FIRE[ \t]+(?:&|AND)[ \t]+)?EMS|AMBULANCE(?:[ \t]+(?:SERVICE|SVC))?|CARE[ \t]+AGENCY)"
    r"(?:[ \t]+(?:GROUP|SERVICES|CENTER|CLINIC|LLC|INC|PC))?\b"
)
PRACTICE_CAPS = re.compile(
    rf"(?<![\w'’\-])[A-Z][A-Z'’\-]++(?:[ \t](?:&[ \t])?[A-Z][A-Z'’\-]++){{0,4}}?[ \t]+{_CAPS_END}"
)
_GENERIC = _words("""
PHYSICAL OCCUPATIONAL SPEECH OUTPATIENT INPATIENT PEDIATRIC HOME CTS CAREGIVER TRAINING PT OT SLP THE OF AND FOR IN
COMMUNITY HAND AQUATIC VESTIBULAR NEURO NEUROLOGIC ORTHOPEDIC ORTHO SPORTS GERIATRIC CARDIAC PULMONARY PELVIC
MEDICARE MEDICAID PATIENT DAILY NOTE PLAN OF CARE SKILLED ACUTE SUBACUTE REHAB REHABILITATION THERAPY AT FROM TO
FAMILY INTERNAL MEDICINE MEDICAL ORTHOPAEDIC SUPPLY DME OXYGEN MOBILITY DEPARTMENT DEPT DIVISION SECTION SERVICE
""")


_CAPS_END_AT = re.compile(rf"[ \t]+{_CAPS_END}$")


# words a sentence in capitals puts before a place's name: "TRAINING ORDERED AT WILLOWBEND HOME HEALTH"
_BEFORE_NAME = _words("""
AT TO FROM WITH IN FOR BY ON VIA SEE CALL ORDERED REFERRED DISCHARGED CALLED NOTIFIED ACTIVATED CONTACTED PER
""")


def _caps_practices(text: str) -> list[tuple[int, int]]:
    """The name from its first word that is no generic one ("CTS NOTE - SORREL RIDGE REHABILITATION"). An X12
    element ("N1*PE*...*XX*") names the billing provider, not where the patient is."""
    out = []
    for m in PRACTICE_CAPS.finditer(text):
        end_at = _CAPS_END_AT.search(m.group())
        if not end_at or text[m.start() - 1 : m.start()] == "*":
            continue
        head = m.group()[: end_at.start()]
        words = list(re.finditer(r"[A-Z'’\-]++", head))
        last_stop = max((i for i, w in enumerate(words) if w.group() in _BEFORE_NAME), default=-1)
        for word in words[last_stop + 1 :]:
            if word.group() not in _GENERIC:
                out.append((m.start() + word.start(), m.end()))
                break
    return out


# Every practice or agency is a place (round 12's convention: it places the person, whoever writes; older sets kept
# the writing practice's name, a known labelling conflict). The placeholder is put back locally, so a letter loses
# nothing, and the remote model never needs the practice's name.
def practices(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in PRACTICE_ZONE.finditer(text) if _named(m.group())] + _caps_practices(text)


_PRACTICE_END_AT = re.compile(_PRACTICE_END + "$")


def _named(found: str) -> bool:
    """A practice's name has a word of its own before the end word: "Outpatient PT & OT" or "Home Health Therapy"
    is a service, "ClearPath PT & OT" a practice."""
    end = _PRACTICE_END_AT.search(found)
    head = found[: end.start()] if end else found
    return any(w.upper() not in _GENERIC for w in re.findall(r"[^\W\d_][\w'’\-]*", head))


def payer_zones(text: str) -> list[tuple[int, int]]:
    """Stretches naming a payer, its appeals office and their mailing address: nothing inside them is the
    patient's. Sorted, joined where they overlap."""
    found = [(m.start(), m.end()) for regex in (PAYER_ZONE, OFFICE_ZONE) for m in regex.finditer(text)]
    found.sort()
    zones: list[tuple[int, int]] = []
    for start, end in found:
        if zones and start <= zones[-1][1]:
            zones[-1] = (zones[-1][0], max(end, zones[-1][1]))
        else:
            zones.append((start, end))
    return zones


DOSE = re.compile(
    r"(?<![\w\-])(?P<drug>[A-Za-z][A-Za-z\-]{3,30}+)(?=[ \t]+\d{1,4}(?:\.\d{1,3})?(?:[-/]\d{1,4})?[ \t]?"
    r"(?:mg|mcg|µg|g|mL|ml|units?|IU|mEq|%|puffs?|tabs?)\b)"
)


_DAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)"
# Weekdays in a slash list: "Tue/Thu", "Mon/Wed/Fri" ("Thu" alone may be a Vietnamese name).
WEEKDAY_LIST = re.compile(rf"\b{_DAY}(?:/{_DAY})++\b")


def dose_spans(text: str) -> list[tuple[int, int]]:
    """Medication names right before their dose and weekday lists: allow-listed like a billing code."""
    return [(m.start("drug"), m.end("drug")) for m in DOSE.finditer(text)] + [
        (m.start(), m.end()) for m in WEEKDAY_LIST.finditer(text)
    ]


# "Prairie Star Medicare Advantage" and "Ins: Highmark MA" name a payer.
# One space: a column of a form ("Silva          Medicare Number") is no payer's name.
_PAYER_AFTER = re.compile(r"[ \t](?:Medicare|Medicaid|Insurance|Mutual|HMO|PPO|Advantage|Assurance|Blue[ \t]+Cross)\b")
_PAYER_LABEL = re.compile(r"(?i:\b(?:ins|insurance|payer|payor|carrier)\b)[ \t]*:[ \t]*$")


def payer(text: str, start: int, end: int) -> bool:
    """A name-like run that names a payer: "Prairie Star Medicare Advantage", "Ins: Highmark MA"."""
    return bool(_PAYER_AFTER.match(text, end) or _PAYER_LABEL.search(text, max(0, start - 20), start))
