"""Places the street and city patterns miss: rural routes, unit numbers, military mail, GPS, schools.

* "4418 State Route 28, Lot 19", "1200 County Rd 5": a numbered route as the street;
* a grid address: "3340 S 2700 W";
* a unit on its own: "(Apt 2L)", "Room 214B", "bed 12-B", "Box 418, 62 Centre St", "RM 221-B"; a letter alone or
  "app."/"apto" as a whole part of an address: ", Unit C,", ", apto 72,";
* military mail: the ZIP of "APO AE 09213", "FPO AP 96601"; an Australian postcode and its town, an Irish Eircode;
* a rural address part on its own: "RR 1", "FM 1017", "Hwy 51", "Site 212", "C.P. 57";
* coordinates: "21.3891,-157.9442" (four or more decimals on both halves);
* a town written before a UK postcode: "Flat 5, Leeds LS7 3QW"; a Polish postcode and its town: "31-146 Kraków";
* hospitals known by a church name, a town's name before it or not: "ORIF at Good Samaritan", "admitted to Sacred
  Heart", "home from Valley Baptist", "hospitalized at Bozeman Deaconess".
"""

from __future__ import annotations

import itertools
import re

from assistant.phi import patterns as p
from assistant.phi import vocab
from assistant.phi.ages import UNITS

Span = tuple[int, int, str, float]

