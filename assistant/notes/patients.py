"""Two patients in one paste: the field lines that name the patient ("Patient: Marta Quillfeather",
"Pt name: BRIGHTWATER, YUSUF") giving different surnames. A check reads one patient's session; two notes pasted
together were read as one and said READY TO BILL (hostile13 #8), so the report names the count and the verdict
holds until they are checked apart.

Only a field line counts (a label at the start of a line, then a capitalised name), never a patient named in
prose, and one patient written two ways ("Marta Quillfeather", "QUILLFEATHER, MARTA") is one. Linear: one scan.
"""

from __future__ import annotations

import re

_FIELD = re.compile(
    r"(?im)^[ \t]*(?:patient|pt|client|beneficiary|member|resident)(?:[ \t]+(?:name|nm))?[ \t]*[:#=\-][ \t]*"
    r"(?P<name>[^\n(;]{2,60})"
)
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][\w'’.-]*")
# what a patient field holds when it names nobody ("Patient: not present", "Pt: present for the first 5 min")
_NOT_NAMES = frozenset({
    "not", "present", "absent", "home", "yes", "no", "n/a", "na", "declined", "unknown", "none", "consented",
    "consent", "was", "is", "did", "out", "in", "at", "seen", "the", "a", "an", "mr", "mrs", "ms", "miss", "dr",
})


def _surname(value: str) -> str | None:
    words = _WORD.findall(value)
    if not words or not all(w[0].isupper() for w in words[:2]) or words[0].lower().strip(".") in _NOT_NAMES:
        return None
    named = []
    for w in words:  # the name's own words: the capitalised run it opens with ("Marta Quillfeather, 84 y/o")
        if not w[0].isupper():
            break
        if w.lower().strip(".") not in _NOT_NAMES:
            named.append(w)
    words = named
    if not words:
        return None
    surname = words[0] if "," in value.split(words[0], 1)[1][:2] else words[-1]  # "BRIGHTWATER, YUSUF"
    surname = surname.strip(".'’-").lower()
    return surname if len(surname) >= 3 else None  # "Marta Q." gives no surname to tell apart


def patients_named(text: str) -> int:
    """How many different patients the note's patient fields name (0 when none names one)."""
    found = {s for m in _FIELD.finditer(text) if (s := _surname(m.group("name"))) is not None}
    return len(found)
