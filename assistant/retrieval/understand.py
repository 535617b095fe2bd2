"""Query understanding: what a billing question names and what kind of answer it wants (pure).

    intent = understand("how much does medicare pay for 97551 in 2026?")
    intent.kind == "fee"; intent.procedure_codes == ("97551",); intent.period == (2026-01-01, 2026-12-31)

Recognised: CPT/HCPCS codes, ICD-10-CM codes, CARC/RARC codes with or without a group code
(CO-50, PR-119, N115, MA130), modifiers (GP, KX, CQ, XE, 59 ...), dates (2024-03-15, 3/15/2024,
March 15, 2024), months (March 2024), years, payer types, dollar amounts and minutes. The kind
routes the question: code validity by date, fee by year, KX threshold, telehealth, denial, appeal
process, units, modifier, or a general rule/FAQ question.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from assistant.retrieval.clock_minutes import Clocked, clocked
from assistant.retrieval.clock_minutes import said as clock_said
from assistant.retrieval.corrected import after_correction, without_retracted
from assistant.retrieval.relative_dates import BOUNDED_YEAR, bounded_years, relative_phrase, resolve
from assistant.retrieval.wording import normalise

Period = tuple[date, date]

PROCEDURE = re.compile(r"(?<![\w.$-])(9\d{4}|[GK]0\d{3})(?![\w]|\.\d)", re.I)
DIAGNOSIS = re.compile(r"(?<![\w.])([A-TV-Z]\d{2}(?:\.[0-9A-Z]{1,4})?)(?![\w]|\.[0-9A-Z])", re.I)
REASON = re.compile(
    r"(?<![\w.])(?:(CO|PR|OA|PI|CR)[\s-]?([A-Z]?\d{1,3})|(MA\d{2,3}|N\d{2,4}|M\d{2,3}|B\d{1,2}))(?![\w]|\.\d)", re.I
)
# "group PR, CARC 119", "reason code 96", "adj reason B15": a reason code named by its kind, its group told apart
CARC_NAMED = re.compile(r"\b(?:CARC|RARC|(?:adj(?:ustment)?\s+)?reason\s+code|adj(?:ustment)?\s+reason)\s*(?:#|:)?\s*"
                        r"([A-Z]{0,2}\d{1,4})(?![\w]|\.\d)", re.I)
MODIFIER = re.compile(r"(?<![\w.-])(GO|CO|GA|GY|GZ|GT|FQ|FR|(?i:gp|gn|cq|kx|xe|xp|xs|xu))(?![\w-])")
MODIFIER_NUMBER = re.compile(r"\b(?:modifier|mod)s?\s*(59|95|93|52)\b|\b(59|95|93|52)\s+modifier", re.I)
# "97550-59-XE", "97550-GP-CQ": modifiers written onto the code as a claim line shows them
CODE_CHAIN = re.compile(r"(?<![\w.-])(?:9\d{4}|[GK]0\d{3})((?:-(?:[A-Z]{2}|\d{2}))+)(?![\w-])", re.I)
_CHAINED = frozenset({"GP", "GO", "GN", "CQ", "CO", "KX", "GA", "GY", "GZ", "GT", "FQ", "FR", "XE", "XP", "XS", "XU",
                      "59", "95", "93", "52"})
# "52 minutes", "16 min"; not "the 8-minute rule" or "a 30-minute code", which name a rule or a code's unit, nor
# "billed per 15 minutes", "each 15 min", which name a unit's size
MINUTES = re.compile(
    r"(?<!\bper )(?<!\beach )(?<!\bevery )"
    r"\b(\d{1,3})\s*(?:-\s*)?(?:min(?:ute)?s?\b|mins?\b|m\b)(?!\s*(?:rule|code|unit|increment|block))", re.I)
DOLLARS = re.compile(r"\$\s?(\d[\d,]*(?:\.\d{1,2})?)")
# ("2025->2026": an arrow ends a year; "CY2026": a calendar year written onto its year)
YEAR = re.compile(r"(?:(?<![\w./-])|(?<=\bCY))(20[2-3]\d)(?![\w/]|-(?!>)|\.\d)")
ISO = re.compile(r"\b(20\d{2})-(\d{1,2})-(\d{1,2})\b")
US = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b")
US_MONTH = re.compile(r"(?<![\d/])(\d{1,2})/(20\d{2})\b")
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
_MONTH = (r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
MONTH_DAY_YEAR = re.compile(_MONTH + r"\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(20\d{2})\b", re.I)
DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})\s+" + _MONTH + r"\.?,?\s+(20\d{2})\b", re.I)
MONTH_DAY = re.compile(r"(before|after|from|since|on|through|until)?\s*\b" + _MONTH
                       + r"\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*20\d{2})", re.I)
MONTH_YEAR = re.compile(r"\b" + _MONTH + r"\.?,?\s+(?:of\s+)?(20\d{2})\b", re.I)
YEAR_MONTH = re.compile(r"\b(20\d{2}),?\s+" + _MONTH + r"\b(?!\.?\s+\d)", re.I)

_BRANDS = (r"\bbcbs\b|blue cross|blue shield|aetna|cigna|united ?health(?:care)?|\buhc\b|tricare|workers'? comp"
           r"|\bhumana\b|\bkaiser\b|\banthem\b|\bmolina\b|\bcentene\b|\bwellcare\b|\bambetter\b|\boptum\b"
           r"|(?-i:\bVA\b)|veterans affairs|community care network|\bchampva\b")
NAMED_PAYER = re.compile(_BRANDS, re.I)
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
UNIT_COUNT = re.compile(r"\b(\d{1,2}|one|two|three|four|five|six)\s+(?:units?\b|(?=(?:9\d{4}|G0\d{3})\b))", re.I)
FAMILY = re.compile(r"(?:caregiver training|\bcts\b) (?:(?:cpt|hcpcs) )?(?:codes?|cpts?)\b", re.I)
PAYERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("medicare_advantage", re.compile(
        # ("regular medicare, not an advantage plan": the plan ruled out)
        r"(?<!\bnot )(?<!\bnot an )(?<!\bnot a )(?:medicare advantage|\bMA (?:plan|payer|denial)|advantage plan)"
        r"|\bhumana\b"
        # the MA ladder named by its own words: "the plan reconsideration", "our plan upholds its denial at
        # reconsideration", "the IRE" (Original Medicare's second level is the QIC's reconsideration, not a plan's)
        r"|\bplan'?s? reconsideration\b"
        r"|\b(?:our|the|their|his|her|my|its|your|member'?s) plan\b(?! of care)[^.?!]{0,60}\breconsideration\b"
        r"|\bIRE\b|independent review entity", re.I)),
    ("medicaid", re.compile(r"medicaid|medi-cal|\bchip\b", re.I)),
    ("self_pay", re.compile(r"\bself[- ]?pay|\bcash (?:price|rate|pay)|\bprivate[- ]pay|\buninsured\b", re.I)),
    ("commercial", re.compile(r"commercial|private (?:insurance|payer|plan)|" + _BRANDS, re.I)),
    ("medicare", re.compile(r"medicare|\bcms\b|\bmac\b", re.I)),
)
STATES = re.compile(
    r"\b(alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|hawaii|idaho|"
    r"illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|"
    r"missouri|montana|nebraska|nevada|new hampshire|new jersey|new mexico|new york|north carolina|north dakota|"
    r"ohio|oklahoma|oregon|pennsylvania|rhode island|south carolina|south dakota|tennessee|texas|utah|vermont|"
    r"virginia|washington|west virginia|wisconsin|wyoming|localit(?:y|ies)|gpcis?|county|counties|parish)\b", re.I)

# "before the locality adjustment", "without GPCI", "not adjusted for locality", "no GPCI adjustment", "GPCI 1.0": the
# locality named as what the amount is taken before or without, so the question asks for the national amount
LOCALITY_SET_ASIDE = re.compile(
    r"\b(?:before|without|excluding|excl\.?|ignor(?:e|ing)|not counting|leaving out|unadjusted for|not adjusted for"
    r"|prior to|minus|aside from|apart from|pre|no)[\s-]+(?:any |the |a |geographic |geographical )*"
    r"(?:localit(?:y|ies)|gpcis?)\b"
    r"|\bgpcis?\s*(?:of|=|at|set to)?\s*1(?:\.0+)?(?![\d.])",  # ("locality 1" is a locality's number)
    re.I)


def _names_locality(text: str) -> bool:
    """A state or locality whose rate is asked for; not one set aside ("before the locality adjustment")."""
    # ("only clinic in the county ... whats the national Medicare amount": the national amount asked, a place told)
    # ("national only for this pass, ignore GPCI": the local adjustment set aside is no local rate asked too)
    kept = LOCALITY_SET_ASIDE.sub(" ", text)
    if NATIONAL_ASKED.search(text) and not _LOCAL_TOO.search(kept):
        return False
    return bool(STATES.search(kept))


# (not "not the national number", "rather than national": the national amount set aside)
NATIONAL_ASKED = re.compile(r"(?<!\bnot )(?<!\bnot the )(?<!\bthan )(?<!\bthan the )(?<!\bof )(?<!\bof the )"
                            r"\bnational(?:ly)?\b", re.I)
# "national vs Ohio", "and our locality's": a local rate asked beside the national one
_LOCAL_TOO = re.compile(r"\b(?:vs\.?|versus|compared?|and (?:the |our |my )?(?:local|state|locality))\b"
                        r"|\blocalit(?:y|ies)\b|\bgpcis?\b", re.I)


# "an ALJ hearing", "request a hearing": the appeal level; not "I keep hearing that ...", "been hearing about it"
HEARING = (r"(?<!keep )(?<!kept )(?<!been )(?<!i'm )(?<!\bim )(?<!\bam )(?<!are )(?<!we're )\bhearing\b"
           r"(?!\s+(?:that|from|about|people|it\b|this|a lot|different|conflicting|mixed|things|rumou?rs?|back))")
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("appeal", re.compile(
        r"\bappeal|redetermination|reconsideration|\balj\b|" + HEARING
        + r"|amount in controversy|\breopen|\bqic\b|\bire\b"
        r"|appeals council|federal (?:district )?court|timely filing|filing limit|deadline|how long do (?:i|we) have"
        r"|how many days|late entr|addend|change the note|amend|go back and"
        r"|\bthe \d{2,3}[- ]days?\b", re.I)),  # "when does the 120 days start": a filing limit named by its length
    # "pt hit $2330 ... need KX": a dollar figure with KX is the threshold, not a fee
    ("threshold", re.compile(r"\bkx\b.*\b(threshold|limit|cap|amount|dollar|trigger)|\b(threshold|therapy cap)\b"
                             r"|\$\s?\d[\d,]*\b.*\bkx\b|\bkx\b.*\$\s?\d"
                             r"|what(?:'?s| is| was) the kx\b", re.I)),
    ("fee", re.compile(
        r"how much|\bwhat(?:'?s| does| did| will| would| do| is)? .{0,40}\bpays?\b"
        # (not "post-payment review", "prepayment review": a kind of review, not an amount)
        # (nor "on top of the HH episode payment": another benefit's bundled payment, not an amount asked)
        r"|\bpay(?:s|ment)? (?:rate|amount)|(?<!post-)(?<!post )(?<!pre-)(?<!pre )(?<!episode )(?<!bundled )"
        r"\bpayments?\b(?! reviews?\b)"
        r"|\brate\b|reimburs|\bfees?\b|allowed amount|allowable|\brvus?\b|\$|conversion factor"
        # ("first month of my CF", "CF year", "the CF supervisor": a clinical fellowship, not a conversion factor)
        # (a conversion factor is told by what follows it: "the CF for 2026", "CF x RVU", "what's the 2025 CF?")
        r"|(?<!\bmy )(?<!\bher )(?<!\bhis )(?<!\bour )(?<!\bof )\bcf\b(?=\s*(?:for|in|of|is|was|went|appl|change|cut"
        r"|increase|decrease|drop|x\b|×|\*|=|\$|\d|and\b|vs|per\b|times|multipl|\?|,|\.|$))"
        # ("what is 97550 worth"; not "worth appealing", "worth it", "worth the effort": whether to bother)
        r"|\bworth\b(?!\s+(?:it\b|appealing|fighting|contesting|disputing|pursuing|trying|doing|a (?:try|shot)\b"
        r"|the (?:effort|time|hassle|trouble|fight)\b))"
        # ("me paying for 5 minutes I didn't get": the minutes are asked about, not an amount)
        r"|national amount|\b(?:9\d{4}|g0\d{3})\s+pays\b"
        r"|\bpaying\b(?!\s+for\s+(?:\d{1,3}|the|those|that)\s+(?:\w+\s+)?min)"
        r"|\bpaid (?:in|on|for) \d|allowable"
        r"|non[\s-]?facility|\bfacility (?:rate|amount|number|figure|price|fee)"
        # "the estimator priced 97550 the same for both dates": a price is an amount
        r"|\bpric(?:e|es|ed|ing)\b"
        # "what's the exact 2026 Medicare allowed for 97550", "total national Medicare allowed": the allowed amount
        r"|\b(?:medicare|national|total) allowed\b"
        # "does G0541 pay the same as 97550": amounts compared
        r"|\b(?:pays?|paid)(?: exactly| about| roughly)? (?:the same|more|less|better|higher|lower|differently)\b"
        # "medicare paid slightly different amounts", "different payments for the two dates": amounts compared
        r"|\b(?:pays?|paid)\b.{0,20}\b(?:different|differing) (?:amounts?|rates?)\b"
        r"|\b(?:different|differing|same) (?:amounts?|payments?|allowed|pay|rates?|price)\b"
        # "the locality-adjusted 97550 amount", "amount for G0541": a code's amount
        r"|\b(?:9\d{4}|G0\d{3}) (?:\w+ )?amounts?\b|\bamounts? (?:for|of) (?:9\d{4}|G0\d{3})\b"
        r"|\badjusted (?:amount|rate)"
        # "what's the 2026 total for 97550 x1 + 97551 x2": a sum of amounts (not a total of minutes or units)
        r"|\btotal (?:for|of) (?:9\d{4}|G0\d{3})\b|\b(?:the|a) (?:20\d\d )?total\b(?!\s+(?:time|minutes?|mins?|units?))"
        r"(?=.{0,40}\b(?:9\d{4}|G0\d{3})\b)",
        re.I)),
    ("telehealth", re.compile(
        r"tele(health|medicine)|\bvideo\b|virtual|\bzoom\b|audio|\bphone\b|remote|\bpos (?:02|10)\b"
        # "with modifier 95", "97550-GP-95": the telehealth modifiers
        r"|\b(?:modifier|mod)s?\s*9[35]\b|\b9[35]\s+modifier\b|\b(?:9\d{4}|G0\d{3})(?:-[A-Z]{2})*-9[35]\b", re.I)),
    ("code_validity", re.compile(
        r"\bvalid(?:ity)?\b|billable|payable|\bexist|in effect|effective|retired|deleted|\bactive\b|new code|\baround\b"
        r"|available|\bstart(?:ed)?\b(?!\s*(?:and|/|&|-)\s*(?:stop|end|finish))(?!\s+times?\b)"
        r"|\bbeg[ia]n\b|introduced|c[oa]me out"
        r"|\b(?:go|went|be|been|were|was) live\b", re.I)),
    ("units", re.compile(r"\bunits?\b|how many|\bminutes?\b|\bmins?\b", re.I)),
    ("code_choice", re.compile(
        # ("which group code?", "what G-code": the code asked for, named by its kind)
        r"\b(?:which|what|right|correct) (?:cpt |hcpcs |group |individual |g-?|billing |procedure )?codes?\b"
        r"|how (?:do|should) (?:i|we) code|how to code"
        r"|\bcode (?:it|this|that)\b", re.I)),
    ("modifier", re.compile(r"modifier|\bmod\b", re.I)),
)


_CODE = r"\+?(?:9\d{4}|[GK]0\d{3})\b"
# "is G20 still ok?", "can I still use 97550 in 2024?", "ok to bill G0541 in 2024?": a weak validity word counts only
# when the code is what it is said of; in "verbal consent ok for a 97550 session in 2024?" the consent is.
_CODE_ANY = r"(?:\+?(?:9\d{4}|[GK]0\d{3})|[A-TV-Z]\d{2}(?:\.[0-9A-Z]{1,4})?)"
_FINE = r"(?:ok|okay|acceptable|fine|good)"
WEAK_VALIDITY = re.compile(
    rf"\b{_CODE_ANY}\s+(?:(?:still|code|is|be)\s+)*{_FINE}\b"
    rf"|\b(?:{_FINE}\s+to\s+|still\s+)?(?:use|bill|put|code|report|submit)\s+(?:the\s+|code\s+)*{_CODE_ANY}\b"
    rf"|\b{_CODE_ANY}\s+as\s+(?:the\s+|a\s+)?(?:dx|diagnosis)\b"
    # "is G0541 allowed in january 2025?": allowed then
    rf"|\b{_CODE_ANY}\s+(?:(?:still|even|already)\s+)?(?:allowed|permitted|accepted)\b"
    # "G0541 on jan 1 2025 ok?": the code, its date, then the weak word closing the question
    rf"|\b{_CODE_ANY}\b[^.?!;]{{0,40}}\b(?:still\s+)?{_FINE}\s*\?*\s*$", re.I)
# "was 97552 even a thing in feb 2024?", "was G0541 a real code yet", "97550 on the books in 2023?", "was there a G0541
# back then": whether the code existed, said in other words
EXISTED = re.compile(
    rf"\b{_CODE_ANY}\s+(?:(?:even|still|already|really|actually|yet|officially)\s+)*(?:a\s+(?:real\s+|valid\s+"
    rf"|live\s+|billable\s+|legit\s+)?(?:thing|code)\b(?!\s+(?:for|to)\b)|legit\b|live\b|on the books\b|out\s+yet\b"
    rf"|recogni[sz]ed\b|a code yet\b)"
    rf"|\b(?:was|were|is)\s+there\s+(?:even\s+|already\s+|yet\s+)?(?:an?\s+|any\s+)?(?:such\s+)?"
    rf"(?:code\s+)?{_CODE_ANY}\b(?!\s+(?:fee|rate|payment|edit|mue|limit|cap|modifier))"
    # "any issue with the codes themselves on that date?": the codes' validity on the date
    r"|\b(?:issues?|problems?|anything wrong)\s+with\s+(?:the\s+|these\s+|those\s+)?codes?\s+(?:themselves\s+)?"
    r"(?:on|for|as of)\s+(?:that|this|the)\s+(?:date|dos|day)\b", re.I)
# "what is G0539?", "what does 97552 cover": the code's descriptor is wanted, not only its validity window
_KIND_OF = r"(?:cpt |hcpcs |code )?"
MEANING = re.compile(r"\bwhat(?:'?s| is| are)\s+" + _KIND_OF + _CODE
                     # "what's G0539 for?" (not "what's 97550 for 2026": a fee)
                     + r"(?=\s*(?:$|[?.,;:!]|and\b|exactly\b|(?:used\s+)?for\s*(?:$|[?.,;:!])))|" + _CODE
                     + r"\s+(?:mean|stand for|cover)|\b(?:define|describe|explain)\s+" + _KIND_OF + _CODE
                     + r"|\bwhat (?:does|do) (?:that|this|the|those|these) codes? (?:mean|stand for|cover)\b"
                     + r"|\bdesc(?:riptors?)?\b.{0,20}" + _CODE + "|" + _CODE + r".{0,20}\bdesc(?:riptors?)?\b", re.I)
# "whats the difference vs 97552", "97550 vs 97552", "96202 compared to 97552", "how's it different from 96202": two
# codes set side by side, which their descriptors answer (a fee comparison is a fee question first)
COMPARED = re.compile(r"\bdifference\b.{0,40}?" + _CODE + r"|\bdiffer(?:s|ent)?\s+(?:from|than|to|vs\.?)\s+(?:the\s+)?"
                      + _KIND_OF + _CODE + r"|" + _CODE + r"\s*(?:vs\.?|versus|compared (?:to|with))\s*"
                      + _CODE + r"|\b(?:vs\.?|versus|compared (?:to|with))\s+" + _CODE, re.I)
# "put GO on it like 97550", "same as 97550": a code named as the likeness, not one the question asks about
LIKENED = re.compile(r"\b(?:like|same as|as (?:with|for|on)|similar to|just as)\s+(?:the\s+|with\s+|for\s+|on\s+)?"
                     r"\+?(9\d{4}|[GK]0\d{3})\b(?!\s*(?:or|and|,)\s*\+?(?:9\d{4}|[GK]0\d{3}))", re.I)
# "can I bill G0542 by itself", "97551 w/o 97550": an add-on billed without its primary code
ALONE = re.compile(r"\b(?:by itself|on its own|alone|stand-?alone)\b|\b(?:without|w/o|no)\s+(?:the |its |a )?"
                   r"(?:primary|base code|" + _CODE + r")", re.I)
# "forgot KX, how do I fix it": how to correct a claim, not what the threshold is
FIX = re.compile(r"\bfix\b|\bforg[eo]t\b|\bleft (?:it |\w+ )?off\b|\bmissed\b|\bomitted\b|\bcorrect (?:it|this|the "
                 r"(?:claim|line))\b", re.I)
# "what do I need in the note": the documentation elements, not the units the minutes support
DOCUMENTS = re.compile(r"\bwhat (?:do|does|should|must|else) (?:i|we|medicare|cms|they|you)(?:\s+\w+){0,2}?\s+"
                       r"(?:need|wants?|include|document|put|write)\b(?!\s+(?:to bill|for (?:the )?units))", re.I)
NOTE = re.compile(r"\bnotes?\b|\bdocument", re.I)
# "what now", "how do I fix it", "can we appeal": what to do about a denial, not only what its code means
ACTION = re.compile(r"\bfix\b|\bforg[eo]t\b|now what|what now|what (?:do|should|can|must) (?:i|we) do|next steps?"
                    r"|what'?s next|how (?:do|can|should) (?:i|we) (?:fix|correct|handle|resolve)"
                    r"|how (?:do|can) (?:i|we) get (?:it|this|them) paid"
                    # "how do we fight this", "can we contest it": an appeal asked for in other words
                    r"|\b(?:fight|contest|dispute|overturn|challenge)\s+(?:this|it|that|them|the)\b"
                    r"|\bpush back\b"
                    r"|\b(?:can|should|do) (?:we|i) (?:appeal|resubmit|rebill|send a corrected)|\bappeal it\b"
                    # "Best route?", "best option here": the remedy asked for; "is there still time?" after a denial
                    # letter: whether it can still be appealed
                    r"|\bbest (?:route|option|path|course of action)\b"
                    r"|\b(?:is there|do (?:we|i) (?:still )?have|have (?:we|i) (?:still )?got) (?:still )?"
                    r"(?:enough )?time\b"
                    r"|\bstill (?:enough )?time\b", re.I)
# "forgot the GO", "missing GP", "left off the KX", "wrong units": a clerical slip on a line, which Medicare corrects
# by a reopening rather than an appeal
# ("I never put the 97550 line on the claim": the primary line left off)
_SLIP = (r"(?:forg[eo]t|missing|missed|left off|leave off|omitted|wrong|didn'?t (?:put|add|bill|include)"
         r"|never (?:put|added|billed|included)|without|no)")
_LINE_PART = r"(?:modifiers?|mod|units?|primary(?: (?:code|line))?|G[PON]|KX|CQ|CO|XE|59|(?:97550|G0539|G0541) line)"
CLERICAL = re.compile(rf"\b{_SLIP}\s+(?:the\s+|a\s+|an\s+|its\s+)?{_LINE_PART}\b"
                      # ("the GO got left off the add-on line", "KX was dropped")
                      rf"|\b{_LINE_PART}\s+(?:was\s+|were\s+|got\s+|is\s+|are\s+)?(?:missing|left off|left out"
                      r"|omitted|wrong|dropped)\b"
                      # "I under-billed: they went out as 97550 only": a line's units or codes short of the note
                      r"|\b(?:under|over)[- ]?bill(?:ed|ing)\b", re.I)
# "resubmitted with GO added", "rebilled with the units corrected": the slip, fixed on a new claim
FIXED_ON_NEW_CLAIM = re.compile(
    rf"^(?=.*\b(?:resubmit\w*|rebill\w*|re-?sen[dt]\w*|new claim|sent (?:it |them )?(?:again|back))\b)"
    rf".*(?:\bwith\s+(?:the\s+)?{_LINE_PART}\s+(?:added|fixed|corrected)\b"
    rf"|\b(?:added|fixed|corrected)\s+(?:the\s+)?{_LINE_PART}\b)", re.I)
# "QIC upheld the denial ... how much has to be in dispute": the amount in controversy, not a fee
_AIC_WORDS = r"amount in controversy|\baic\b|minimum amount|dollar (?:amount|threshold)|in dispute|at stake"
_AIC_LEVEL = r"\balj\b|administrative law judge|" + HEARING + r"|federal (?:district )?court|level [35]\b"
_AIC_AMOUNT = r"how much|minimum|threshold|\$|dollars?|amount"
AIC = re.compile(rf"{_AIC_WORDS}|(?:{_AIC_LEVEL}).*(?:{_AIC_AMOUNT})|(?:{_AIC_AMOUNT}).*(?:{_AIC_LEVEL})", re.I)
# "verbal ok over the phone ... do i need a signature": how consent is given and recorded, not a telehealth visit
# ("pt said ok on the phone ... do I need him to sign a form": agreement in other words is consent too)
_AGREED = (r"\b(?:permission|agreed|agrees|agreement|said (?:ok|okay|yes|sure|it'?s (?:ok|okay|fine))"
           r"|gave (?:the |us |me |his |her )?(?:an? )?(?:verbal |oral |written )?(?:ok|okay|go-ahead|permission)"
           r"|(?:verbal|oral|spoken) (?:ok|okay|yes|go-ahead|agreement|approval)|ok'?d it)\b")
CONSENT_FORM = re.compile(r"\bconsent\w*\b.*\b(?:forms?|signatures?|signed|sign|verbal\w*|written|writing|phone"
                          r"|enough)\b|\b(?:verbal\w*|written|signed|signature|phone)\b.*\bconsent\w*"
                          rf"|{_AGREED}.*\b(?:forms?|sign\w*|written|writing|phone|verbal\w*)\b"
                          rf"|\b(?:verbal\w*|phone)\b.*{_AGREED}", re.I)
# "how many caregiver training sessions will medicare pay for", "is there a cap on visits": how often, not how much
# (not "how many times a day", which is one date's sessions)
FREQUENCY = re.compile(
    r"^(?!.*\b(?:per (?:day|date)|a day|same (?:day|date)|one (?:day|date)|daily)\b)"
    r".*(?:\bhow many (?:\w+\s+){0,3}?(?:sessions|visits|times)\b|\bhow often\b"
    # "can we bill 97550 every visit for a month", "every week"
    r"|\bevery (?:visit|session|week|other (?:day|week))\b"
    r"|\b(?:limit|cap|max\w*)\s+(?:on\s+)?(?:the\s+)?(?:number of\s+)?(?:\w+\s+)?(?:sessions|visits)\b"
    r"|\b(?:sessions|visits)\b.{0,40}\b(?:stops? paying|cuts? (?:us|you|me|it) off|limit|max\w*|cap)\b"
    # "every Monday thru Feb ... medicare stops paying after 4": a weekly series and a count it stops at
    r"|\bevery (?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\bstops? paying after (?:\d|one|two|three|four|five|six)"
    # "a limit of one caregiver training per patient per year", "once per beneficiary": a count over a span of time
    r"|\b(?:limit|cap|max\w*)\b.{0,50}\bper (?:patient|beneficiary|bene|pt|year|lifetime)\b"
    r"|\bonce (?:per|a|in a) (?:beneficiary|bene|lifetime|year|episode)\b"
    # "medicare usually only pays for 3 or 4 of these trainings", "does medicare cap the number of trainings"
    r"|\b(?:only|usually|just)\s+(?:pays?|covers?|allows?|approves?)\s+(?:for\s+)?(?:about\s+|up to\s+)?"
    r"(?:\d+|a few|one|two|three|four|five|six)\b(?!\s*(?:%|percent|min|minutes|units?|dollars))"
    r"|\b(?:limit|cap|max\w*)\b.{0,40}\b(?:trainings|training sessions|sessions|visits)\b)", re.I)
_EDIT = re.compile(r"\b(?:ncci|ptp|mue|edits?)\b", re.I)
_AMOUNT = re.compile(r"how much|\$|\brates?\b|\bfees?\b|reimburs|\bpayment (?:amount|rate)", re.I)
_TELEHEALTH_VISIT = re.compile(r"tele(?:health|medicine)|\bvideo\b|virtual|\bzoom\b|audio|\bpos (?:02|10)\b", re.I)
TELEHEALTH_VISIT = _TELEHEALTH_VISIT  # (routing: a denied or appealed visit held by telehealth)
# "one of our payers requires the full time for timed codes": units counted in whole 30/15-minute blocks
# (a payer's rule: "97550 requires a full 30 minutes" alone is the vendor's claim about the code); the product's own
# name for that rule selects it without a payer: "under the strict profile", "strict", "full time required"
FULL_TIME = re.compile(r"\bstrict\b|\bfull[- ]time (?:is |being )?required\b"
                       r"|^(?=.*\b(?:payers?|plans?|insurers?|commercial|polic(?:y|ies))\b)"
                       r".*(?:\bfull (?:stated |listed |code |described )?(?:time|30|thirty|15|fifteen|unit|minutes?)\b"
                       r"|\brequires? (?:the )?full\b"
                       r"|\bstrict\b|\bentire (?:30|unit)\b"
                       # "they don't recognise the midpoint rule"
                       r"|\b(?:don'?t|do not|doesn'?t|does not|won'?t|will not|not) (?:recogni[sz]e|use|accept|follow"
                       r"|apply|allow) (?:the )?mid-?point\b)", re.I)
# "how long does the QIC take to decide?", "how long will the MAC take": a decision time, not a filing limit
DECISION_TIME = re.compile(r"\bhow long (?:does|do|will|would|did|can) (?:it|they|the \w+|an? \w+)(?: \w+)? "
                           r"(?:have|take|need)\b(?!\s+to (?:file|submit|send|appeal|request|ask))", re.I)
# "rejected invalid proc code", "not a valid code for the DOS", "confirm the effective date": a code rejected for its
# date is its validity window asked about (not "invalid modifier", "invalid units": a line's other parts)
INVALID_CODE = re.compile(r"\b(?:invalid|not (?:a )?valid)\s+(?:for (?:the |that |this )?(?:dos|date)|proc\w*|cpt|hcpcs"
                          r"|(?:procedure )?codes?)\b|\beffective date\b|\beff\.? (?:date|1/1|jan)", re.I)
WHY = re.compile(r"^\s*why\b|\bhow come\b", re.I)
DEADLINE = re.compile(r"how long|deadline|\b(?:still|yet) open\b"
                      r"|how many (?:days|months)|time limit|filing limit|within|by when"
                      r"|until (?:when|which (?:time|date|day))|\bdays?\b"
                      r"|\blevel\b|who decides|\bform\b|amount in controversy", re.I)
_DENIAL = re.compile(
    r"\bden(?:ied|ial|y|ies|ying)\b|\beob\b|\bremit|\brejected\b|(?:payer|insurer|plan|medicare) (?:says|said|claims)"
    r"|\b(?:fight|contest|dispute|overturn)\b|push back", re.I)


@dataclass(frozen=True)
class Intent:
    """What a question asks about. `period` is the day, month or year it asks about, if any."""

    query: str
    kind: str
    procedure_codes: tuple[str, ...] = ()
    diagnosis_codes: tuple[str, ...] = ()
    reason_codes: tuple[str, ...] = ()  # normalised: "50", "119", "N115", "MA130"
    modifiers: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    period: Period | None = None
    payer: str | None = None
    amounts: tuple[float, ...] = ()
    minutes: tuple[int, ...] = ()
    facility: bool | None = None  # True facility, False non-facility, None not said
    named_payer: str | None = None  # a payer named by brand ("Aetna"): its own policies are not in the knowledge
    locality: bool = False  # names a state or locality: national amounts do not answer it
    unit_count: int | None = None  # "how many minutes for 2 units of 97551": the units asked about
    asks_meaning: bool = False  # "what is G0539?", "96202 vs 97552": the descriptor is wanted
    likened: tuple[str, ...] = ()  # "put GO on it like 97550": codes named only as the likeness of the one asked
    alone: bool = False  # "can I bill 97551 by itself?": an add-on without its primary code
    asks_why: bool = False  # "why are there two conversion factors?": the explanation, not only the values
    asks_action: bool = False  # "CO-29, can we appeal?", "now what": what to do, not only what a code means
    clerical: bool = False  # "forgot the GO on the line": a slip a reopening corrects
    full_time: bool = False  # "the payer requires the full time": whole 30/15-minute blocks, not the mid-point rule
    periods: tuple[Period, ...] = ()  # every day, month or year named ("dec 31 2024 vs jan 1 2025")
    said: str | None = None  # the period as the question writes it ("on 12/31/23", "before 2025"), for answers to echo
    relative: str | None = None  # a relative date as written ("two years ago"): a code's window is said in its words
    spoken: tuple[tuple[int, str], ...] = ()  # minutes written in words ("an hour"), as written: answers echo them
    clocked: tuple[tuple[int, str], ...] = ()  # minutes given only as clock times, with the working ("1:08 to 2:02 is
    # 54 minutes"): answers show it, so the gate can check the figure
    today: date | None = None  # the caller's clock: the year a sum of today's amounts is worked in
    dos: date | None = None  # the date of service given with the question (kept when `period` compares several)

    @property
    def codes(self) -> tuple[str, ...]:
        """Every code named, as passages are tagged."""
        return (*self.procedure_codes, *self.diagnosis_codes, *self.reason_codes, *self.modifiers)

    @property
    def year(self) -> int | None:
        if self.period and self.period[0].year == self.period[1].year:
            return self.period[0].year
        return self.years[0] if len(self.years) == 1 else None


def asked_periods(intent: Intent) -> list[Period | None]:
    """The periods a dated figure is asked for: those the question names ("January 2024 vs April 2024", "our 2024
    remits", "the thresholds for 2024, 2025 and 2026") when the date of service lies inside them and they are more than
    that one day; else the date of service. 2024 has two conversion factors, and a question naming several years asks
    for each year's figure."""
    named = list(intent.periods)
    day = intent.period
    if day is None or not named or not any(p[0] <= day[0] and day[1] <= p[1] for p in named):
        return [day] if day is not None or not named else named
    return [day] if named == [day] else named


def _asks_meaning(text: str, kind: str | None = None) -> bool:
    """The question wants a code's descriptor: what it is, or how two codes differ (unless it compares their fees or
    other amounts: `kind`, once known, says so)."""
    compared = bool(COMPARED.search(text)) and len(PROCEDURE.findall(text)) > 1
    return bool(MEANING.search(text)) or (compared and kind in (None, "code_validity"))


def _likened(text: str, procedures: tuple[str, ...]) -> tuple[str, ...]:
    """Codes named only as a likeness ("like 97550"), when another code is what the question asks about."""
    likened = _unique([m.group(1).upper() for m in LIKENED.finditer(text)])
    return tuple(c for c in likened if c in procedures) if len(set(procedures) - set(likened)) else ()


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


def _unique(values: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str) -> tuple[list[date], list[Period], list[tuple[int, int]]]:
    """(days, months as periods, spans) named in `text`."""
    days: list[date] = []
    months: list[Period] = []
    spans: list[tuple[int, int]] = []
    for m in ISO.finditer(text):
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        days += [d] if d else []
        spans.append(m.span())
    for m in US.finditer(text):
        year = int(m.group(3)) + (2000 if len(m.group(3)) == 2 else 0)
        d = _safe_date(year, int(m.group(1)), int(m.group(2)))
        days += [d] if d else []
        spans.append(m.span())
    for rx, order in ((MONTH_DAY_YEAR, (1, 2, 3)), (DAY_MONTH_YEAR, (2, 1, 3))):
        for m in rx.finditer(text):
            month = MONTHS.get(m.group(order[0]).lower()[:3] if m.group(order[0]).lower() != "sept" else "sept")
            d = _safe_date(int(m.group(order[2])), month or 0, int(m.group(order[1])))
            days += [d] if d else []
            spans.append(m.span())
    found_months = [(MONTHS.get(m.group(1).lower()[:3]) or 0, int(m.group(2)), m.span())
                    for m in MONTH_YEAR.finditer(text)]
    found_months += [(int(m.group(1)), int(m.group(2)), m.span()) for m in US_MONTH.finditer(text)]
    found_months += [(MONTHS.get(m.group(2).lower()[:3]) or 0, int(m.group(1)), m.span())
                     for m in YEAR_MONTH.finditer(text)]
    for month, year, span in found_months:
        if any(a <= span[0] < b for a, b in spans):
            continue
        if 1 <= month <= 12:
            months.append((date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])))
            spans.append(span)
    return days, months, spans


