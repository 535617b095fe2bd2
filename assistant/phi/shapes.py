"""Identifiers, dates, ages and places found by their shape, with or without a label.

* IDs: labelled (``ACNT``, ``ICN``, ``PCN``, ``SN``, serial, group, member, claim...) or bare
  alphanumeric runs that carry enough digits to be an identifier ("PCN5510204", "7K4-22819-B",
  "19A44721", "7731-22"), never a billing code (97550, 97550-GP, G0541, I69351, 1015-1047);
* dates: "04 17 1938", "03 04 25", "MAR-09-1930", "Tues 3/4", weekday-led dates;
* ages over 89: "93 y.o.", "90F";
* places: UK postcodes, rural routes ("RR 2 Box 41", "HC 61 Box 12"), Spanish-style streets
  ("3307 Calle Polar"), "Flat 2, 14 Elm Grove, Leeds", facilities with their room or chair
  ("Sunrise Manor room 214", "Westside Dialysis, chair 12");
* X12 segments: names, addresses, dates and identifiers by element position (NM1, N3, N4, DMG,
  DTP, CLM, REF, PER); HL7 v2 segments by field (PID, NK1, GT1, IN1, PV1, MRG);
* phone numbers in international and national forms ("+61 2 9876 5432", "0161 496 0734").
"""

from __future__ import annotations

import re

from assistant.phi import patterns as p

Span = tuple[int, int, str, float]


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


