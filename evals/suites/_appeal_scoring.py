"""Per-scenario scores for the appeals suite (pure apart from reading the result).

Scenarios write claims the way billers do (claim_number | claim_id | icn, date_of_service | dos,
member_id | mbi …), sometimes with no claim at all; the scorer reads them the same way.
"""

from __future__ import annotations

import json
from typing import Any

from assistant.drafting.claims import ALIASES

PRIMARY = frozenset({"cpt", "cms", "mac"})
# every name the claim model reads them under (a claim may say "pcn" or "service_date")
_CLAIM_NUMBER_KEYS = ("icn", *ALIASES["icn"], "claim_number", *ALIASES["claim_number"])
_DOS_KEYS = ("date_of_service", *ALIASES["date_of_service"])


def kb_text(kb: Any) -> str:
    parts: list[str] = []
    for s in kb.sources.values():
        parts += [s.title, s.summary, *s.passages]
    for p in kb.denial_patterns.values():
        parts += [p.title, p.situation, *p.argument, *p.attachments, *(x for v in p.arguments_when.values() for x in v)]
    parts += [rc.meaning for rc in kb.reason_codes.values()]
    return "\n".join(parts)


def _key(line: Any) -> tuple[str, int, tuple[str, ...]]:
    if isinstance(line, dict):
        return str(line["code"]), int(line.get("units", 1)), tuple(sorted(line.get("modifiers") or []))
    return line.code, line.units, tuple(sorted(line.modifiers))


def lines_match(expected: list[dict[str, Any]], got: list[Any], kb: Any) -> bool:
    """The caregiver-training lines of the corrected claim, exactly (same-day lines are not labelled)."""
    cts = {c for c, info in kb.codes.items() if info.family in ("cts", "direct_care")}
    return sorted(_key(x) for x in expected) == sorted(_key(x) for x in got if x.code in cts)


def _letter_text(result: Any) -> str:
    from assistant.drafting.render import render_letter

    return render_letter(result.letter, with_evidence=False) if result.letter else ""


def identifiers_present(item: dict[str, Any], result: Any) -> bool | None:
    """Claim number and date of service in the letter, as values or as visible placeholders."""
    if result.letter is None:
        return None
    from assistant.drafting.facts import dates

    text = _letter_text(result)
    claim = item.get("claim") or {}
    number = next((str(claim[k]) for k in _CLAIM_NUMBER_KEYS if claim.get(k)), None)
    dos = next((str(claim[k]) for k in _DOS_KEYS if claim.get(k)), None)
    number_ok = number in text if number else "[[Claim number" in text
    dos_ok = bool(dates(dos) & dates(text)) if dos else ("[[Date of service]]" in text or bool(dates(text)))
    return number_ok and dos_ok


def _letter_citations(result: Any, kb: Any) -> tuple[int, int]:
    cited = [
        sid
        for sec in (result.letter.sections if result.letter else [])
        for st in sec.statements
        for sid in st.source_ids
    ]
    primary = sum(1 for sid in cited if sid in kb.sources and kb.sources[sid].authority in PRIMARY)
    return primary, len(cited)


def _problems(item: dict[str, Any], result: Any, body: str, kb_all: str) -> list[str]:
    from assistant.drafting.facts import new_facts
    from assistant.drafting.gate import INJECTION

    exp = item["expected"]
    output = " ".join(
        [
            _letter_text(result),
            *(r.text for r in result.reasons),
            *(q for r in result.reasons for q in r.quotes),
            *result.actions,
        ]
    ).lower()
    problems = [f"forbidden {f!r}" for f in exp.get("forbidden", []) if f.lower() in output]
    if INJECTION.search(body):
        problems.append("instruction-like phrase in the letter")
    allowed = "\n".join(
        [
            item["note"],
            item["denial"],
            result.denial.label,  # the codes as parsed ("CO 11" is written "CO-11" in the letter)
            json.dumps(item.get("claim") or {}),
            " ".join(f"{ln.code} x{ln.units} {' '.join(ln.modifiers)}" for ln in result.supported_lines),
            kb_all,
        ]
    )
    problems += [f"invented {kind}: {sorted(v)[:3]}" for kind, v in new_facts(body, allowed).items()]
    return problems