def _yearless_days(text: str, years: list[int]) -> list[date]:
    """ "before March 9" with 2024 named elsewhere: 2024-03-08 ("before" is the day before)."""
    if len(set(years)) != 1:
        return []
    out: list[date] = []
    for m in MONTH_DAY.finditer(text):
        month = MONTHS.get(m.group(2).lower()[:3]) or 0
        day = _safe_date(years[0], month, int(m.group(3))) if month else None
        if day is not None:
            out.append(day - timedelta(days=1) if (m.group(1) or "").lower() == "before" else day)
    return out


def _all_periods(days: list[date], months: list[Period], years: list[int]) -> tuple[Period, ...]:
    spans = [(d, d) for d in days] + months
    spans += [(date(y, 1, 1), date(y, 12, 31)) for y in years if not any(a.year == y for a, _ in spans)]
    return tuple(dict.fromkeys(spans))


def _said(text: str, dated: str, dos: date | None, days: list[date], spans: list[tuple[int, int]]) -> str | None:
    """The question's own words for the period it asks about, when an answer should echo them: its one day as written
    ("on 12/31/23", not a year it never wrote) or a year bound ("before 2025", read as 2024)."""
    if dos is not None:
        return None
    if len(set(days)) == 1 and spans and dated[spans[0][0]:spans[0][1]] in text:
        return f"on {dated[spans[0][0]:spans[0][1]]}"
    bound = BOUNDED_YEAR.search(text)  # "before 2025" (read as 2024); "after 2025" is said as the year it means
    return bound.group(0) if bound and not days and bound.group(0).lower().startswith(("before", "prior", "earlier")) \
        else None


