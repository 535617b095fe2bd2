"""Query expansion: the abbreviations and shorthand therapists and billers type.

"does CTS have to be in the POC?" becomes "does CTS have to be in the POC? (caregiver training
services; plan of care)", so both channels see the words the knowledge uses. Matching is on
whole words; all-caps abbreviations are matched case-sensitively so "ma" in a sentence is not
Medicare Advantage.
"""

from __future__ import annotations

import re

from assistant.retrieval.understand import WAGE

# abbreviation -> words the knowledge base uses
CASED: dict[str, str] = {
    "CTS": "caregiver training services",
    "POC": "plan of care",
    "HHA": "home health aide agency paid",
    "CNA": "nursing assistant aide paid facility staff",
    "PTA": "physical therapist assistant",
    "OTA": "occupational therapy assistant",
    "COTA": "OTA occupational therapy assistant",
    "NP": "nurse practitioner NPP",
    "SLPA": "speech-language pathology assistant",
    "SLP": "speech-language pathologist",
    "OT": "occupational therapy",
    "NPP": "non-physician practitioner",
    "EOB": "remittance remark denial",
    "ERA": "remittance remark denial",
    "MA": "Medicare Advantage",
    "BCBS": "commercial plan",
    "DOS": "date of service",
    "ADL": "activities of daily living",
    "ADLs": "activities of daily living",
    "NPI": "provider identifier",
    "MPPR": "multiple procedure payment reduction",
    "MUE": "medically unlikely edit maximum units",
    "NCCI": "correct coding edit bundled",
    "CF": "conversion factor",
    "RVU": "relative value units",
    "RVUs": "relative value units",
    "DX": "diagnosis",
    "ICD-10": "diagnosis code",
    "HEP": "home exercise program",
}
ANY_CASE: dict[str, str] = {
    "pt": "patient",
    "pts": "patients",
    "tx": "treatment",
    "eval": "evaluation",
    "evals": "evaluation",
    "dx": "diagnosis",
    "min": "minutes",
    "mins": "minutes",
    "teach-back": "return demonstration",
    "demo": "demonstration",
    "video": "telehealth",
    "virtual": "telehealth",
    "zoom": "telehealth",
    "phone": "telehealth audio-only",
    "reimbursement": "payment pays",
    "pay": "payment",
    "pays": "payment",
    "paid": "pays",
    "copay": "coinsurance cost-sharing",
    "aide": "paid aide",
    "w/o": "without",
    "permission": "consent",
    # a clinician's terms for what the knowledge says in plain words
    "dysphagia": "swallowing feeding",
}
# Phrases that say what the knowledge says in other words: "will the family get a bill or is it free?" asks about
# the patient's cost-sharing.
PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:is|be|are) (?:it |this |that |they |the \w+ )?free\b|free of charge|\bowes?\b"
                r"|out[- ]of[- ]pocket|patient responsibility|\bget (?:a |the )?bill(?:ed)?\b"
                r"|cost (?:them |the \w+ )?anything"
                r"|\b(?:charge|bill)(?:s|ed)? (?:the |their )(?:patient|family|families|caregivers?|pt)s?\b"
                r"(?! training)", re.I),
     "coinsurance cost-sharing deductible patient pays"),
)
# When a question asks about modifiers, the discipline or role named points at its modifier.
MODIFIER_HINTS: dict[str, str] = {
    "slp": "GN", "speech": "GN", "ot": "GO", "occupational": "GO", "physical": "GP",
    "pta": "CQ", "ota": "CO", "cota": "CO", "assistant": "CQ CO",
}
_MODIFIER = re.compile(r"\bmod(?:ifier)?s?\b", re.I)
_WORD = re.compile(r"\bw/o\b|[A-Za-z][A-Za-z0-9-]*", re.I)


def expand(query: str) -> str:
    """`query` plus, in brackets, the expansion of each abbreviation it uses (once each)."""
    # ("family pays her $22/hr ... the $22/hr is out of pocket": a helper's wage, not the patient's cost-sharing)
    extra: list[str] = [] if WAGE.search(query) else [words for rx, words in PHRASES if rx.search(query)]
    asks_modifier = bool(_MODIFIER.search(query))
    for word in _WORD.findall(query):
        found = CASED.get(word) or ANY_CASE.get(word.lower()) or CASED.get(word[:-1] if word.endswith("s") else "")
        if found and found not in extra:
            extra.append(found)
        hint = MODIFIER_HINTS.get(word.lower()) if asks_modifier else None
        if hint and hint not in extra:
            extra.append(hint)
    return f"{query} ({'; '.join(extra)})" if extra else query
