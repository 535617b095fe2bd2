"""Where each sentence of a draft note belongs, from the facts the note-check extractor finds in it (pure).

Sentences are cut as clinicians write them (`sentences.sentence_spans`): "B. Sandoval OTR/L" stays
whole, "3/11/25 OT. worked w/ dtr …" splits. A sentence goes to the section of the fact it opens with
(the section is that check's rule's `rewrite_section`): what a sentence states comes first ("Taught
transfers …; husband return demo'd x2" is the teaching, "Husband return-demonstrated transfers" the
demonstration). Who was trained (a caregiver mention) decides only when nothing else does, and a
stated goal outranks the skill or risk it names ("pt fall risk, POC goal 4 stairs" is the need).
A writer's label decides first ("goal: safe tub transfers"; labels are the rules' `keywords`, a word
of the label, or a word for the need or the plan's goals: "Need: falls at home"); a sentence
with no fact stays with the one before it (a wrapped thought), and the fact-less lines that
open the note (title, patient identifiers) open it under the first section. The note's own order
is kept within every section.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import Any

from assistant.drafting.brief import CHECK_BY_FACT, Placement
from assistant.drafting.facts import normalize_space
from assistant.drafting.sentences import sentence_spans
from assistant.knowledge.loader import Knowledge

_KINDS = frozenset(kind for kind, _ in CHECK_BY_FACT)
_LABEL = re.compile(r"(?:(?:POC|LTG|STG|plan[ -]of[ -]care)\s+)?([A-Za-z][A-Za-z0-9 #/&-]{0,40}?)\s*:", re.IGNORECASE)
# a label that refers to the plan of care's goals ("Training supports POC LTG #2:") files under the goal
_GOAL_WORDS = re.compile(r"\b(?:POC|LTG|STG|goals?|plan[ -]of[ -]care|needs?)\b", re.IGNORECASE)
# the person trained is named in sentences of every section; the content of the training is what a goal names
_WHO = frozenset({"caregiver"})
_CONTENT = frozenset({"skill", "skilled_need"})


def _by_start(facts: Iterable[Any]) -> tuple[list[int], list[str]]:
    """The placing facts' starts and kinds, in the note's order (sorted once: a sentence's facts are then a run
    found by bisection, not a scan of every fact for every sentence)."""
    ordered = sorted((f for f in facts if f.kind in _KINDS), key=lambda f: f.span.start)
    return [f.span.start for f in ordered], [f.kind for f in ordered]


def _overlaps(merged: list[tuple[int, int]], ends: list[int], start: int, end: int) -> bool:
    """Does [start, end) meet one of `merged` (sorted, disjoint spans; `ends` their ends)?"""
    k = bisect_right(ends, start)
    return k < len(merged) and merged[k][0] < end


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _leading_kind(kinds: list[str]) -> str:
    """The kind a sentence opens with, the caregiver mention aside; a goal over the content it names."""
    stated = [k for k in kinds if k not in _WHO] or kinds
    if stated[0] in _CONTENT and "goal" in stated:
        return "goal"
    return stated[0]


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
    the first of its words ("Skilled need:" → skilled need), else the goal section when the label refers to the need
    or the plan's goals ("Need:")."""
    m = _LABEL.match(sentence)
    if not m:
        return None
    label = m.group(1).strip().lower()
    parts = [label, *(p.strip() for p in re.split(r"[/&]| and ", label)), *label.split()]
    found = next((labels[p] for p in parts if p in labels), None)
    if found is None and _GOAL_WORDS.search(label):
        found = labels.get("goal")
    return found


# a line that opens a discipline's own session ("PT SESSION (Q. Harrow, PT, DPT) 09:00-09:30 (30 min): Goal ...
# Taught ..."): in a note of two disciplines' sessions, what follows on that line is what that therapist taught
_SESSION_LINE = re.compile(r"^[ \t]*(?P<d>PT|OT|SLP|ST)\b[ \t]*(?i:session|visit|caregiver training|training)\b", re.M)


def _session_lines(note: str) -> dict[int, int]:
    """Start → end of each line that opens a discipline's session, when sessions of two or more disciplines are
    written so (hostile16 #15: the rewrite filed PT's and OT's teaching under one heading, away from who taught)."""
    found = list(_SESSION_LINE.finditer(note))
    if len({m["d"] for m in found}) < 2:
        return {}
    return {m.start(): (e if (e := note.find("\n", m.start())) >= 0 else len(note)) for m in found}


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
    starts, kinds_at = _by_start(facts)
    merged = _merged(skip or [])
    ends = [b for _, b in merged]
    sessions, held_to = _session_lines(note), -1
    session_starts = sorted(sessions)
    for start, end in sentence_spans(note):
        if _overlaps(merged, ends, start, end):
            continue
        kinds = [k for k in kinds_at[bisect_left(starts, start) : bisect_left(starts, end)] if headings.get(k)]
        labelled = _labelled(note[start:end], labels or {})
        k = bisect_right(session_starts, start) - 1  # the session line the sentence is on, if any
        on_session = k >= 0 and start < sessions[session_starts[k]]
        if start < held_to:
            pass  # the rest of a session's line stays with the clinician who taught it
        elif labelled:
            current = labelled
        elif kinds:
            current = headings[_leading_kind(kinds)]
        if on_session and start >= held_to:
            held_to = sessions[session_starts[k]]
        out.append(Placement(text=normalize_space(note[start:end]), heading=current))
    return out
