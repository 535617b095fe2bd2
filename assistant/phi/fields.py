"""Values that a structured record names by its field: FHIR JSON keys and CSV columns.

* FHIR: ``"given": ["Joe"]``, ``"family"``, ``"birthDate"``, ``"line": [..., "apt 5c"]``, ``"city"``,
  ``"postalCode"``, a resource ``"id"`` with digits, the id in ``"reference": "Patient/pt-448190"`` and
  ``"valueAge": {"value": 95}``. A value in lower case or without a label ("new york", "10031") is
  found by its key where the text finders cannot know it;
* the values of ``"system"``, ``"url"`` and ``"resourceType"`` name a code system, an extension or a
  resource type ("http://hl7.org/fhir/sid/icd-10-cm", "Bundle"): they are allow-listed (`protected`);
* CSV: a header line of plain column names (``visit_id,dos,patient,dob,age,mrn,cg_name,...``) says what
  each following row holds; cells of name, date, identifier, contact and address columns are taken,
  and an age cell when it is over 89.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, float]

_STRING = r'"(?:[^"\\\n]|\\.)*+"'
_FHIR_KEYS = {
    "given": "PERSON", "family": "PERSON", "birthDate": "DATE", "deceasedDateTime": "DATE", "line": "ADDRESS",
    "city": "ADDRESS", "district": "ADDRESS", "postalCode": "ZIP", "id": "ID", "reference": "ID",
}  # fmt: skip
# Inside a prompt a record is often JSON-escaped; the analysed view reads '\\"' as ' "', so a key's closing
# quote may follow a space: ' "postalCode ": '.
FHIR_VALUE = re.compile(rf'"(?P<key>{"|".join(_FHIR_KEYS)}) ?"[ \t]*:[ \t]*(?P<value>{_STRING}|\[[^\[\]\n]{{0,400}}\])')
_IN_ARRAY = re.compile(_STRING)
FHIR_AGE = re.compile(r'"valueAge ?"[ \t]*:[ \t]*\{[^{}\n]{0,80}?"value ?"[ \t]*:[ \t]*(?P<age>9\d|1[01]\d)(?!\d)')
FHIR_PROTECTED = re.compile(rf'"(?:system|url|resourceType) ?"[ \t]*:[ \t]*(?P<value>{_STRING})')


def _fhir(text: str) -> list[Span]:
    out: list[Span] = []
    for m in FHIR_VALUE.finditer(text):
        label = _FHIR_KEYS[m.group("key")]
        for s in _IN_ARRAY.finditer(text, m.start("value"), m.end("value")):
            value = text[s.start() + 1 : s.end() - 1]
            start = s.start() + 1 + len(value) - len(value.lstrip())
            end = s.end() - 1 - (len(value) - len(value.rstrip()))
            value = text[start:end]
            if m.group("key") == "reference":
                start += value.rfind("/") + 1  # "Patient/pt-448190": the id, not the resource type
            elif m.group("key") == "id" and not any(c.isdigit() for c in value):
                continue
            if end > start:
                out.append((start, end, label, 0.92))
    return out + [(m.start("age"), m.end("age"), "AGE", 0.92) for m in FHIR_AGE.finditer(text)]


def protected(text: str) -> list[tuple[int, int]]:
    """Spans of FHIR values that name a code system, an extension or a resource type."""
    return [(m.start("value"), m.end("value")) for m in FHIR_PROTECTED.finditer(text)]


# --- CSV ---------------------------------------------------------------------------------------------
HEADER = re.compile(r"(?m)^[ \t]*[A-Za-z][A-Za-z0-9_ ]*+(?:,[ \t]*[A-Za-z][A-Za-z0-9_ ]*+){3,}+[ \t]*\r?$")
_COLUMN_WORDS = {
    "AGE": {"age"},
    "DATE": {"dob", "birth", "birthdate", "dos", "date", "admit", "admitted", "discharge", "discharged"},
    "ID": {"id", "mrn", "mbi", "member", "account", "acct", "claim", "ssn", "policy", "medicaid", "medicare", "npi"},
    "PHONE": {"phone", "tel", "telephone", "cell", "fax", "mobile"},
    "EMAIL": {"email", "e-mail"},
    "ADDRESS": {"address", "addr", "street", "city", "zip", "postal", "postcode"},
    "PERSON": {"name", "patient", "therapist", "clinician", "provider", "caregiver", "rendering", "signer", "staff"},
}  # fmt: skip


def _column_label(name: str) -> str | None:
    words = set(re.split(r"[_ ]+", re.sub(r"(?<=[a-z])(?=[A-Z])", "_", name.strip()).lower()))
    return next((label for label, cue in _COLUMN_WORDS.items() if words & cue), None)


def _cells(line: str, base: int) -> list[tuple[int, int]]:
    """(start, end) of each comma-separated cell of one line, quotes respected and stripped."""
    cells, start, quoted = [], 0, False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == "," and not quoted:
            cells.append((start, i))
            start = i + 1
    cells.append((start, len(line)))
    out = []
    for s, e in cells:
        cell = line[s:e]
        lead = len(cell) - len(cell.lstrip(' \t"'))
        trail = len(cell) - len(cell.rstrip(' \t"\r'))
        out.append((base + s + lead, base + max(s + lead, e - trail)))
    return out


def _csv(text: str) -> list[Span]:
    out: list[Span] = []
    done = 0  # rows already read belong to the table above: never read a line twice
    for header in HEADER.finditer(text):
        labels = [_column_label(name) for name in header.group().split(",")]
        if header.start() < done or not any(labels):
            continue
        pos = header.end() + 1
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            line = text[pos:end]
            if not line.strip() or line.count(",") < len(labels) // 2:
                break  # the table ends at a blank line or a line that is no row of it
            for label, (s, e) in zip(labels, _cells(line, pos), strict=False):
                if label and e > s and (label != "AGE" or re.fullmatch(r"9\d|1[01]\d", text[s:e])):
                    out.append((s, e, label, 0.92))
            pos = end + 1
        done = pos
    return out


def find_fields(text: str) -> list[Span]:
    return _fhir(text) + _csv(text)