def _period(on: date | None, days: list[date], months: list[Period], years: list[int]) -> Period | None:
    # "priced the same for DOS 3/8/2024 and 3/9/2024?" with one of them passed as the date of service: the question
    # compares the days it names, so no one of them is the day asked about (each is, in `periods`)
    if on is not None and len(set(days)) > 1 and on in days:
        return None
    # "2025->2026, what were the amounts each yr?" with a day of 2026 passed: the years named are compared
    if on is not None and not days and not months and len(set(years)) > 1 and on.year in years:
        return None
    if on is not None:
        return (on, on)
    if len(set(days)) == 1:
        return (days[0], days[0])
    if len(set(months)) == 1 and not days:
        return months[0]
    if len(set(years)) == 1 and not days and not months:
        return (date(years[0], 1, 1), date(years[0], 12, 31))
    return None


def _codes(text: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    procedures = _unique([m.group(1).upper() for m in PROCEDURE.finditer(text)])
    reasons: list[str] = []
    for m in REASON.finditer(text):
        reasons.append((m.group(2) or m.group(3)).upper())
    reasons += [m.group(1).upper() for m in CARC_NAMED.finditer(text)]
    diagnoses = [
        m.group(1).upper() for m in DIAGNOSIS.finditer(text)
        if m.group(1).upper() not in procedures and m.group(1).upper() not in reasons
        and not re.fullmatch(r"[GK]0\d{2}", m.group(1).upper())
    ]
    modifiers = [m.group(1).upper() for m in MODIFIER.finditer(text)]
    modifiers += [m.group(1) or m.group(2) for m in MODIFIER_NUMBER.finditer(text)]
    modifiers += [t for m in CODE_CHAIN.finditer(text) for t in m.group(1).upper().split("-")[1:] if t in _CHAINED]
    return procedures, _unique(diagnoses), _unique(reasons), _unique(modifiers)


# a speech-language pathology assistant, whom Medicare does not recognise
SLPA = re.compile(r"\bslp-?as?\b|\bspeech(?:[- ]language)?(?: patholog\w*)? assistants?\b", re.I)


# a validity word said of a setting or a payer rather than a date ("valid for PT" stays: whether a code is a therapy
# code is asked of the code)
_VALID_WHERE = re.compile(r"\b(?:valid|billable|payable|covered|allowed)\s+(?:under|in|during|while|at|with|on)"
                          r"\s+(?:an?\s+|the\s+|our\s+|my\s+)?(?!dos\b|date|day|claims?\b|\d|" + _MONTH
                          + r"|this\b|last\b|next\b)[a-z]", re.I)


# a therapy modifier or a therapy plan named with a code: whether the code is billed as therapy
THERAPY_STATUS = re.compile(r"(?<![\w-])(?:GO|(?i:gp|gn))(?![\w-])|\b(?i:therapy (?:service|code)s?"
                            r"|under (?:the |my |our |a |his |her )?"
                            r"(?:(?:PT|OT|SLP|therapy|therapist'?s?) )?(?:poc|plan of care|plan))\b")
# the code's dates asked in so many words ("is G0541 with GO valid on 12/20/2024?")
_IN_FORCE = re.compile(r"\bvalid\b|\bin effect\b|\beffective\b|\bexist|\bdeleted\b|\bexpired?\b", re.I)


# "the family pays her $18/hour", "an aide paid $20 an hour": what a person is paid, told to say who the caregiver is
WAGE = re.compile(r"\b(?:pays?|paying|paid)\s+(?:her|him|them|the (?:daughter|son|wife|husband|caregiver|family|aide"
                  r"|sitter|niece|nephew))\b(?:\s*\$\s?\d[\d,.]*)?"
                  r"|\$\s?\d[\d,.]*\s*(?:/\s*|an?\s+|per\s+)(?:hr|hour|day|week|month)\b", re.I)


# "is that enough for the 30-min code", "how do I bill this", "97550 + 97551 x1 for the 45 min?": the lines some
# minutes support asked
UNITS_ASKED = re.compile(r"\benough for\b|\bhow (?:do|should|would) (?:i|we) bill\b|\bhow many units\b"
                         r"|\b(?:9755[01]|G054[12])\s*(?:x|×)\s*\d\b|\bjust not bill\b", re.I)
# "is a video session allowed", "can I do it by telehealth", "POS 02 or 10": the telehealth rules themselves asked
TELEHEALTH_ASKED = re.compile(r"\b(?:allowed|covered|payable|permitted|ok|okay)\b[^.?]{0,30}\b(?:video|telehealth"
                              r"|virtual|zoom|audio|phone)|\b(?:by|over|via) (?:video|telehealth|zoom|phone|audio)\b"
                              r"[^.?]{0,20}\?|\bpos\b|\bmodifier\b|\b9[35]\b", re.I)


def classify(
    text: str, *, has_reason: bool, has_code: bool, has_period: bool, has_minutes: bool, has_dx: bool = False,
    has_modifier: bool = False,
) -> str:
    """The kind of answer the question wants."""
    text = WAGE.sub(" ", text)  # a person's wage is who the caregiver is, not a fee asked
    hits = {kind for kind, rx in _KINDS if rx.search(text)}
    asks_deadline = bool(DEADLINE.search(text))
    if "appeal" in hits and not ("fee" in hits and not AIC.search(text)) \
            and (asks_deadline or not has_reason):
        return "appeal"
    if "threshold" in hits:
        # how to correct a line ("forgot KX", "PR-119 ... next step?"), not the amount
        return "denial" if FIX.search(text) or (has_reason and ACTION.search(text)) else "threshold"
    if has_reason:
        return "denial"
    if has_code and INVALID_CODE.search(text):  # "rejected invalid proc code, eff 1/1/24?": the code's dates
        return "code_validity"
    if _DENIAL.search(text) and not hits & {"fee", "telehealth"}:
        return "denial"
    if FREQUENCY.search(text) and not has_minutes and not _AMOUNT.search(text):
        return "rule"  # "how many sessions before medicare stops paying": how often, not how much
    if "fee" in hits:
        return "fee"
    # ("video log, she joined 14:02, I ended 14:19 ... enough for the 30-min code?": a video session's minutes, the
    # units asked; the session being by video is only where it happened)
    if "telehealth" in hits and has_minutes and UNITS_ASKED.search(text) and not TELEHEALTH_ASKED.search(text):
        return "units"
    if "telehealth" in hits and not (CONSENT_FORM.search(text) and not _TELEHEALTH_VISIT.search(text)):
        return "telehealth"
    if CONSENT_FORM.search(text) and not _TELEHEALTH_VISIT.search(text) and not has_dx:
        return "rule"  # "verbal ok from the pt on 1/8/25, do I need a signed form": consent, not the code's dates
    if DOCUMENTS.search(text) and NOTE.search(text):  # what a note must hold, whatever minutes it mentions
        return "rule"
    if has_minutes or ("units" in hits and has_code):
        return "units"
    if SLPA.search(text):  # "our SLPA did the 97550, bill GN?": who may furnish it, not the code's dates
        return "rule"
    # ("does an NCCI edit between 97550 and 97162 exist": the edit's existence, not the codes')
    # ("is 97550 billable under hospice", "is G0539 valid for PT" with no date: billable where or by whom, not when)
    valid = "code_validity" in hits and not _EDIT.search(text) and (has_period or not _VALID_WHERE.search(text))
    if has_code and THERAPY_STATUS.search(text) and not (EXISTED.search(text) or _IN_FORCE.search(text)):
        return "modifier"  # "can my SLP bill G0539 w GN under the POC in 2026": a therapy code or not, not its dates
    if has_code and (valid or (has_period and WEAK_VALIDITY.search(text)) or has_dx or _asks_meaning(text)
                     or EXISTED.search(text)):
        return "code_validity"
    if "modifier" in hits or has_modifier:  # "does G0541 need GP?" names the modifier, not the word
        return "modifier"
    if "code_choice" in hits:
        return "code_choice"
    return "rule"


# "20 min in the am and 25 in the pm", "30 min + 15": a further session's minutes named by a bare number after "and"
# or "+" (not a clock time: 13 or more; not units, a count of people or a code)
# ("52 min ... wht if it was 53", "37 or 38 min": another total asked about in turn)
MORE_MINUTES = re.compile(r"(?:\+|\band\b|\bplus\b|\bthen\b|\bif it (?:was|were|is|had been)\b|\bor\b|\bvs\.?)\s*"
                          r"(?:another\s+|a further\s+)?(\d{2,3})\b"
                          r"(?![\d/.%:]|\s*(?:"
                          r"units?|x\b|caregivers?|famil|patients?|pts?\b|people|sessions?|days?|years?|months?|weeks?"
                          r"|dollars?|\$))", re.I)


# "20 min 97110 with the pt", "97530 x 25 min", "15 min of therex": minutes of a patient-present service, not of
# caregiver training
_OTHER_CODE = r"(?:9[0-9]\d{3}(?<!9755[012])(?<!9616[1-8])|G0\d{3}(?<!G05[34]\d))"
_OTHER_AFTER = re.compile(r"\s*(?:of\s+|for\s+|doing\s+)?(?:" + _OTHER_CODE + r"\b|ther ?ex\b|there?x\b"
                          r"|therapeutic (?:exercise|activit)|gait\b|manual\b|neuro ?re-?ed"
                          r"|with (?:the |my |our )?(?:pt|patient)\b(?!'))", re.I)
_OTHER_BEFORE = re.compile(_OTHER_CODE + r"\s*(?:x|for|:|-|=)?\s*$", re.I)


# "Parking ticket says 2 hours", "45 min of driving", "waited 20 minutes in the lobby": time around the visit, not the
# session's (looked for in the words just before or after the figure)
_AROUND_BEFORE = re.compile(r"\b(?:parking|meter|ticket|drive|drove|driving|commute|travel\w*|bus|ride|waited|waiting"
                            r"|lobby|wait)\b(?:(?!\b(?:then|and|but|so|we|i|she|he|they)\b)[^.?!;,\d]){0,25}$", re.I)
_AROUND_AFTER = re.compile(r"\s*(?:of\s+|in\s+the\s+|each way|round trip|to get there)?\s*(?:driving|drive|travel\w*"
                           r"|parking|waiting|lobby|waiting room|commute|each way|round trip|to get there)\b", re.I)


# "short desc says 'Initial care training 30 m'": a quoted descriptor's minutes are no session's minutes
QUOTED_TEXT = re.compile(r"(?<![\w'])['\"\u2018\u201c][^'\"\u2019\u201d\n]{3,80}['\"\u2019\u201d](?!\w)")


# "an hour with the caregiver", "half an hour", "1.5 hrs", "forty five minutes": a duration in words or hours
_TENS = {"ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
SPOKEN_MINUTES = re.compile(
    # ("1 hour 45 min", "2 hrs and 10 minutes": hours and minutes told together are one duration)
    r"\b(?P<hm_h>[1-4])\s*(?:hours?|hrs?|h)\s*(?:and\s+)?(?P<hm_m>[1-5]\d|[1-9])\s*min(?:ute)?s?\b"
    r"|\bhalf (?:an )?hour\b|\b(?:an|one|1) (?:hour|hr)(?P<half> and (?:a )?half)?\b"
    r"|\b(?P<hours>[1-3](?:\.5)?)\s*(?:hours?|hrs?)\b"
    r"|\b(?P<tens>ten|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?P<five>one|two|three|four|five|six|seven|eight|nine))?"
    r"\s+min(?:ute)?s?\b(?!\s*(?:rule|code|unit|increment|block))", re.I)


_DIGIT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


def _spoken(m: re.Match[str]) -> int:
    if m.group("hm_h"):
        return int(m.group("hm_h")) * 60 + int(m.group("hm_m"))
    if m.group("tens"):
        units = m.group("five")  # (the group's name is older than its other digits)
        return _TENS[m.group("tens").lower()] + (_DIGIT_WORDS[units.lower()] if units else 0)
    if m.group("hours"):
        return round(float(m.group("hours")) * 60)
    if m.group(0).lower().startswith("half"):
        return 30
    return 90 if m.group("half") else 60


# a quoted claim that names a code or a sum ("card says: '52 min = 97550 + 97551 x2'") is a session to check, not a
# descriptor's words: its minutes count
_QUOTED_CLAIM = re.compile(r"\b(?:9755[012]|G054[123])\b|=", re.I)


def _around_visit(text: str, start: int, end: int) -> bool:
    return bool(_AROUND_BEFORE.search(text[max(0, start - 40):start]) or _AROUND_AFTER.match(text, end))


def _minutes(text: str, clocks: Sequence[Clocked] = ()) -> tuple[int, ...]:
    quoted = [m.span() for m in QUOTED_TEXT.finditer(text) if not _QUOTED_CLAIM.search(m.group(0))]
    # (the minutes of "1 hour 45 min" are part of the one duration, not a second one)
    spoken = list(SPOKEN_MINUTES.finditer(text))
    joined = [m.span() for m in spoken if m.group("hm_h")]
    found = [(m.start(), int(m.group(1)), m.end()) for m in MINUTES.finditer(text)
             if not any(a < m.start() < b for a, b in quoted) and not any(a <= m.start() < b for a, b in joined)]
    found += [(m.start(), _spoken(m), m.end()) for m in spoken if not any(a < m.start() < b for a, b in quoted)]
    # ("her log says 1:08 to 2:02": minutes the question gives only as clock times)
    # (not again when the question also writes the range's total: "11:00-11:45 ... for the 45 min")
    stated = {n for _, n, _ in found}
    found += [(c.start, c.minutes, c.end) for c in clocks
              if c.minutes not in stated and not any(a < c.start < b for a, b in quoted)]
    found = sorted(f for f in found if not _around_visit(text, f[0], f[2]))
    if found:
        taken = {start for start, _, _ in found}
        found += [(m.start(1), int(m.group(1)), m.end()) for m in MORE_MINUTES.finditer(text, found[0][0])
                  if 13 <= int(m.group(1)) <= 240 and m.start(1) not in taken
                  and not MINUTES.match(text, m.start(1))]
    other = [n for start, n, end in found if _OTHER_AFTER.match(text, end) or _OTHER_BEFORE.search(text[:start])]
    kept = [(start, n) for start, n, end in found
            if not (_OTHER_AFTER.match(text, end) or _OTHER_BEFORE.search(text[:start]))]
    if other:  # "pool those 30 min": the patient-present and caregiver minutes together are no caregiver total
        kept = [(start, n) for start, n in kept if n != sum(other) + sum(m for _, m in kept if m != n)]
    return tuple(n for _, n in without_retracted(text, after_correction(text, sorted(kept))))


def understand(query: str, dos: date | None = None, today: date | None = None) -> Intent:
    """The intent of `query`; `dos` (the date of service given with it) overrides dates in the text; `today` (the
    caller's clock) dates "last March", "this year", "next January"."""
    text = normalise(" ".join(query.split()))
    procedures, diagnoses, reasons, modifiers = _codes(text)
    if not procedures and FAMILY.search(text):
        procedures = ("97550",)  # "the caregiver training codes": the family's primary code stands for it
    dated = bounded_years(resolve(text, today))
    days, months, spans = find_dates(dated)
    years = [int(m.group(1)) for m in YEAR.finditer(dated) if not any(a <= m.start() < b for a, b in spans)]
    # ("march 8 2024 compared to march 9": the year of the days written in full stands for the one without)
    days += _yearless_days(dated, years or sorted({d.year for d in days}))
    all_years = _unique([str(y) for y in [*years, *(d.year for d in days), *(p[0].year for p in months)]])
    period = _period(dos, days, months, years)
    # the question's own words for its one day, so an answer restates it without a year the question never wrote
    said = _said(text, dated, dos, days, spans)
    if dos is None and period is not None and str(period[0].year) not in query and str(period[0].year) in text:
        # a date dictated in words ("december twelfth twenty twenty four") is said back without the digits the question
        # never wrote
        said = "on the date asked" if period[0] == period[1] else "in the period asked"
    payer = next((name for name, rx in PAYERS if rx.search(text)), None)
    minutes = _minutes(text, clocks := clocked(text))
    facility = None
    if re.search(r"non[\s-]?facility|office|\bnf\b", text, re.I):
        facility = False
    elif re.search(r"\bfacility\b|hospital outpatient|\bhopd\b", text, re.I):
        facility = True
    kind = classify(text, has_reason=bool(reasons), has_code=bool(procedures or diagnoses),
                    has_period=period is not None, has_minutes=bool(minutes), has_dx=bool(diagnoses),
                    has_modifier=bool(modifiers))
    return Intent(
        query=text,
        kind=kind,
        procedure_codes=procedures,
        diagnosis_codes=diagnoses,
        reason_codes=reasons,
        modifiers=modifiers,
        years=tuple(int(y) for y in all_years),
        period=period,
        payer=payer,
        amounts=tuple(float(m.group(1).replace(",", "")) for m in DOLLARS.finditer(text)),
        minutes=minutes,
        spoken=tuple((_spoken(m), m.group(0)) for m in SPOKEN_MINUTES.finditer(text)),
        clocked=tuple((c.minutes, clock_said(c)) for c in clocks),
        facility=facility,
        locality=_names_locality(text),
        named_payer=named.group(0) if (named := NAMED_PAYER.search(text)) else None,
        unit_count=_count(units.group(1)) if (units := UNIT_COUNT.search(text)) else None,
        asks_meaning=_asks_meaning(text, kind),
        likened=_likened(text, procedures),
        alone=bool(procedures and ALONE.search(text)),
        asks_why=bool(WHY.search(text)),
        asks_action=bool(ACTION.search(text)),
        clerical=bool(CLERICAL.search(text) or FIXED_ON_NEW_CLAIM.search(text)),
        full_time=bool(FULL_TIME.search(text)),
        said=said if period is not None else None,
        relative=relative_phrase(text) if period is not None and dos is None and dated != text else None,
        periods=_all_periods(days, months, years),
        today=today,
        dos=dos,
    )
