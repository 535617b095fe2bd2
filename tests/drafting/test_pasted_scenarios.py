"""The development scenarios re-expressed as pasted 835 excerpts: each one whose denial is a typed code list is run
again with its codes laid out as CLP/SVC/CAS/LQ segments (four paste shapes in turn), and must get the same
recommendation and route as the typed codes. Synthetic: the segments follow the X12 835 5010 layouts."""

from __future__ import annotations

import re
from typing import Any

import pytest

from evals.suites import appeals

_CODE = re.compile(r"^(?:(CO|PR|OA|PI|CR)-?([A-Z]?\d{1,3})|(MA\d{1,3}|[MN]\d{1,3}))$")
_INDICATOR = {"medicare": "MB", "medicare_advantage": "16", "medicaid": "MC", "commercial": "12"}


def _codes(denial: str) -> tuple[list[tuple[str, str]], list[str]] | None:
    tokens = [t for t in re.split(r"[\s,;/]+", denial.strip()) if t]
    found = [_CODE.match(t.upper()) for t in tokens]
    if not tokens or not all(found) or not any(m and m.group(1) for m in found):
        return None
    groups = [(m.group(1), m.group(2)) for m in found if m and m.group(1)]
    return groups, [m.group(3) for m in found if m and m.group(3)]


def _excerpt(claim: dict[str, Any], adjustments: list[tuple[str, str]], remarks: list[str], shape: int) -> str:
    lines = claim["lines"]
    denied = [ln for ln in lines if ln.get("denied")] or lines
    segments = [f"CLP*SYN-1*4*200*0**{_INDICATOR.get(claim.get('payer_type', ''), 'ZZ')}*2226000000001"]
    for ln in lines:
        composite = ":".join(["HC", ln["code"], *ln.get("modifiers", [])])
        if ln in denied:
            segments += [f"SVC*{composite}*100*0**{ln.get('units', 1)}"]
            segments += [f"CAS*{g}*{c}*100" for g, c in adjustments] + [f"LQ*HE*{r}" for r in remarks]
        else:
            segments += [f"SVC*{composite}*100*80**{ln.get('units', 1)}", "CAS*CO*45*20"]
    flat = "~".join(segments) + "~"
    return [flat, "\n".join(segments), "\n".join(flat[i:i + 60] for i in range(0, len(flat), 60)),
            flat.replace("*", "|").replace(":", ">")][shape % 4]


def _scenarios() -> list[dict[str, Any]]:
    out = []
    for item in appeals.load_scenarios():
        claim = item.get("claim") or {}
        lines = claim.get("lines") or []
        # the excerpt puts the codes on the denied lines: the claim must say which (or have one line)
        said = len(lines) == 1 or any(ln.get("denied") for ln in lines)
        if _codes(item["denial"]) is not None and said and all("code" in ln for ln in lines):
            out.append(item)
    return out


@pytest.mark.slow
def test_a_denial_pasted_as_an_835_excerpt_is_answered_like_its_typed_codes() -> None:
    from assistant.service import Assistant

    assistant = Assistant()
    scenarios = _scenarios()
    assert len(scenarios) >= 15
    for shape, item in enumerate(scenarios):
        day = appeals.clock_for(item, None)
        assistant.clock = lambda day=day: day  # type: ignore[misc]
        codes = _codes(item["denial"])
        assert codes is not None
        typed = assistant.draft_appeal(item["denial"], item["note"], claim=item["claim"],
                                       denial_text=item.get("denial_text"))
        pasted = assistant.draft_appeal(_excerpt(item["claim"], *codes, shape), item["note"], claim=item["claim"],
                                        denial_text=item.get("denial_text"))
        assert (pasted.recommendation, pasted.route) == (typed.recommendation, typed.route), item["id"]
        assert [c.code for c in pasted.denial.carcs] == [c.code for c in typed.denial.carcs], item["id"]
