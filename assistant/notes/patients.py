"""Two patients in one paste: the field lines that name the patient ("Patient: Marta Quillfeather",
"Pt name: BRIGHTWATER, YUSUF") giving different surnames. A check reads one patient's session; two notes pasted
together were read as one and said READY TO BILL (hostile13 #8), so the report names the count and the verdict
holds until they are checked apart.

Only a field line counts (a label at the start of a line, then a capitalised name), never a patient named in
prose, and one patient written two ways ("Marta Quillfeather", "QUILLFEATHER, MARTA") is one. Linear: one scan.
"""

from __future__ import annotations

import re

from assistant.notes.scan import line_finditer

_FIELD = re.compile(
    r"(?im)^[ \t]*(?:patient|pt|client|beneficiary|member|resident)(?:[ \t]+(?:name|nm))?[ \t]*[:#=\-][ \t]*"
    r"(?P<name>[^\n(;]{2,60})"
)
# "PT - Caregiver Training Note": PT in capitals is the discipline, not a patient field
_DISCIPLINE = re.compile(r"[ \t]*PT\b")
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][\w'’.-]*")
# what a patient field holds when it names nobody ("Patient: not present", "Pt: present for the first 5 min")
_NOT_NAMES = frozenset({
    "not", "present", "absent", "home", "yes", "no", "n/a", "na", "declined", "unknown", "none", "consented",
    "consent", "was", "is", "did", "out", "in", "at", "seen", "the", "a", "an", "mr", "mrs", "ms", "miss", "dr",
})


# the labels of the fields a patient line goes on with: "MRN RB-0051120" is no part of the name (hostile15 #6)
_FIELD_LABELS = frozenset({
    "dob", "d.o.b", "mrn", "dos", "age", "sex", "gender", "id", "acct", "account", "mbi", "hicn", "member", "ins",
    "insurance", "dx", "icd", "room", "rm", "bed", "unit", "phone", "tel", "ssn", "chart", "med", "medicare",
})


def _surname(value: str) -> str | None:
    words = _WORD.findall(value)
    if not words or not all(w[0].isupper() for w in words[:2]) or words[0].lower().strip(".") in _NOT_NAMES:
        return None
    named = []
    rest = value
    for w in words:  # the name's own words: the capitalised run it opens with ("Marta Quillfeather, 84 y/o")
        if not w[0].isupper() or (named and w.lower().strip(".:#") in _FIELD_LABELS):
            break  # "Eugenie Brandt-Lowe    DOB 04/02/1938    MRN RB-0051120": the next field is no name
        rest = rest.split(w, 1)[1] if w in rest else ""
        if w.lower().strip(".") not in _NOT_NAMES:
            named.append(w)
            if w.endswith(".") and len(w) > 3:
                break  # "Harold Vick. Patient not present": the sentence ends with the name (hostile14 #1)
            if len(named) >= 2 and rest.startswith(","):
                break  # "Teodoro Lindgren-Abara, 88 M. Chronic HF": the name ends at its comma
    words = named
    if not words:
        return None
    surname = words[0] if "," in value.split(words[0], 1)[1][:2] else words[-1]  # "BRIGHTWATER, YUSUF"
    surname = surname.strip(".'’-").lower()
    return surname if len(surname) >= 3 else None  # "Marta Q." gives no surname to tell apart


def surname_of(name: str) -> str | None:
    """The surname of a patient's name as a claim gives it ("Nora Penn", "PENN, NORA"), lower case."""
    return _surname(name)


def patients_named(text: str) -> int:
    """How many different patients the note's patient fields name (0 when none names one)."""
    return len({surname for surname, _, _ in patient_parts(text)})


def patient_parts(text: str) -> list[tuple[str, int, int]]:
    """(surname, start, end) of each patient's part of the note: from a patient field line to the next field line
    naming another patient (or the note's end). What comes before the first field is every patient's (a header)."""
    # Python reads only the lines RE2 finds a field on (it would try the pattern at every position of the note)
    fields = [(s, m.start()) for m in line_finditer(_FIELD, text, _FIELD.pattern)
              if not _DISCIPLINE.match(m.group(0)) and (s := _surname(m.group("name"))) is not None]
    parts: list[tuple[str, int, int]] = []
    for surname, start in fields:
        if parts and parts[-1][0] == surname:
            continue  # the same patient named again inside their own part
        if parts:
            parts[-1] = (parts[-1][0], parts[-1][1], start)
        parts.append((surname, start, len(text)))
    return parts


# a patient named inside a line of a group's roster: "(daughter of pt Frank Testa, MRN 555011)", "for patient Lou Kole";
# "PT" in capitals is the discipline ("PT CG TRAINING 10/13/26"), never a patient's label
# (a first name and a surname: "with pt. POC established" ends a sentence and names nobody)
_NAMED_IN_LINE = re.compile(r"\b(?:[Pp]t|[Pp]atient|PATIENT)\b:?[ \t]+(?:(?:Mr|Mrs|Ms|Dr)\.?[ \t]+)?"
                            r"(?P<name>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){1,2})")


def patient_lines(text: str) -> list[tuple[str, int, int, tuple[int, int]]]:
    """(surname, start, end, the name's span) of each line that names a patient by name after "pt"/"patient" (a
    group roster's rows). The name must be capitalised: "pt tolerated" names nobody."""
    out = []
    start = 0
    for line in text.split("\n"):  # line by line: linear however many names a line holds
        for m in _NAMED_IN_LINE.finditer(line):
            name = m.group("name")
            if name[0].isupper() and name.split()[0].lower() not in _NOT_NAMES:
                out.append((name.split()[-1].strip(".'’-").lower(), start, start + len(line),
                            (start + m.start("name"), start + m.end("name"))))
        start += len(line) + 1
    return out