_TOKEN = re.compile(r"(?<![\w:/.\-$,])[A-Z0-9]+(?:-[A-Z0-9]+)*(?![\w:/\-]|\.\d|,\d)", re.IGNORECASE)
_CODE_LIKE = re.compile(
    r"\d{5}(?:-[A-Z0-9]{2})*|[A-Z]\d{4}(?:-[A-Z0-9]{2})*|[A-TV-Z]\d[0-9A-Z]{1,5}|\d{4}[FTU]"
    r"|(?:[01]\d|2[0-3])[0-5]\d-(?:[01]\d|2[0-3])[0-5]\d",
    re.IGNORECASE,
)
_ID_LABEL = re.compile(
    r"\b(?P<label>(?i:acnt|acct|account|icn|dcn|pcn|tcn|clm|claim|member|subscriber|group|grp|policy|serial|sn|"
    r"s/n|id|control|case|auth(?:orization)?|ref(?:erence)?|encounter|visit|accession|device|lot|tracking|license|"
    r"plan|hicn|medicaid|insured\s+id|chart|tech|badge|employee|driver|phin|ohip|nhs|ramq|phn|hcn|health\s+card)"
    r")\b\.?[ \t]*(?i:id|#|no\.?|number|num|card)?[ \t]*[:#]?[ \t]*(?i:is[ \t]+)?"
    # a card number printed in spaced groups: "RAMQ no. LEVG 3208 1417", "BC PHN is 9876 543 210",
    # "RAMQ card TREM 3803 6214", "ID: KMH 4410 2277 0931", "Aetna id is W 1193 0047 21"
    r"(?P<id>(?:[A-Z]{1,4}[ \t])?\d{3,4}(?:[ \t]\d{2,4}){1,4}(?![\w\-])"
    r"|(?=[A-Z0-9\-/]*\d)[A-Z0-9][A-Z0-9\-/]{2,24}[A-Z0-9])\b",
)
# Capitalised, or in lower case when no other word: "tues 4/22", never "pt sat 3/5" or "sun".
_WEEKDAY = (
    r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?"
    r"|(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day|tues?|weds?|thu(?:rs?)?|fri))\.?"
)
DATES = [
    re.compile(r"\b(?:0[1-9]|1[0-2])[ \t](?:0[1-9]|[12]\d|3[01])[ \t](?:(?:19|20)\d{2}|\d{2})\b"),
    # dictated with blanks and no padding, a full year after: "dictated 3 15 2026"
    re.compile(r"(?<![\d.:/\-])(?:1[0-2]|[1-9])[ ](?:3[01]|[12]\d|[1-9])[ ](?:19|20)\d{2}(?![\d.:/\-])"),
    re.compile(rf"\b{p.MONTH}[-/ ](?:0?[1-9]|[12]\d|3[01])[-/ ,]+(?:19|20)?\d{{2}}\b(?!:\d)", re.IGNORECASE),
    re.compile(
        rf"\b{_WEEKDAY},?[ \t]+(?:(?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9])(?:/\d{{2,4}})?\b"
        rf"|{p.MONTH}[ \t]+\d{{1,2}}\b)"
    ),
]
AGES = re.compile(
    r"\b(?P<id>9\d|1[01]\d)(?:[ \t]*(?:y\.?[ \t]?o\.?|y/o|yrs?\.?(?:[ \t]old)?|years?[ \t\-]old)|(?=[FM]\b))",
    re.IGNORECASE,
)
_CAP = r"[A-Z][\w'’.\-]*"
PLACES = [
    re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?[ \t]\d[A-Z]{2}\b"),  # UK postcode
    # a rural road by its number or letter, with the house number before it: "W6120 County Rd K", "212 1/2 county rd
    # 44", "County Road 12", "Farm to Market Rd 1960"
    re.compile(
        r"(?i:\b(?:[NSEW]?\d{1,6}(?:[ \t]+1/2)?[ \t]+)?(?:county|state|farm[ \t]+to[ \t]+market|forest|ranch)[ \t]+"
        r"(?:road|rd|route|rte|highway|hwy)\.?)[ \t]+(?:\d{1,4}[A-Za-z]?|[A-Z]{1,2})\b"
    ),
    re.compile(
        r"\b(?:RR|R\.R\.|HC|HCR|Rural[ \t]+Route|Star[ \t]+Route|PSC|CMR)[ \t]*\d+[ \t,]+Box[ \t]*\d+[A-Z]?\b", re.I
    ),
    re.compile(
        rf"\b\d{{1,6}}[ \t]+(?:Calle|Avenida|Av\.|Camino|Paseo|Rue|Via|Rua|Carrera|Calzada|Strasse|Straße)"
        rf"(?:[ \t]+(?:{_CAP}|(?:des|dos|das|del|de|la|le|du|da|do|di)\b)){{1,4}}(?:,[ \t]*\d{{4,6}}[ \t]+{_CAP})?"
    ),
    # in lower case the street word alone is the cue: "12 calle del sol", "1140 rue wellington ouest"
    re.compile(r"\b\d{1,6}[ \t]+(?:calle|avenida|camino|paseo|rue|carrera|calzada)(?:[ \t]+[^\W\d_]++){1,3}"),
    re.compile(
        rf"\b(?:Flat|Apt|Apartment|Unit|Suite)[ \t]*[\w\-]+,[ \t]*\d{{1,6}}(?:-\d{{1,4}})?(?:[ \t]+{_CAP}){{1,4}}"
        rf"(?:,[ \t]*{_CAP}(?:[ \t]+{_CAP})?)?"
    ),
]
_FACILITY_WORD = (
    r"(?:Manor|Center|Centre|Hospital|Clinic|Dialysis|SNF|ALF|Nursing|Rehab|Rehabilitation|House|Village|Gardens|"
    r"Elementary|School|Academy|Church|Chapel|Synagogue|Mosque|Temple|"
    # where a child spends the day, a parish, a pharmacy (round 11 labels them as places: they place the person)
    r"Adult[ \t]+Day|Preschool|Pre-K|Daycare|Kindergarten|Montessori|Parish|Congregation|preschool|daycare|"
    r"Pharmacy|Drug|Drugs|Apothecary|Chemist|"
    r"Lodge|Residence|Living|Hospice|Pavilion|Commons|Towers?|Estates|Crest|Pointe|Home|Place|Court|Terrace|"
    r"Apartments|Apts|Condominiums|Condos)"
)
FACILITY = re.compile(
    rf"(?<![\w'’.\-])(?P<name>(?:{_CAP}[ \t]+){{1,4}}){_FACILITY_WORD}\b(?:[ \t]+{_FACILITY_WORD}\b)*"
    # a therapy practice named for home visits bills, it houses no one: "Lakeshore Home OT", "Elm Home Therapy"
    r"(?![ \t]+(?:OT|PT|SLP|Therapy|Therapies|Rehab)\b)"
    # a room, a bed, or a store's number: "Prairie Drug #3321"
    rf"(?:,?[ \t]+(?i:room|rm|chair|bed|unit|apt|suite|ste)\.?[ \t]*#?[\w\-]+|[ \t]+#[ \t]?\d{{1,6}}\b)?"
)
# A facility in capitals (a wristband, a label, a note typed in caps): "SOUTHGATE ADULT DAY", "KESTREL APOTHECARY". Only
# the facility words no caps heading uses otherwise ("HOME", "PLACE", "COURT" stay out: "REVIEWED HOME PROGRAM").
CAPS_FACILITY = re.compile(
    r"(?<![\w'’.\-])(?P<name>(?:[A-Z][A-Z'’\-]+[ \t]+){1,3})(?:ADULT[ \t]+DAY|MANOR|HOSPICE|DIALYSIS|NURSING|SNF|ALF"
    r"|HOSPITAL|CLINIC|PHARMACY|APOTHECARY|DRUGS?|DAYCARE|ELEMENTARY|ACADEMY|CHURCH|ASSISTED[ \t]+LIVING)\b"
)
# A facility written in lower case after "at"/"@": "@ sunnyside senior day ctr", "at willow creek nursing home".
LOWER_FACILITY = re.compile(
    r"(?:\bat|@|\bfrom)[ \t]+(?P<name>[a-z][a-z'’\-]{2,20}+(?:[ \t]+[a-z][a-z'’\-]{2,20}+){0,2}?)[ \t]+"
    r"(?:(?:(?:senior|adult)[ \t]+)?(?:day|care|nursing|memory|rehab)[ \t]+(?:ctr|center|centre|home|program|facility)"
    r"|assisted[ \t]+living|manor|snf|alf)\b"
)
# A residence in lower case with the patient's room: "picked up at sunrise terrace rm 210" (the room says someone lives
# there, whatever the words of its name).
LOWER_RESIDENCE_ROOM = re.compile(
    r"(?:\bat|@|\bfrom)[ \t]+(?P<name>[a-z][a-z'’\-]{2,20}+(?:[ \t]+[a-z][a-z'’\-]{2,20}+){0,2}?)[ \t]+"
    r"(?:terrace|manor|commons|gardens|lodge|village|place|court|towers?|estates|residence|house|heights|pointe|hall)"
    r"[ \t]+(?:rm|room|apt|unit|bed|ste|suite)\.?[ \t]*#?\d{1,4}+[a-z]?\b"
)
# A word that ends a sentence inside a facility-like run; "St.", "Mt.", "Ft." abbreviate a saint or a mountain.
_SENTENCE_END = re.compile(r"(?<![^\W\d_])(?!(?i:st|mt|ft|sts)\.)[^\W\d_]{2,}\.[ \t]+")
_GENERIC = _words("""
adult day senior nursing home care health medical memory assisted living rehab center clinic the of outpatient
inpatient wound dialysis hospital community county regional general skilled at in to from for and pt patient
caregiver
""")
PHONES = re.compile(
    r"(?<![\w+])\+\d{1,3}(?:[ .\-]?\(?\d{1,4}\)?){1,2}(?:[ .\-]?\d{2,4}){2,4}\b"  # +61 2 9876 5432
    r"|\b0\d{2,4}[ \-]\d{3,4}[ \-]\d{3,4}\b"  # national trunk prefix: 0161 496 0734
    r"|(?<!\d)\(\d{3}\)\d{3}-\d{4}\b"  # (555)321-9876
    r"|(?<![\d/])\d{3}/\d{3}-\d{4}\b"  # 504/555-0172
)
# A segment starts a line, follows a separator, or opens a JSON string (a brief quotes notes line by line).
HL7 = re.compile(r"(?<![A-Za-z0-9|])(PID|NK1|GT1|IN1|PV1|MRG|OBR|ORC|OBX|TXA|EVN|PD1|ROL)\|([^\r\n\"]*)")
# Fields that hold identifiers, names, dates, addresses and phone numbers, by segment (HL7 v2 numbering), and
# how: a person's name (XPN) or a clinician (XCN) loses its name parts and keeps its title and degree ("OT"),
# an address (XAD) keeps its state and country; any other field goes whole.
_XPN, _XCN, _XAD, _ALL = (1, 2, 3, 4), (1, 2, 3, 4, 5), (1, 2, 3, 5), ()
# a patient identifier (CX) loses its number; its issuer (component 4) is a place: hl7_places.py
_CX = (1, 2, 3)
_HL7_FIELDS: dict[str, dict[int, tuple[int, ...]]] = {
    "PID": {2: _ALL, 3: _CX, 4: _ALL, 5: _XPN, 6: _XPN, 7: _ALL, 9: _XPN, 11: _XAD, 13: _ALL, 14: _ALL, 18: _ALL,
            19: _ALL, 20: _ALL},
    "NK1": {2: _XPN, 4: _XAD, 5: _ALL, 6: _ALL, 7: _ALL},
    "GT1": {2: _ALL, 3: _XPN, 5: _XAD, 6: _ALL, 7: _ALL, 8: _ALL, 12: _ALL},
    "IN1": {16: _XPN, 18: _ALL, 19: _XAD, 36: _ALL, 49: _ALL},
    "PV1": {7: _XCN, 8: _XCN, 9: _XCN, 17: _XCN, 19: _ALL, 50: _ALL},
    "MRG": {1: _ALL, 2: _ALL, 3: _ALL, 4: _ALL, 5: _ALL, 6: _ALL, 7: _XPN},
    "OBR": {2: _ALL, 3: _ALL, 16: _XCN, 28: _XCN, 32: _XCN, 33: _XCN, 34: _XCN, 35: _XCN},
    "ORC": {2: _ALL, 3: _ALL, 10: _XCN, 11: _XCN, 12: _XCN},
    "OBX": {16: _XCN},
    "TXA": {5: _XCN, 9: _XCN, 10: _XCN, 11: _XCN, 12: _ALL, 22: _XCN, 23: _XCN},
    "EVN": {5: _XCN},
    "PD1": {4: _XCN},
    "ROL": {4: _XCN},
}  # fmt: skip
X12 = re.compile(r"(?<![A-Za-z0-9*])(NM1|N3|N4|DMG|DTP|CLM|REF|PER)\*([^~\n\"]*)")
_X12_FIELDS = {"NM1": (3, 4, 5, 9), "N3": (1, 2), "N4": (1, 3), "DMG": (2,), "DTP": (3,), "CLM": (1,), "REF": (2,),
               "PER": (2, 4, 6)}  # fmt: skip


