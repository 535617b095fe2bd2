"""Values that a structured record names by its field: JSON keys, XML elements and table columns.

* FHIR: ``"given": ["Joe"]``, ``"family"``, ``"birthDate"``, ``"line": [..., "apt 5c"]``, ``"city"``,
  ``"postalCode"``, a resource ``"id"`` with digits, the id in ``"reference": "Patient/pt-448190"`` and
  ``"valueAge": {"value": 95}``; the same keys in plain JSON exports (``"postal"``, ``"age": 95``)
  and the CDA elements ``<given>``, ``<family>``, ``<city>``, ``<postalCode>``. A value in lower case or
  without a label ("new york", "10031") is found by its key where the text finders cannot know it;
* the values of ``"system"``, ``"url"`` and ``"resourceType"`` name a code system, an extension or a
  resource type ("http://hl7.org/fhir/sid/icd-10-cm", "Bundle"): they are allow-listed (`protected`), unless a
  query string makes the URL point at one record ("...consent?pid=...");
* tables (comma, tab or pipe separated): see `assistant.phi.tables`.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, float]

_STRING = r'"(?:[^"\\\n]|\\.)*+"'
_FHIR_KEYS = {
    "given": "PERSON", "family": "PERSON", "birthDate": "DATE", "deceasedDateTime": "DATE", "line": "ADDRESS",
    "city": "ADDRESS", "district": "ADDRESS", "postalCode": "ZIP", "id": "ID", "reference": "ID",
    "fullUrl": "ID",  # a Bundle entry's address ("urn:uuid:b41e77c0-..."): the record's key, as its "id"
    # the same fields in plain JSON exports
    "postal": "ZIP", "postal_code": "ZIP", "zip": "ZIP", "zipcode": "ZIP", "zip_code": "ZIP", "postcode": "ZIP",
    # application logs and audit trails
    "mrn": "MRN", "member_id": "ID", "memberId": "ID", "subscriber_id": "ID", "subscriberId": "ID", "ssn": "SSN",
    "dob": "DATE", "birth_date": "DATE", "first_name": "PERSON", "last_name": "PERSON", "firstName": "PERSON",
    "lastName": "PERSON", "patient_name": "PERSON", "patientName": "PERSON", "phone": "PHONE", "email": "EMAIL",
}  # fmt: skip
# Inside a prompt a record is often JSON-escaped; the analysed view reads '\\"' as ' "', so a key's closing
# quote may follow a space: ' "postalCode ": '.
FHIR_VALUE = re.compile(rf'"(?P<key>{"|".join(_FHIR_KEYS)}) ?"[ \t]*:[ \t]*(?P<value>{_STRING}|\[[^\[\]\n]{{0,400}}\])')
_IN_ARRAY = re.compile(_STRING)
FHIR_AGE = re.compile(
    r'"valueAge ?"[ \t]*:[ \t]*\{[^{}\n]{0,80}?"value ?"[ \t]*:[ \t]*(?P<age>9\d|1[01]\d)(?!\d)'
    r'|"(?:age|patient_age|age_years|ageYears) ?"[ \t]*:[ \t]*"?(?P<plain>9\d|1[01]\d)(?![\d.])'  # "age": 95
    # a quantity in years (UCUM "a"): '"valueQuantity": {"value": 96, "unit": "a"}'
    # a questionnaire answer to an age question: '"text": "Patient age", "answer": [{"valueInteger": 90}]'
    r'|"text ?"[ \t]*:[ \t]*"[^"\n]{0,40}?\b(?i:age)\b[^"\n]{0,20}"[^{}\n]{0,40}\{[ \t]*"value(?:Integer|Decimal) ?"'
    r"[ \t]*:[ \t]*(?P<qa>9\d|1[01]\d)(?![\d.])"
    r'|"valueQuantity ?"[ \t]*:[ \t]*\{[ \t]*"value ?"[ \t]*:[ \t]*(?P<qty>9\d|1[01]\d)(?![\d.])'
    r'(?=[ \t]*,[ \t]*"(?:unit|code) ?"[ \t]*:[ \t]*" ?(?:a|yr|yrs|years?|y) ?")'
)
# CDA / XML elements that hold a name, an address part or a postal code: "<city>New Orleans</city>".
_XML_TAGS = {"city": "ADDRESS", "postalCode": "ZIP", "streetAddressLine": "ADDRESS", "county": "ADDRESS",
             "given": "PERSON", "family": "PERSON", "name": "PERSON", "censusTract": "ADDRESS"}  # fmt: skip
XML_VALUE = re.compile(rf"<(?P<tag>{'|'.join(_XML_TAGS)})>(?P<value>[^<>\n]{{1,200}}+)</(?P=tag)>")
# A CDA/HL7 v3 identifier: '<id root="2.16.840.1.113883.19.5" extension="998991"/>' (the root names the issuer).
XML_ID = re.compile(r'<id\b[^<>\n]{0,200}?\bextension="(?P<value>[^"<>\n]{1,64}+)"')
FHIR_PROTECTED = re.compile(rf'"(?:system|url|resourceType) ?"[ \t]*:[ \t]*(?P<value>{_STRING})')


# A vCard address: "ADR;TYPE=HOME:;;19 Elm Row;Bexley;OH;43209;USA" (box; extended; street; locality; region; postal
# code; country). The street, extended address, box, locality and postal code are the person's; region and country stay.
VCARD_ADR = re.compile(r"(?m)^(?:item\d+\.)?ADR(?:;[^:\n]{0,80}+)?:(?P<value>[^\n]{0,400}+)")
_ADR_PARTS = {0: "ADDRESS", 1: "ADDRESS", 2: "ADDRESS", 3: "ADDRESS", 5: "ZIP"}


def _vcard_addresses(text: str) -> list[Span]:
    out: list[Span] = []
    for m in VCARD_ADR.finditer(text):
        pos = m.start("value")
        for i, part in enumerate(m.group("value").split(";")):
            stripped = part.strip()
            if stripped and i in _ADR_PARTS:
                start = pos + part.index(stripped)
                out.append((start, start + len(stripped), _ADR_PARTS[i], 0.92))
            pos += len(part) + 1
    return out


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
    for m in FHIR_AGE.finditer(text):
        group = next(g for g in ("age", "plain", "qty", "qa") if m.group(g))
        out.append((m.start(group), m.end(group), "AGE", 0.92))
    out += [(*m.span("value"), "ID", 0.92) for m in XML_ID.finditer(text) if re.search(r"\d", m["value"])]
    for m in XML_VALUE.finditer(text):
        if m.group("value").strip():
            out.append((m.start("value"), m.end("value"), _XML_TAGS[m.group("tag")], 0.92))
    return out


def protected(text: str) -> list[tuple[int, int]]:
    """Spans of FHIR values that name a code system, an extension or a resource type, table headers, coded
    HL7 fields and organisations' NPIs in X12."""
    from assistant.phi.keyvalues import key_spans
    from assistant.phi.shapes import hl7_protected, x12_org_npis
    from assistant.phi.tables import header_spans

    # a URL with a query ("consent?pid=A0093371") addresses one record, not a code system: not protected
    fhir = [(m.start("value"), m.end("value")) for m in FHIR_PROTECTED.finditer(text) if "?" not in m.group("value")]
    merge = [m.span() for m in MERGE_FIELD.finditer(text)] if "«" in text or "{" in text or "<<" in text else []
    merge += [m.span() for m in SLOT_FIELD.finditer(text)] if "[" in text else []
    return fhir + merge + header_spans(text) + hl7_protected(text) + x12_org_npis(text) + key_spans(text)


