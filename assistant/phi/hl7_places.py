"""An HL7 v2 record's facility namespace is a place (round-13 convention: "FERNBROOK", "OAKSPUR" -> LOCATION).

The assigning authority of a patient identifier (PID-3, component 4: "482213^^^WESTBRIAR^MR") names the hospital
or practice that issued the medical record number, and a small one names the patient's town. It is scrubbed where
it stands, and (by its strength) wherever it recurs: the location's facility (PV1-3.4), the sending or receiving
facility of the message header, including a facility named on it ("FERNBROOK_OP"). A public issuer (CMS, SSA, a
state Medicaid programme: "TXMCD") names no place and stays.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, float]

STRENGTH = 0.95  # as strong as the field it came from: it survives the coded-field allow-list where it recurs
PID3 = re.compile(r"(?<![A-Za-z0-9|])PID\|[^|\r\n]*\|[^|\r\n]*\|(?P<ids>[^|\r\n\"]*)")
# MSH-3..MSH-6: sending application, sending facility, receiving application, receiving facility
MSH = re.compile(
    r"(?<![A-Za-z0-9|])MSH\|[^|\r\n]*\|[^|\r\n]*\|(?P<f1>[^|\r\n^]*)[^|\r\n]*\|[^|\r\n]*\|(?P<f2>[^|\r\n^]*)"
)
PUBLIC_ISSUERS = frozenset(["CMS", "SSA", "USSSA", "HCFA", "MCD", "MEDICAID", "MEDICARE", "VA", "IHS", "DOD"])
NAMESPACE = re.compile(r"[A-Za-z][A-Za-z0-9_\-]{2,39}")


def _public(namespace: str) -> bool:
    upper = namespace.upper()
    return upper in PUBLIC_ISSUERS or upper.endswith(("MCD", "MEDICAID"))


def _namespaces(text: str) -> list[Span]:
    out: list[Span] = []
    for m in PID3.finditer(text):
        pos = m.start("ids")
        for repetition in m.group("ids").split("~"):
            components = repetition.split("^")
            if len(components) > 3:
                namespace = components[3].split("&")[0]
                start = pos + sum(len(c) + 1 for c in components[:3])
                if NAMESPACE.fullmatch(namespace) and not _public(namespace):
                    out.append((start, start + len(namespace), "ADDRESS", STRENGTH))
            pos += len(repetition) + 1
    return out


def find_hl7_places(text: str) -> list[Span]:
    """Facility namespaces of patient identifiers, and message-header facilities built on one."""
    out = _namespaces(text)
    names = {text[s:e] for s, e, _, _ in out}
    if not names:
        return out
    for m in MSH.finditer(text):
        for group in ("f1", "f2"):
            value = m.group(group)
            if value in names or value.split("_")[0] in names:
                out.append((m.start(group), m.end(group), "ADDRESS", STRENGTH))
    return out