# Labels that also head billing lines ("Plan: 97550 GP", "Group: 97552", "Visit 97550"): a billing code after
# one of them is the code, not an identifier.
_WEAK_LABELS = _words("plan group grp visit case control ref reference encounter lot tracking device id auth")


def code_after_weak_label(label: str, value: str) -> bool:
    """ "Plan: 97550", "Group: 97552": a billing code after a label that also heads billing lines; never
    "Group: 00419" (no code this service bills starts with 0: a group number does)."""
    if value.isdigit() and value.startswith("0"):
        return False
    code = _CODE_LIKE.fullmatch(value) or p.PROTECTED_RE.fullmatch(value)
    return bool(code) and label.lower() in _WEAK_LABELS


# The end of an identifier someone quotes: "Medicare # ends in 4XT7", "account ending with 0412".
ENDS_IN = re.compile(r"(?i:\b(?:ends?|ending)[ \t]+(?:in|with)[ \t]+)(?P<id>(?=[A-Za-z]*\d)[A-Za-z0-9]{3,6})\b")


def _labelled_ids(text: str) -> list[Span]:
    out: list[Span] = [(m.start("id"), m.end("id"), "ID", 0.9) for m in ENDS_IN.finditer(text)]
    for m in _ID_LABEL.finditer(text):
        if code_after_weak_label(m.group("label"), m.group("id")):
            continue
        if p.PAYER_ID_BEFORE_RE.search(text, max(0, m.start("id") - 40), m.start("id")):
            continue  # the payer's routing number, not the patient's
        out.append((m.start("id"), m.end("id"), "ID", 0.92))
    return out