# A mail-merge field left unfilled names a slot, never a person: "«CaregiverFirst»", "{{patient_first}}".
# Single braces and double angles too when the field reads as a field name, joined words ("{CaregiverName}",
# "{ApptDate}", "<<patient_first>>"): a person's name in braces has no capital inside it or underscore.
_FIELD_NAME = r"[A-Za-z][a-z0-9]*+(?:_?[A-Z0-9][A-Za-z0-9]*+|_[a-z0-9]++)++"
MERGE_FIELD = re.compile(
    r"«[A-Za-z][A-Za-z0-9_]{0,40}+»|\{\{[ \t]*[A-Za-z][A-Za-z0-9_.]{0,40}+[ \t]*\}\}"
    rf"|\{{(?={_FIELD_NAME}\}})[A-Za-z0-9_]{{1,40}}+\}}|<<(?={_FIELD_NAME}>>)[A-Za-z0-9_]{{1,40}}+>>"
)
# "[FirstName]", "[appt_date]": a slot in square brackets by the same joined-word shape
SLOT_FIELD = re.compile(rf"\[(?={_FIELD_NAME}\])[A-Za-z0-9_]{{1,40}}+\]")


def find_fields(text: str) -> list[Span]:
    from assistant.phi.keyvalues import find_key_values
    from assistant.phi.logins import find_logins
    from assistant.phi.sql import find_sql_values
    from assistant.phi.tables import find_table_cells

    found = _fhir(text) + find_table_cells(text) + find_sql_values(text) + find_logins(text) + find_key_values(text)
    return found + (_vcard_addresses(text) if "ADR" in text else [])
