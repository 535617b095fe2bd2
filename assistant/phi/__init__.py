"""PHI de-identification: scrub note text before it leaves the machine, restore it locally.

    from assistant.phi import get_deidentifier
    scrubbed = get_deidentifier().deidentify(note, extra_names=["Margaret O'Connell"])
    answer = call_model(scrubbed.text)            # only placeholders such as <PERSON_1> leave
    letter = scrubbed.reidentify(answer)          # original values put back locally

Placeholders: PERSON, DATE, MRN, PHONE, ADDRESS (street lines and cities), ZIP, MBI, EMAIL, SSN,
NPI, plus ID (labelled account/member/claim numbers, bare runs of 7+ digits), AGE (every stated age; a bare
number beside a name over 89),
URL, IP, CARD, ACCOUNT. Billing and clinical tokens are never replaced (patterns.PROTECTED_RE).

Names are found from context only (titles, relation words, field labels, signature lines) and
from ``extra_names``: there is no NER model, so a bare "Karen said" is scrubbed only when
"Karen" was found elsewhere in the note or passed in ``extra_names``. Pass the EHR's patient
and caregiver names whenever they are known.

Why no NER model (measured in round 10 on every PHI set, 595 texts): spaCy's small English pipeline (3.8, from
the registry, offline) as an extra PERSON/GPE/FAC/LOC finder would have found 20-29 of the 120 names and places these
rules miss, and cut into 250-330 of the ~6,000 strings that must survive (keep rate -4 to -6 points), at ~0.1 s a
text; on the round-10 development set it found none of the 8 misses. The rules and the name lexicon stay.

Importing this package is cheap: Presidio and spaCy load on the first ``Deidentifier()``, and the
engine (its patterns and name lists) on first use of a name below. Why: `assistant.phi.egress`
is imported by every model and embedder client, the offline drafter's deadline guard included, and
importing a submodule runs this file first; the offline `assistant appeal` scrubs nothing and must
not pay for the engine at start-up.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.phi.engine import Deidentified, Deidentifier, get_deidentifier

__all__ = ["Deidentified", "Deidentifier", "get_deidentifier"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(importlib.import_module("assistant.phi.engine"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