_UNIT = r"(?:,?[ \t]*(?:Lot|Space|Spc|Trlr|Apt|Unit|Ste|Suite)\.?[ \t]*#?[ \t]*[A-Z0-9\-]{1,6}\b)?"
ROUTE = re.compile(
    r"\b\d{1,6}[ \t]+(?:(?:State|County|US|U\.S\.|Farm[ \t]+to[ \t]+Market|FM|SR|CR|Old)[ \t]+)?"
    rf"(?:Route|Rte|Road|Rd|Highway|Hwy)\.?[ \t]+\d{{1,4}}[A-Z]?\b{_UNIT}"
)
UNIT_ALONE = re.compile(
    r"\b(?:Apt|Apartment|Suite|Ste|Flat|Lot|Space|Room|Rm|Bed|Unit|APT|APARTMENT|SUITE|STE|FLAT|ROOM|RM)\.?"
    r"[ \t]*#?[ \t]*"
    r"(?=[A-Z0-9\-]*\d)[A-Z0-9][A-Z0-9\-]{0,5}+(?![\w\-])"
    # in lower case only a number with a letter: "bed 12-B", "room 4a"; never "unit 1" or "bed 2"
    r"|\b(?:apt|bed|room|rm|lot|space)\.?[ \t]*#?[ \t]*\d{1,4}-?[A-Za-z](?![\w\-])"
    # an apartment is always someone's: "ring bell, apt 12", "we live at ... apartment c"
    r"|\b(?:apt|apartment)\.?[ \t]*#?[ \t]*(?:\d{1,5}[A-Za-z]?|[a-z])(?![\w\-])"
)
# A unit that is a whole part of an address, between commas or line breaks: a letter alone ("7 Bramble Way, Unit C,
# Sandpoint"), and the French and Portuguese words for a flat ("app. 1207, Montréal", "apto 72, Perdizes").
UNIT_PART = re.compile(
    r"(?:(?<=,)|^)[ \t]*+(?P<unit>(?:Apt|APT|Unit|UNIT|Suite|SUITE|Ste|Flat|[Aa]pp\.|[Aa]pto\.?)[ \t]*#?[ \t]*"
    r"(?:[A-Z]|\d{1,5}[A-Za-z]?))(?=[ \t]*(?:,|$))",
    re.MULTILINE,
)
# A rural address part on its own, between commas or after "on"/"off": "Rancho X, FM 1017, Box 8", "RR 1, Tweed ON",
# "Site 212, Palms Resort", "C.P. 57, Lac-X QC", "the old place on Hwy 51"; a respiratory rate ("RR 18,") has two
# digits, a rural route one.
RURAL_PART = re.compile(
    r"(?:(?<=,[ ])|(?<=,)|(?<=\n)|(?<=:[ ])|^|(?<=\b[Oo]n[ ])|(?<=\b[Oo]ff[ ]))"
    r"(?:(?:RR|R\.R\.)[ \t]*#?[1-9]"
    r"|(?:FM|RM|CR|HC|HCR|Hwy|HWY|Highway|County[ \t]+Road|Farm[ \t]+Road)[ \t]+\d{1,4}"
    r"|(?:Site|Lot|C\.[ ]?P\.|Case[ \t]+Postale)[ \t]+\d{2,5})"
    r"(?![\w.\-])(?=[ \t]*(?:,|\n|$)|[ \t]+(?:is|was|and)\b)",
    re.MULTILINE,
)
# A grid address of the Mountain West: "3340 S 2700 W", "450 North 1300 East".
_POINT = r"(?:[NSEW]|North|South|East|West)"
GRID = re.compile(rf"\b\d{{1,5}}[ \t]+{_POINT}\.?[ \t]+\d{{2,5}}[ \t]+{_POINT}\b\.?")
BOX = re.compile(r"(?<![\w.])Box[ \t]+\d{1,6}[A-Z]?\b(?=[ \t]*(?:,|\r?\n|$))", re.MULTILINE)
MILITARY = re.compile(r"\b(?:APO|FPO|DPO)[ \t]+(?:AE|AP|AA)[ \t]+(?P<zip>\d{5}(?:-\d{4})?)(?![\d\-])")
# (a full stop after it ends the sentence: "Location 41.3712, -75.6331." was sent whole)
GPS = re.compile(r"(?<![\d.])-?\d{1,3}\.\d{4,8}+[ \t]*,[ \t]*-?\d{1,3}\.\d{4,8}+(?!\d|\.\d)")
UK_TOWN = re.compile(
    r"(?<![\w'’.\-])(?P<city>[A-Z][a-z]++(?:[ \t\-][A-Z][a-z]++)?),?(?:[ \t]+|[ \t]*\n[ \t]*)"
    r"(?=[A-Z]{1,2}\d[A-Z\d]?[ \t]\d[A-Z]{2}\b)"
)
# Postcodes of other countries: an Australian state and its four digits after the town ("Mount Barker SA 5251"),
# and an Irish Eircode as a whole part of an address (", Co. Galway, H65 XK73"; a letter among its last four).
AU_POSTCODE = re.compile(
    r"(?<![\w'’])(?P<city>[A-Z][a-z]++(?:[ \t][A-Z][a-z]++)?),?[ \t]+(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT)\.?[ \t]+"
    r"(?P<zip>\d{4})(?![\d\-/]|[.:]\d)"
)
# A Polish postal code before its town: "ul. Długa 41/7, 31-146 Kraków", "02-999 Warszawa" (a range of doses or reps,
# "25-100 MG", has no town-cased word after it).
_PL_UPPER, _PL_LOWER = "A-ZĄĆĘŁŃÓŚŹŻ", "a-ząćęłńóśźż"
PL_POSTCODE = re.compile(
    rf"(?<![\w\-/.,])(?<!\d,)(?P<zip>\d{{2}}-\d{{3}})[ \t]+(?P<city>[{_PL_UPPER}][{_PL_LOWER}]++"
    rf"(?:[ \t\-][{_PL_UPPER}][{_PL_LOWER}]++)?)(?![\w\-])"
)
_EIR = "[0-9AC-FHKNPRTV-Y]"
EIRCODE = re.compile(
    rf"(?:(?<=,)|^)[ \t]*+(?P<zip>(?:[AC-FHKNPRTV-Y]\d{{2}}|D6W)[ \t](?={_EIR}{{0,3}}[A-Z]){_EIR}{{4}})"
    r"(?=[ \t]*(?:,|$))",
    re.MULTILINE,
)
# an Eircode its label names, wherever it stands: "Co. Cork, Eircode D04 X2Y8 and joined by video"
EIRCODE_LABELLED = re.compile(
    rf"(?i:\beircode)[ \t]*:?[ \t]*(?P<zip>(?:[AC-FHKNPRTV-Y]\d{{2}}|D6W)[ \t]?{_EIR}{{4}})\b"
)
# an Eircode right after its county, on one line: "Tralee, Co. Kerry V92 HX31, Ireland"
EIRCODE_AFTER_COUNTY = re.compile(
    rf"(?:\bCo\.?|\bCounty)[ \t]+[A-Z][a-z]++[ \t]+(?P<zip>(?:[AC-FHKNPRTV-Y]\d{{2}}|D6W)[ \t]?"
    rf"(?={_EIR}{{0,3}}[A-Z]){_EIR}{{4}})(?![\w\-])"
)
# a county or parish, in capitals too (a court's caption): "LARIMER COUNTY", "COUNTY OF HENNEPIN", "Allegan County"
COUNTY = re.compile(
    r"(?<![\w'’\-])(?!(?:The|THE|This|THIS|Each|EACH|Any|ANY|Your|YOUR)\b)(?:[A-Z][a-z]++|[A-Z]{3,}+)"
    r"(?:[ \t](?:[A-Z][a-z]++|[A-Z]{3,}+))?[ \t]+(?:County|COUNTY|Parish|PARISH)\b"
    r"(?![ \t]+(?i:rd|road|hwy|highway|route|line)\b)"
    r"|\b(?:County|COUNTY)[ \t]+(?:of|OF)[ \t]+(?:[A-Z][a-z]++|[A-Z]{3,}+)"
)
# a town someone lives in or calls from: "Son Raghu (lives in Chicago)", "joins by phone from Toronto"
LIVES_IN = re.compile(
    r"\b(?:lives|living|lived|staying|moved|relocated|visiting|phone[ \t]+from|calls[ \t]+from|flew[ \t]+in)[ \t]+"
    r"(?:(?:in|to|from)[ \t]+)?(?P<city>[A-Z][a-z]{2,}+(?:[ \t][A-Z][a-z]{2,}+)?)\b"
)
_NOT_TOWN = frozenset(
    """
assisted senior memory skilled independent nursing group the a an her his their our my this that home apartment
medicare medicaid alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii
idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi
missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington
wisconsin wyoming ontario quebec alberta manitoba saskatchewan
""".split()  # noqa: SIM905 (a word block reads better than a list)
)
HOSPITAL = re.compile(
    r"(?i:\b(?:at|from|to|in)[ \t]+)(?P<name>(?:[A-Z][a-z]++[ \t]+)?(?:Good[ \t]+Samaritan|Sacred[ \t]+Heart|Holy[ \t]+"
    r"(?:Cross|Family|Name|Spirit|Redeemer)|Mercy|Providence|Presbyterian|Methodist|Lutheran|Adventist|Baptist"
    r"|Deaconess)\b(?:[ \t]+[A-Z][\w'’]*+){0,3}+)"
)


