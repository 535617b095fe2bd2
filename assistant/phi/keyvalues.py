"""Values of a form-field dump, by the field's key.

* ``FieldName: PatientName      FieldValue: Okafor, Chidinma`` (a PDF form's fields listed one a line), and the
  value on a line of its own (pdftk ``dump_data_fields``: ``FieldName: City`` / ``FieldValue: Braintree``);
* ``patient.first_name=ayodele``, ``caregiver.phone=(404) 555-0131``, ``zip=30341`` (key=value exports, logs,
  query strings).

A key says what its value is where the value cannot ("ayodele" in lower case, a bare ZIP): keys are read as table
headers are (`tables.column_label`). A key naming an organisation, a code or a topic holds no one's identifier, and a
bracketed value is a slot ("[practice letterhead]"). Keys themselves are labels, never names (`key_spans`).
"""

from __future__ import annotations

import re

from assistant.phi import patterns as p
from assistant.phi.tables import column_label, person_cell

Span = tuple[int, int, str, float]

_KEY = r"[A-Za-z][\w.\-]{0,40}+"
# pdftk's dump_data_fields puts the value on a line of its own, after up to a few other "Field...:" lines
_OTHER_FIELD_LINES = r"(?:[ \t]*\r?\n[ \t]*Field(?!Value)[A-Za-z]*[ \t]*:[^\n]{0,200}+){0,4}+"
FIELD_LINE = re.compile(
    rf"(?m)^[ \t]*FieldName[ \t]*:[ \t]*(?P<key>{_KEY})(?:[ \t]+|{_OTHER_FIELD_LINES}[ \t]*\r?\n[ \t]*)"
    rf"FieldValue[ \t]*:[ \t]*(?P<value>[^\n]{{0,300}}+)"
)
# key=value. A value is quoted, or one token ("uid=jdoe sess=9f1", "?name=ayo%20quorn&dob="), or, when its key
# starts the line, the rest of the line up to the next key ("caregiver.name=Chidi Quorn").
KEY_VALUE = re.compile(
    rf"(?P<bol>^[ \t]*+)?(?<![\w.\-])(?P<key>{_KEY})[ \t]*=[ \t]*"
    rf'(?:"(?P<quoted>[^"\n]{{0,300}}+)"'
    rf'|(?(bol)(?P<line>(?:(?![ \t]+[\w.\-]{{1,40}}=)[^\n&;|"]){{1,300}}+)|(?P<value>[^\s&;|"]{{1,300}}+)))',
    re.MULTILINE,
)
# key words of fields that name an organisation, a code or a topic: their values are no one's
_NOT_PERSONAL = frozenset(
    [
        "clinic",
        "practice",
        "facility",
        "payer",
        "payor",
        "plan",
        "insurance",
        "insurer",
        "agency",
        "org",
        "organization",
        "company",
        "program",
        "topic",
        "diagnosis",
        "dx",
        "cpt",
        "hcpcs",
        "code",
        "modifier",
        "mod",
        "service",
        "session",
        "units",
        "pos",
        "type",
        "status",
        "reason",
        "display",
        "title",
        "description",
        "label",
        "present",
    ]
)


# what a field holds when it holds nothing personal: a null, a flag
_NO_VALUE = frozenset(["\\n", "null", "none", "-", "n/a", "yes", "no", "y", "n", "true", "false"])


# short keys of logs and audit trails that hold a record's number: "enc=V55120", "csn=...", "fin=..."
_RECORD_KEYS = frozenset(["enc", "encounter", "csn", "fin", "pid", "acct", "episode"])


def _label(key: str) -> str | None:
    words = set(re.split(r"[_ .\-]+", re.sub(r"(?<=[a-z])(?=[A-Z])", "_", key).lower()))
    if words & _NOT_PERSONAL:
        return None
    if key.lower() in _RECORD_KEYS:
        return "ID"
    return column_label(key.replace(".", "_").replace("-", "_"))


def _span(text: str, s: int, e: int, label: str | None) -> list[Span]:
    value = text[s:e]
    stripped = value.strip()
    if label is None or not stripped or stripped[0] in "[<{«" or stripped.lower() in _NO_VALUE:
        return []
    s += len(value) - len(value.lstrip())
    e = s + len(stripped)
    if label == "PERSON":
        s, e = person_cell(text, s, e)
        if p.SYSTEM_ACCOUNT.match(text[s:e].lower()):
            return []  # a service's login: "user=svc_claims"
    return [(s, e, label, 0.92)] if e > s else []


def find_key_values(text: str) -> list[Span]:
    out: list[Span] = []
    if "FieldValue" in text:
        for m in FIELD_LINE.finditer(text):
            out += _span(text, m.start("value"), m.end("value"), _label(m["key"]))
    if "=" in text:
        for m in KEY_VALUE.finditer(text):
            group = next(g for g in ("quoted", "line", "value") if m[g] is not None)
            out += _span(text, m.start(group), m.end(group), _label(m["key"]))
    return out


def key_spans(text: str) -> list[tuple[int, int]]:
    """The keys of a field dump: labels, never names ("PatientDOB", "caregiver.phone")."""
    spans = [m.span("key") for m in FIELD_LINE.finditer(text)] if "FieldValue" in text else []
    if "=" in text:
        spans += [m.span("key") for m in KEY_VALUE.finditer(text) if _label(m["key"])]
    return spans