# Digits in three groups of three: a Canadian health or insurance number ("PHIN 304 118 529").
GROUPS_OF_THREE = re.compile(r"(?<![\d\-.])\d{3}([ \-])\d{3}\1\d{3}(?![\d\-]|\.\d)")
# The last four digits of a social security number, a few words after it is named.
SSN_LAST4 = re.compile(
    r"(?i:\blast[ \t]+(?:4|four)(?:[ \t]+digits)?[ \t]+of[ \t]+(?:(?:his|her|the|my|their)[ \t]+)?"
    r"(?:SSN|SS\#|social(?:[ \t]+security)?))[^\d\n]{0,30}+(?P<id>\d{4})(?![\d\-])"
)


# A long number printed in blank-separated groups, 14 digits or more: a tracking, card or form number ("9407 1118
# 9956 2231 0047 12", "2026 331 7740 0912"); no list of codes or minutes starts with four digits and runs that long.
LONG_GROUPS = re.compile(r"(?<![\d\-.:/,])\d{4}(?:[ ]\d{2,4}){3,6}(?![\d\-:/]|[.,]\d)")


def _codes_or_clocks(groups: list[str]) -> bool:
    """A billing code among the groups, or only clock times ("1030 1045 1100 1115")."""
    clock = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
    return any(_CODE_LIKE.fullmatch(g) for g in groups) or all(clock.fullmatch(g) for g in groups)