def _required(item: dict[str, Any], result: Any, kb: Any, quotes: list[str]) -> list[tuple[str, bool]]:
    from assistant.drafting.facts import normalize_space

    exp = item["expected"]
    required: list[tuple[str, bool]] = []
    if exp["recommendation"] == "appeal":
        pattern = kb.denial_patterns.get(exp.get("pattern") or result.pattern_id or "")
        present = {s.id for s in result.letter.sections if s.statements} if result.letter else set()
        required += [(f"section {sid}", sid in present) for sid in (pattern.required_sections if pattern else [])]
        quoted = normalize_space(" ".join(quotes))
        required += [(f"quote {q!r}", normalize_space(q) in quoted) for q in exp.get("must_quote", [])]
    else:
        required.append(("no persuasive letter", result.letter is None))
    said = " ".join([*(r.text for r in result.reasons), *result.actions, result.route_reason]).lower()
    return required + [(f"mention {m!r}", m.lower() in said) for m in exp.get("must_mention", [])]


#: Route names an author may write for a route the product names otherwise (round 11's author wrote `alj_hearing` for
#: the third Medicare level, which the product calls `alj`): the same route, so scored as equal.
ROUTE_ALIASES = {"alj_hearing": "alj"}


def _route_ok(exp: dict[str, Any], route: str) -> bool | None:
    if "route" not in exp:
        return None
    return ROUTE_ALIASES.get(exp["route"], exp["route"]) == route


def _deadline_ok(exp: dict[str, Any], result: Any) -> bool | None:
    """The filing deadline the scenario states (`deadline`, YYYY-MM-DD), where it states one."""
    if not exp.get("deadline"):
        return None
    due = result.deadline.due_date if result.deadline is not None else None
    return due is not None and due.isoformat() == str(exp["deadline"])


def score(item: dict[str, Any], result: Any, kb: Any, kb_all: str) -> dict[str, Any]:
    """Per-scenario scores."""
    from assistant.drafting.facts import normalize_space

    exp = item["expected"]
    note = normalize_space(item["note"])
    statements = [st for sec in result.letter.sections for st in sec.statements] if result.letter else []
    cited = [sid for st in statements for sid in st.source_ids] + [sid for r in result.reasons for sid in r.source_ids]
    quotes = [q.text for st in statements for q in st.quotes] + [q for r in result.reasons for q in r.quotes]
    retrieved = {s.id for s in result.sources}
    body = " ".join(st.text for st in statements)
    route = result.route or "none"
    return {
        "id": item["id"],
        "expected": exp["recommendation"],
        "got": result.recommendation,
        "route_ok": _route_ok(exp, route),
        "deadline_ok": _deadline_ok(exp, result),
        "lines_ok": lines_match(exp.get("corrected_lines") or [], result.corrected_lines, kb)
        if exp["recommendation"] == "corrected_claim" and "corrected_lines" in exp
        else None,
        "pattern_ok": result.pattern_id == exp["pattern"] if "pattern" in exp else None,
        "citations": (sum(1 for sid in cited if sid in kb.sources and sid in retrieved), len(cited)),
        "quotes": (sum(1 for q in quotes if normalize_space(q) and normalize_space(q) in note), len(quotes)),
        "primary": _letter_citations(result, kb),
        "identifiers_ok": identifiers_present(item, result),
        "forbidden": _problems(item, result, body, kb_all),
        "required": _required(item, result, kb, quotes),
        "grounding": result.grounding.outcome if result.grounding else None,
        "has_letter": result.letter is not None,
    }
