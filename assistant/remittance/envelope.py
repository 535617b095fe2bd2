"""Segments and envelopes of an X12 interchange: delimiters from the ISA, ISA/GS/ST nesting and counts.

The delimiters are read from the ISA itself (element separator after "ISA", component separator
in ISA16, the segment terminator right after it; repetition separator in ISA11 for 5010), so
files written with `*` `:` `~` and files written with `|` `>` `~` (or a newline terminator) read
the same. Envelope faults are fatal and name the segment position: a file with a broken envelope
may be truncated, and importing part of it silently would be worse than refusing it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from assistant.errors import RemittanceError

HINT = "Send the 835 exactly as the payer or clearinghouse delivered it (ISA ... IEA)."


@dataclass(frozen=True, slots=True)
class Delimiters:
    element: str
    component: str
    segment: str
    repetition: str = "^"


@dataclass(slots=True)
class Segment:
    position: int  # 1-based, counted from the ISA
    id: str
    elements: list[str]  # elements[0] is the segment id; elements[n] is element n

    def get(self, index: int) -> str:
        return self.elements[index] if index < len(self.elements) else ""


@dataclass(slots=True)
class Transaction:
    """The segments of one ST/SE, with the envelope control numbers around it."""

    interchange_control: str
    group_control: str
    control_number: str
    segments: list[Segment] = field(default_factory=list)

    @property
    def position(self) -> int:
        return self.segments[0].position


def decode(data: bytes | str) -> str:
    if isinstance(data, str):
        return data
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or data[:6] in (b"I\x00S\x00A\x00", b"\x00I\x00S\x00A"):
        raise RemittanceError(
            "the file is UTF-16 text; an 835 is single-byte text (ASCII or UTF-8)", position=1,
            hint="convert it, e.g. `iconv -f UTF-16 -t UTF-8 FILE > FILE-utf8.835`, or save it as UTF-8 or ANSI",
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")  # X12 basic/extended character sets are single-byte


def delimiters(text: str) -> Delimiters:
    if not text.startswith("ISA"):
        raise RemittanceError(
            "the file does not start with an ISA segment: not an X12 interchange", position=1, hint=HINT
        )
    if len(text) < 106:  # the ISA segment has a fixed length of 106 characters
        raise RemittanceError(
            f"the ISA segment is cut short ({len(text)} of its 106 characters): the file is truncated",
            position=1, hint=HINT,
        )
    element = text[3]
    seps = [i for i, ch in enumerate(text[:200]) if ch == element]
    if len(seps) < 16 or element.isalnum():
        raise RemittanceError("the ISA segment is incomplete (16 elements expected)", position=1, hint=HINT)
    component = text[seps[15] + 1]
    terminator = text[seps[15] + 2]
    repetition = text[seps[10] + 1] if seps[11] - seps[10] == 2 else "^"
    if component.isalnum() or terminator.isalnum() or len({element, component, terminator}) < 3:
        raise RemittanceError("the ISA delimiters are not distinct separators", position=1, hint=HINT)
    return Delimiters(element, component, terminator, repetition if not repetition.isalnum() else "^")


_SEGMENT_ID = re.compile(r"[A-Za-z][A-Za-z0-9]{1,2}")


def segments(text: str, delims: Delimiters) -> Iterator[Segment]:
    """Every non-empty segment with its position; line breaks around terminators are ignored."""
    position = 0
    for raw in text.split(delims.segment):
        raw = raw.strip("\r\n\t ")
        if not raw:
            continue
        position += 1
        elements = raw.split(delims.element)
        if not _SEGMENT_ID.fullmatch(elements[0]):
            # a segment written with another separator would be all "id": its content (names, member ids) is never
            # quoted, only where it is and which separator the ISA declares
            raise RemittanceError(
                "it does not start with a segment identifier: its elements are not separated by "
                f"{delims.element!r}, the element separator the ISA segment declares", position=position,
                hint="Re-export the remittance from the payer or clearinghouse with one element separator throughout.",
            )
        yield Segment(position, elements[0].upper(), elements)


class _Walker:
    """ISA → GS → ST ... SE → GE → IEA; collects transactions and checks every count and control number."""

    def __init__(self) -> None:
        self.isa: Segment | None = None
        self.gs: Segment | None = None
        self.current: Transaction | None = None
        self.groups = 0
        self.transactions_in_group = 0
        self.done: list[Transaction] = []

    def feed(self, seg: Segment) -> None:
        handler = getattr(self, f"_on_{seg.id.lower()}", None)
        if handler is not None:
            handler(seg)
        elif self.current is None:
            raise RemittanceError(
                f"{seg.id} segment outside a transaction (ST ... SE)", position=seg.position, hint=HINT
            )
        else:
            self.current.segments.append(seg)

    def _on_isa(self, seg: Segment) -> None:
        if self.isa is not None:
            raise RemittanceError("ISA inside an open interchange (IEA missing)", position=seg.position, hint=HINT)
        self.isa, self.groups = seg, 0

    def _on_gs(self, seg: Segment) -> None:
        if self.isa is None or self.gs is not None:
            raise RemittanceError(
                "GS outside an interchange, or inside an open group (GE missing)", position=seg.position, hint=HINT
            )
        self.gs, self.transactions_in_group = seg, 0

    def _on_st(self, seg: Segment) -> None:
        if self.gs is None or self.current is not None:
            raise RemittanceError(
                "ST outside a functional group, or inside an open transaction (SE missing)",
                position=seg.position,
                hint=HINT,
            )
        if seg.get(1) != "835":
            raise RemittanceError(
                f"transaction set {seg.get(1)[:3]!r} is not an 835 remittance",
                position=seg.position,
                hint="Import 835 (health care claim payment/advice) files only.",
            )
        assert self.isa is not None
        self.current = Transaction(self.isa.get(13), self.gs.get(6), seg.get(2), [seg])

    def _on_se(self, seg: Segment) -> None:
        current = self.current
        if current is None:
            raise RemittanceError("SE without an ST", position=seg.position, hint=HINT)
        current.segments.append(seg)
        if seg.get(2) != current.control_number:
            raise RemittanceError("SE02 does not match the ST02 control number", position=seg.position, hint=HINT)
        if seg.get(1) != str(len(current.segments)):
            raise RemittanceError(
                f"SE01 counts {seg.get(1)[:6]} segments but the transaction has {len(current.segments)}",
                position=seg.position,
                hint=HINT,
            )
        self.done.append(current)
        self.current = None
        self.transactions_in_group += 1

    def _on_ge(self, seg: Segment) -> None:
        if self.gs is None or self.current is not None:
            raise RemittanceError(
                "GE without a GS, or before the SE of its last transaction", position=seg.position, hint=HINT
            )
        if seg.get(1) != str(self.transactions_in_group) or seg.get(2) != self.gs.get(6):
            raise RemittanceError("GE count or control number does not match its GS", position=seg.position, hint=HINT)
        self.gs = None
        self.groups += 1

    def _on_iea(self, seg: Segment) -> None:
        if self.isa is None or self.gs is not None:
            raise RemittanceError(
                "IEA without an ISA, or before the GE of its last group", position=seg.position, hint=HINT
            )
        if seg.get(1) != str(self.groups) or seg.get(2) != self.isa.get(13):
            raise RemittanceError(
                "IEA count or control number does not match its ISA", position=seg.position, hint=HINT
            )
        self.isa = None

    def finish(self, last: int) -> list[Transaction]:
        if self.current is not None or self.gs is not None or self.isa is not None:
            still_open = self.current or self.gs or self.isa
            opened = still_open.position  # type: ignore[union-attr]
            raise RemittanceError(
                f"the file ends inside the envelope opened at segment {opened} (truncated?)", position=last, hint=HINT
            )
        if not self.done:
            raise RemittanceError("the interchange holds no 835 transaction", position=last, hint=HINT)
        return self.done


def transactions(text: str) -> tuple[list[Transaction], int, Delimiters]:
    """All transactions of every interchange in the file, the segment count and the delimiters."""
    stripped = text.lstrip("\ufeff\r\n\t ")
    if not stripped:  # said as such, not as a file that "does not start with an ISA segment"
        raise RemittanceError("the file is empty" + (": it holds only blank space" if text.strip("\ufeff") else ""),
                              hint="check that the download or transfer finished; " + HINT[0].lower() + HINT[1:])
    text = stripped
    delims = delimiters(text)
    walker = _Walker()
    last = 0
    for seg in segments(text, delims):
        walker.feed(seg)
        last = seg.position
    return walker.finish(last), last, delims