def find_ids(text: str) -> list[Span]:
    out = _labelled_ids(text)
    out += [(m.start(), m.end(), "ID", 0.6) for m in GROUPS_OF_THREE.finditer(text)]
    out += [
        (m.start(), m.end(), "ID", 0.6)
        for m in LONG_GROUPS.finditer(text)
        if sum(c.isdigit() for c in m.group()) >= 14 and not _codes_or_clocks(m.group().split())
    ]
    out += [(m.start("id"), m.end("id"), "SSN", 0.95) for m in SSN_LAST4.finditer(text)]
    for m in _TOKEN.finditer(text):
        token = m.group()
        digits = sum(c.isdigit() for c in token)
        letters = sum(c.isalpha() for c in token)
        if _CODE_LIKE.fullmatch(token) or p.PROTECTED_RE.fullmatch(token):
            continue
        if any(len(part) >= 4 and part.isalpha() for part in token.split("-")):
            continue  # a vanity number ("1-800-MEDICARE") or a word with a code, not an identifier
        if any(c.islower() for c in token) and any(len(x) >= 3 and x.isalpha() for x in token.split("-")):
            continue  # a lower-case slug ("cpt-2024-cts", a knowledge-base source id)
        if re.fullmatch(r"\d{1,3}-\d{1,3}", token):
            continue  # a range or a dose ratio ("25-100"), not an identifier
        if (digits >= 5 and not (digits == 5 and letters == 0 and len(token) == 5)) or (
            digits >= 3 and letters >= 1 and len(token) >= 6
        ):
            out.append((m.start(), m.end(), "ID", 0.6))
    return out