def find_whereabouts(text: str) -> list[Span]:
    out = [
        (m.start(), m.end(), "ADDRESS", 0.85)
        for regex in (ROUTE, RURAL_PART, UNIT_ALONE, BOX, GRID)
        for m in regex.finditer(text)
    ]
    out += [(m.start(), m.end(), "ADDRESS", 0.9) for m in GPS.finditer(text)]
    out += [(m.start("unit"), m.end("unit"), "ADDRESS", 0.85) for m in UNIT_PART.finditer(text)]
    postal = (MILITARY, AU_POSTCODE, EIRCODE, EIRCODE_LABELLED, EIRCODE_AFTER_COUNTY)
    out += [(m.start("zip"), m.end("zip"), "ZIP", 0.95) for regex in postal for m in regex.finditer(text)]
    out += [(m.start("name"), m.end("name"), "ADDRESS", 0.8) for m in HOSPITAL.finditer(text)]
    out += [(m.start(), m.end(), "ADDRESS", 0.85) for m in COUNTY.finditer(text)]
    for m in LIVES_IN.finditer(text):
        words = m.group("city").lower().split()
        if not set(words) & (_NOT_TOWN | p.NOT_NAMES) and words[0] not in vocab.COUNTRIES:
            out.append((m.start("city"), m.end("city"), "ADDRESS", 0.8))
    for m in PL_POSTCODE.finditer(text):
        if not {w.lower() for w in re.split(r"[ \t\-]", m.group("city"))} & (p.NOT_NAMES | UNITS):
            out += [(m.start("zip"), m.end("zip"), "ZIP", 0.9), (m.start("city"), m.end("city"), "ADDRESS", 0.85)]
    for m in itertools.chain(UK_TOWN.finditer(text), AU_POSTCODE.finditer(text)):
        if m.group("city").lower() not in p.NOT_NAMES:
            out.append((m.start("city"), m.end("city"), "ADDRESS", 0.85))
    return out
