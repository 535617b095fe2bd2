"""Where each sentence of a draft note belongs, from the facts the note-check extractor finds in it (pure).

Sentences are cut as clinicians write them (`sentences.sentence_spans`): "B. Sandoval OTR/L" stays
whole, "3/11/25 OT. worked w/ dtr …" splits. A sentence goes to the section of the first fact kind
in `CHECK_BY_FACT` it holds (the section is that check's rule's `rewrite_section`), unless the writer
labelled it ("goal: safe tub transfers" files under the goal although it names a skill; labels are
the rules' `keywords`); a sentence
with no fact stays with the one before it (a wrapped thought), and the fact-less lines that
open the note (title, patient identifiers) open it under the first section. The note's own order
is kept within every section.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from assistant.drafting.brief import CHECK_BY_FACT, Placement
from assistant.drafting.facts import normalize_space
from assistant.drafting.sentences import sentence_spans
from assistant.knowledge.loader import Knowledge

_RANK = {kind: i for i, (kind, _) in enumerate(CHECK_BY_FACT)}
_LABEL = re.compile(r"(?:(?:POC|LTG|STG|plan[ -]of[ -]care)\s+)?([A-Za-z][A-Za-z0-9 #/&-]{0,40}?)\s*:", re.IGNORECASE)
# a label that refers to the plan of care's goals ("Training supports POC LTG #2:") files under the goal
_GOAL_WORDS = re.compile(r"\b(?:POC|LTG|STG|goals?|plan[ -]of[ -]care)\b", re.IGNORECASE)


def _kinds_in(facts: Iterable[Any], start: int, end: int) -> list[str]:
    return [f.kind for f in facts if f.kind in _RANK and start <= f.span.start < end]


def headings_by_fact(kb: Knowledge) -> dict[str, str]:
    """Fact kind → the rewrite section of the check it speaks for."""
    return {kind: kb.rules[check].rewrite_section for kind, check in CHECK_BY_FACT if check in kb.rules}


def headings_by_label(kb: Knowledge) -> dict[str, str]:
    """A label a clinician writes before a sentence ("goal:", "consent:") → the section of its rule."""
    return {
        word.lower(): rule.rewrite_section
        for rule in kb.rules.values()
        if rule.rewrite_section
        for word in rule.keywords
    }


def _labelled(sentence: str, labels: dict[str, str]) -> str | None:
    """The section a writer's label names: the label itself, else the first of its parts ("Need/goal:" → goal), else
    the goal section when the label refers to the plan's goals."""
    m = _LABEL.match(sentence)
    if not m:
        return None
    label = m.group(1).strip().lower()
    parts = [label, *(p.strip() for p in re.split(r"[/&]| and ", label))]
    found = next((labels[p] for p in parts if p in labels), None)
    if found is None and _GOAL_WORDS.search(label):
        found = labels.get("goal")
    return found


def plan_sentences(
    note: str,
    facts: list[Any],
    headings: dict[str, str],
    first_heading: str,
    skip: list[tuple[int, int]] | None = None,
    labels: dict[str, str] | None = None,
) -> list[Placement]:
    """Every sentence of `note`, in order, with its section; sentences overlapping `skip` spans are left out."""
    out: list[Placement] = []
    current = first_heading
    for start, end in sentence_spans(note):
        if any(a < end and start < b for a, b in skip or []):
            continue
        kinds = [k for k in _kinds_in(facts, start, end) if headings.get(k)]
        labelled = _labelled(note[start:end], labels or {})
        if labelled:
            current = labelled
        elif kinds:
            current = headings[min(kinds, key=_RANK.__getitem__)]
        out.append(Placement(text=normalize_space(note[start:end]), heading=current))
    return out