def find_dates_ages(text: str) -> list[Span]:
    out = [(m.start(), m.end(), "DATE", 0.85) for regex in DATES for m in regex.finditer(text)]
    return out + [(m.start("id"), m.end("id"), "AGE", 0.9) for m in AGES.finditer(text)]


def find_places(text: str) -> list[Span]:
    out = [(m.start(), m.end(), "ADDRESS", 0.85) for regex in PLACES for m in regex.finditer(text)]
    for m in FACILITY.finditer(text):
        words = re.findall(r"[\w'’]+", m.group("name"))
        if re.search(r"[A-Z]\.[A-Z]", m.group("name")):
            continue  # a degree before a label: "M.Ed.   School OT:"
        start = m.start()
        for stop in _SENTENCE_END.finditer(m.group("name")):  # "stage 2 PI. Home: 2F": a sentence ends first
            start = m.start() + stop.end()
            words = re.findall(r"[\w'’]+", text[start : m.end("name")])
        if words and any(w.lower() not in _GENERIC and w.lower() not in p.NOT_NAMES for w in words):
            out.append((start, m.end(), "ADDRESS", 0.8))
    out += _caps_facilities(text)
    from assistant.phi.vocab import practices

    out += [(start, end, "ADDRESS", 0.8) for start, end in practices(text)]
    return out + _lower_facilities(text)


def _caps_facilities(text: str) -> list[Span]:
    """From the first word of the name that is no generic or function word, when one is rare in English."""
    from assistant.phi.lexicon import get_lexicon

    lex = get_lexicon()
    out: list[Span] = []
    for m in CAPS_FACILITY.finditer(text):
        words = list(re.finditer(r"[A-Z][A-Z'’\-]+", m.group("name")))
        named = [w for w in words if w.group().lower() not in _GENERIC and w.group().lower() not in p.NOT_NAMES]
        if named and any(lex.zipf(w.group()) < 4.0 for w in named):
            out.append((m.start("name") + named[0].start(), m.end(), "ADDRESS", 0.8))
    return out


def _lower_facilities(text: str) -> list[Span]:
    """A facility in lower case: every word before its kind a word English seldom uses ("sunnyside")."""
    from assistant.phi.lexicon import get_lexicon

    lex = get_lexicon()
    out: list[Span] = []
    for m in LOWER_FACILITY.finditer(text):
        words = m.group("name").split()
        if all(w not in _GENERIC and w not in p.NOT_NAMES and lex.zipf(w) < 4.0 for w in words):
            out.append((m.start("name"), m.end(), "ADDRESS", 0.8))
    out += [
        (m.start("name"), m.end(), "ADDRESS", 0.8)
        for m in LOWER_RESIDENCE_ROOM.finditer(text)
        if not set(m.group("name").split()) & (_GENERIC | p.NOT_NAMES)
    ]
    return out


