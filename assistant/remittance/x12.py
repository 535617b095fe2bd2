"""The x12sdk seam: TR3 (005010X221A1) validation of one loop at a time.

x12sdk's typed models know the 835 implementation guide (element types, code lists such as
CLP06, repeat counts, the claim balance CLP03 - CLP04 = sum of CAS). Its reader validates a
whole transaction at once, so one bad claim loses the whole payment, and a second PLB (allowed
by the TR3) fails it. Here each loop is validated on its own: a bad claim is reported with the
position of the offending segment and element (`CLP03`), and the rest of the file is read.
See docs/remittance.md for the measurements behind this choice.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel, ValidationError
from x12sdk.v5010.segments import LxSegment, PlbSegment
from x12sdk.v5010.x12_835_005010X221A1 import loops

from assistant.remittance.envelope import Delimiters, Segment

Header, Payer, Payee, ClaimLoop, LineLoop = (
    loops.Header,
    loops.Loop1000A,
    loops.Loop1000B,
    loops.Loop2100,
    loops.Loop2110,
)
Plb, Lx = PlbSegment, LxSegment


def _is_list(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin is list:
        return True
    if origin in (typing.Union, types.UnionType):
        return any(_is_list(a) for a in typing.get_args(annotation))
    return False


def _segment_class(annotation: Any) -> Any:
    args = typing.get_args(annotation)
    while args:
        annotation = next(a for a in args if a is not type(None))
        args = typing.get_args(annotation)
    return annotation


@cache
def loop_fields(loop: type[BaseModel]) -> dict[str, tuple[type[BaseModel], bool]]:
    """Segment id → (x12sdk segment class, repeats) for a loop model ('CAS' → (Loop2100CasSegment, True))."""
    out = {}
    for name, info in loop.model_fields.items():
        if name.endswith("_segment"):
            out[name.removesuffix("_segment").upper()] = (_segment_class(info.annotation), _is_list(info.annotation))
    return out


@cache
def element_names(segment: type[BaseModel]) -> tuple[str, ...]:
    return tuple(n for n in segment.model_fields if n != "delimiters")


@cache
def _repeating(segment: type[BaseModel]) -> frozenset[str]:
    return frozenset(n for n, i in segment.model_fields.items() if n != "delimiters" and _is_list(i.annotation))


class ShapeError(ValueError):
    """A segment with more elements than the TR3 defines."""


def to_fields(segment_class: type[BaseModel], seg: Segment, delims: Delimiters) -> dict[str, Any]:
    names = element_names(segment_class)
    if len(seg.elements) > len(names):
        raise ShapeError(f"{seg.id} has {len(seg.elements) - 1} elements; the TR3 defines {len(names) - 1}")
    repeating = _repeating(segment_class)
    out: dict[str, Any] = {}
    for name, value in zip(names, seg.elements, strict=False):
        out[name] = (value.split(delims.repetition) if name in repeating else value) if value else None
    return out


@dataclass
class LoopBuilder:
    """The segments of one loop, as x12sdk field dicts, with where each came from."""

    loop: type[BaseModel]
    first: Segment

    def __post_init__(self) -> None:
        self.data: dict[str, Any] = {}
        self.positions: dict[tuple[str, int], int] = {}
        self.children: list[LoopBuilder] = []

    def accepts(self, seg_id: str) -> bool:
        return seg_id in loop_fields(self.loop)

    def add(self, seg: Segment, delims: Delimiters) -> None:
        segment_class, repeats = loop_fields(self.loop)[seg.id]
        key = f"{seg.id.lower()}_segment"
        fields = to_fields(segment_class, seg, delims)
        if repeats:
            self.data.setdefault(key, []).append(fields)
            self.positions[(key, len(self.data[key]) - 1)] = seg.position
        elif key in self.data:
            raise ShapeError(f"{seg.id} repeated where the TR3 allows it once")
        else:
            self.data[key] = fields
            self.positions[(key, 0)] = seg.position

    def validate(self) -> Any:
        data = dict(self.data)
        if self.children:
            data["loop_2110"] = [child.data for child in self.children]
        return self.loop.model_validate(data)

    def locate(self, loc: tuple[Any, ...]) -> tuple[int, str]:
        """The segment position and element reference (CLP03) of a pydantic error location."""
        if loc and loc[0] == "loop_2110" and len(loc) > 1 and isinstance(loc[1], int) and loc[1] < len(self.children):
            return self.children[loc[1]].locate(loc[2:])
        if not loc or not isinstance(loc[0], str) or not loc[0].endswith("_segment"):
            return self.first.position, self.first.id
        key = loc[0]
        index = loc[1] if len(loc) > 1 and isinstance(loc[1], int) else 0
        position = self.positions.get((key, index), self.first.position)
        seg_id = key.removesuffix("_segment").upper()
        field = next((p for p in loc[1:] if isinstance(p, str)), None)
        segment_class = loop_fields(self.loop).get(seg_id, (None, False))[0]
        if field and segment_class is not None and field in element_names(segment_class):
            return position, f"{seg_id}{element_names(segment_class).index(field):02d}"
        return position, seg_id


def describe(error: ValidationError, builder: LoopBuilder) -> tuple[int, str]:
    """Position and a message about the first error, naming the element, never quoting its value."""
    first = error.errors()[0]
    position, ref = builder.locate(tuple(first.get("loc", ())))
    kind = first.get("type", "invalid")
    text = {
        "decimal_parsing": "is not a number",
        "missing": "is required and missing",
        "enum": "is not a code the TR3 allows",
        "string_type": "is required and empty",
        "value_error": "does not balance or is invalid",
    }.get(kind, f"is invalid ({kind})")
    if kind == "value_error" and "balance" in str(first.get("msg", "")):
        text = "does not balance: charge - paid differs from the sum of the adjustments"
    return position, f"{ref} {text}"