def find_x12(text: str) -> list[Span]:
    """Elements of X12 segments that hold names, addresses, dates and identifiers."""
    out: list[Span] = []
    for m in X12.finditer(text):
        tag, body, base = m.group(1), m.group(2), m.start(2)
        elements, pos = [], base
        for element in body.split("*"):
            elements.append((pos, element))
            pos += len(element) + 1
        if tag == "NM1" and len(elements) > 1 and elements[1][1] == "2":
            # an organisation: its id only, and not its NPI nor a payer's id (neither identifies a person)
            qualifier = elements[7][1] if len(elements) > 8 else ""
            public = qualifier == "XX" or (elements[0][1] == "PR" and qualifier in ("PI", "XV"))
            wanted: tuple[int, ...] = () if public else (9,)
            if elements[0][1] == "77":  # the service facility: where the patient was served, a place
                wanted = (3, *wanted)
        else:
            wanted = _X12_FIELDS[tag]
        for index in wanted:
            if index - 1 < len(elements) and elements[index - 1][1].strip():
                start, value = elements[index - 1]
                if p.POSTAL_INSTRUCTION_RE.fullmatch(value.strip()):
                    continue  # "N3*GENERAL DELIVERY~": no street, the town and ZIP place the person
                label = "DATE" if tag in ("DMG", "DTP") else "PERSON" if tag == "NM1" and index < 9 else "ID"
                place = tag in ("N3", "N4") or (tag == "NM1" and index == 3 and elements[1][1] == "2")
                out.append((start, start + len(value), "ADDRESS" if place else label, 0.95))
    return out


def _hl7_parts(field: str, pos: int, parts: tuple[int, ...]) -> list[Span]:
    """The wanted components (1-based) of each repetition of one field; all of it when ``parts`` is empty."""
    if not parts:
        return [(pos, pos + len(field), "ID", 0.95)] if field.strip("^~& ") else []
    out: list[Span] = []
    for repetition in field.split("~"):
        for number, component in enumerate(repetition.split("^"), start=1):
            if number in parts and component.strip("& "):
                out.append((pos, pos + len(component), "ID", 0.95))
            pos += len(component) + 1
    return out


# A clinician in a field the table does not list (senders number fields differently): "^VO^TUAN^^^^CCC-SLP",
# "20518^DUBOIS^CÉLINE"; never a coded element ("I63.9^Cerebral infarction, unspecified^I10").
_NAME_PART = r"(?:[^\W\d_a-z]+(?:['’\- ][^\W\d_a-z]+)*|[^\W\d_a-z][^\W\d_A-Z]+)"
XCN_SHAPE = re.compile(rf"[\w\-]*\^{_NAME_PART}\^{_NAME_PART}(?:\^.*)?")


# Coded HL7 fields that never identify anyone: sending/receiving applications and facilities (MSH-3..6), the
# message type, the message's own control id, processing id and version (MSH-9..12: "MSG00044817" numbers the
# message, not the patient), the patient class and a location without a number (PV1-2/3), an observation's code
# (OBX-3). MSH-1 is the separator itself, so an MSH field's number here is one less than its MSH number.
# The universal service id of an order (OBR-4) and a charge's transaction and procedure codes (FT1-7, FT1-25) are
# codes too.
_HL7_CODED = {"MSH": (2, 3, 4, 5, 8, 9, 10, 11), "PV1": (2, 3), "OBX": (2, 3), "OBR": (4,), "FT1": (7, 25)}
HL7_CODED = re.compile(r"(?<![A-Za-z0-9|])(MSH|PV1|OBX|OBR|FT1)\|([^\r\n\"]*)")
# A coded element in any field: code^text^coding system (HL7 table 0396: CPT4, C4, HCPCS, I10, LN, SCT, a local
# "L" or "99..." system): "97550^CAREGIVER TRNG 1ST 30^CPT4", "I69.398^Other sequelae of cerebral infarction^I10".
HL7_CODED_ELEMENT = re.compile(
    r"(?<=[|~])[A-Z0-9][A-Z0-9.\-]{1,19}\^[^|^~\r\n]{1,80}\^"
    r"(?:CPT4?|C4|C5|HCPCS|HCPT|HPC|I9C?|I10(?:C|P)?|ICD10(?:CM|PCS)?|LN|SCT|SNM3?|SNOMED|NDC|99[A-Z0-9]{1,4}|L)"
    r"(?=[|~^\r\n]|$)"
)

# A value of an HL7 table or an ISO language (NK1-3 relationship, NK1-7 contact role, PID-15 language): the code may
# be one letter ("C^Emergency Contact^HL70131", "SON^Son^HL70063", "KOR^Korean^ISO639").
HL7_TABLE_ELEMENT = re.compile(
    r"(?<=[|~])[A-Z0-9][A-Z0-9.\-]{0,19}\^[^|^~\r\n]{1,80}\^(?:HL7\d{4}|ISO0?639(?:-[123])?)(?=[|~^\r\n]|$)"
)

# An organisation's NPI in X12: "NM1*85*2*HARBORVIEW REHAB LLC*****XX*1255031844~", "N1*PE*NAME*XX*1346221870~".
X12_ORG_NPI = re.compile(
    r"(?<![A-Za-z0-9*])(?:NM1\*[0-9A-Z]{2}\*2\*[^*~\n\"]*+\*{5}|N1\*[0-9A-Z]{2}\*[^*~\n\"]*+\*)XX\*(?P<npi>\d{10})(?![\w])"
)
# A payer in X12 (NM1*PR, entity type 2): its name and its payer id (PI) or CMS plan id (XV) name the plan, not a
# person: "NM1*PR*2*PALMETTO GBA JJ*****PI*10212~".
X12_PAYER = re.compile(
    r"(?<![A-Za-z0-9*])NM1\*PR\*2\*(?P<name>[^*~\n\"]{1,80}+)\*{5}(?:PI|XV)\*(?P<id>[A-Z0-9]{1,20}+)(?![\w])"
)


def x12_org_npis(text: str) -> list[tuple[int, int]]:
    """Spans of organisations' NPIs and payers' names and ids in X12 segments: allow-listed."""
    out = [(m.start("npi"), m.end("npi")) for m in X12_ORG_NPI.finditer(text)]
    for m in X12_PAYER.finditer(text):
        out += [(m.start("name"), m.end("name")), (m.start("id"), m.end("id"))]
    return out


def hl7_protected(text: str) -> list[tuple[int, int]]:
    """Spans of coded HL7 fields (see ``_HL7_CODED``): allow-listed like a billing code."""
    out: list[tuple[int, int]] = []
    for m in HL7_CODED.finditer(text):
        pos = m.start(2)
        for number, field in enumerate(m.group(2).split("|"), start=1):
            if number in _HL7_CODED[m.group(1)] and field and not (m.group(1) == "PV1" and re.search(r"\d", field)):
                # a location's description (PL.9, "NORTHFORK PT KANEOHE") may name the town: not a code
                coded = field if m.group(1) != "PV1" else "^".join(field.split("^")[:8])
                out.append((pos, pos + len(coded)))
            pos += len(field) + 1
    return out + [m.span() for regex in (HL7_CODED_ELEMENT, HL7_TABLE_ELEMENT) for m in regex.finditer(text)]


def find_hl7(text: str) -> list[Span]:
    """Fields of HL7 v2 segments that identify a person (PID-5 name, PID-7 birth date, NK1-2 ...)."""
    out: list[Span] = []
    for m in HL7.finditer(text):
        wanted, pos = _HL7_FIELDS[m.group(1)], m.start(2)
        for number, field in enumerate(m.group(2).split("|"), start=1):
            if number in wanted and not HL7_TABLE_ELEMENT.fullmatch("|" + field, 1):
                # a table value in a field that may hold a person ("C^Emergency Contact^HL70131" in NK1-7) is a code
                out += _hl7_parts(field, pos, wanted[number])
            elif XCN_SHAPE.fullmatch(field):
                out += _hl7_parts(field, pos, _XCN)
            pos += len(field) + 1
    return out


def find_shapes(text: str) -> list[Span]:
    phones = [(m.start(), m.end(), "PHONE", 0.75) for m in PHONES.finditer(text)]
    from assistant.phi.hl7_places import find_hl7_places

    out = find_ids(text) + find_dates_ages(text) + find_places(text) + find_x12(text) + find_hl7(text) + phones
    return out + find_hl7_places(text)
