"""Whole-note scans of long alternations, in linear time (RE2).

Python's `re` tries every alternative at every position: a pattern of 40 service names or 30
relationship words costs ~0.5 ms per 2 KB note and more on adversarial text. RE2 compiles the
alternation to an automaton, runs in time linear in the text on any input, and is ~30x faster
here. RE2 has no lookaround: patterns passed here have none, and callers filter what a
lookaround would have ("wife's" as a possessive).

`finditer` runs a Python pattern only when RE2 says it can match at all: most of the patterns a
note is scanned with find nothing in most notes, and Python's `re` spends ~25 µs per 2 KB finding
nothing (it tries every position), RE2 ~2 µs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import re2

from assistant.notes.shadow import stand_in, usable

_UNANCHORED = re2._re2.RE2.Anchor.UNANCHORED

# What Python's \s matches in ASCII text: RE2's \s leaves out \v and \x1c-\x1f.
_PY_SPACE = r"\t-\r\x1c-\x1f "
# plain ints: testing `re` flags as enums costs more than the test is worth on every call
_IGNORECASE, _MULTILINE, _UNREADABLE = int(re.IGNORECASE), int(re.MULTILINE), int(re.DOTALL | re.VERBOSE)

@lru_cache(maxsize=256)  # every pattern of the extractor and its probes stay compiled (~40 of them)
def compiled(pattern: str, ignore_case: bool = True) -> Any:
    options = re2.Options()
    options.case_sensitive = not ignore_case
    options.max_mem = 64 << 20  # the service-word automaton needs more than the 8 MB default
    return re2.compile(pattern, options)


def spans(pattern: str, text: str, ignore_case: bool = True) -> Iterator[tuple[int, int]]:
    """(start, end) of every non-overlapping match of `pattern` in `text`."""
    regexp = compiled(pattern, ignore_case)
    if not text.isascii():
        for m in regexp.finditer(text):
            yield m.start(), m.end()
        return
    # The wrapper converts byte offsets to str offsets for every match of a str and builds a match
    # object (~3 µs a match). On ASCII text the offsets are the same: the binding's own search is asked
    # for the spans, as the wrapper does for bytes (the same loop, without the match objects).
    data, pos = text.encode("ascii"), 0
    raw = getattr(regexp, "_regexp", None)
    if raw is None:  # another google-re2 release: its public API
        for m in regexp.finditer(data):
            yield m.start(), m.end()
        return
    while True:
        span = raw.Match(_UNANCHORED, data, pos, len(data))[0]
        if span[0] == -1:
            return
        yield span
        if pos == len(data):
            return
        pos = span[1] if span[1] != pos else pos + 1  # an empty match: step on


def _found(regexp: Any, data: bytes) -> bool:
    """Whether `regexp` matches anywhere in `data` (the binding's search when available: no match object).

    Each probe runs alone. Why not one RE2::Set of every probe a note is asked (tried before): the union of
    ~60 probes with bounded repeats has a new automaton state at nearly every byte of a note it has not
    seen, ~1.2 ms per 2 KB note against ~0.2 ms for the ~40 probes a check asks one by one.
    """
    raw = getattr(regexp, "_regexp", None)
    if raw is None:
        return regexp.search(data) is not None
    return bool(raw.Match(_UNANCHORED, data, 0, len(data))[0][0] != -1)


def may_contain(necessary: str, text: str) -> bool:
    """False when RE2 finds no match of `necessary` (Python syntax, ignoring case, no lookarounds or anchors) in
    `text` (or its ASCII stand-in, shadow.py): a pattern whose every match, in the text or in any slice of it,
    contains a match of `necessary` (so no \\b at its edges) has nothing to find there."""
    data = _readable(text, necessary, _IGNORECASE)
    return data is None or _found(compiled(_as_re2(necessary, False)), data)


# The last ASCII text asked for and its bytes: a check asks ~70 probes of the same note one after another, and each
# would test and copy the whole note again. One immutable pair, replaced whole: a reader never sees half of it.
_LAST_ASCII: tuple[str, bytes] = ("", b"")


def _readable(text: str, source: str, flags: int) -> bytes | None:
    """The bytes RE2 may read for `text` with the probe written `source`: the text when ASCII, else its stand-in
    when the probe may read one (asked only then: most notes are ASCII)."""
    global _LAST_ASCII
    last = _LAST_ASCII
    if text is last[0]:
        return last[1]
    if text.isascii():
        data = text.encode("ascii")
        _LAST_ASCII = (text, data)
        return data
    return stand_in(text) if usable(source, flags) else None


@lru_cache(maxsize=256)
def _as_re2(pattern: str, multiline: bool) -> str:
    """`pattern` (Python syntax, no lookarounds) as RE2 reads it the same in ASCII text: \\s spelled out,
    `^`/`$` only in multi-line mode (where both engines match at line breaks)."""
    out, i, in_class = ["(?m)" if multiline else ""], 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            pair = pattern[i : i + 2]
            if pair == r"\S" and in_class:
                raise ValueError(f"\\S in a character class: {pattern!r}")
            out.append((_PY_SPACE if in_class else f"[{_PY_SPACE}]") if pair == r"\s" else pair)
            i += 2
            continue
        if c in "^$" and not in_class and not multiline:
            raise ValueError(f"an anchor outside multi-line mode: {pattern!r}")
        out.append(c)
        i += 1
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            for literal in ("^", "]"):  # "[^" negates; a "]" right after the opening is a literal
                if pattern[i : i + 1] == literal:
                    out.append(literal)
                    i += 1
    return "".join(out)


# the RE2 probe of each (Python pattern, necessary), found by the pattern's identity: a cache keyed by the pattern
# itself (functools.lru_cache) hashes the compiled `re.Pattern`, which hashes its whole program on every call (~17 µs
# for the place-word patterns, ~5 µs for many others: more than the RE2 search it saves). Each entry holds its
# pattern, so no other pattern can have that id while the entry is there.
_PROBED: dict[tuple[int, str | None], tuple[re.Pattern[str], Any]] = {}
# Cleared when full: patterns built per note (from a note's names) must not pile up. Cheap: the RE2 programs of the
# probes asked for again are still in `compiled`'s cache (keyed by their source): found, not compiled again.
PROBE_CACHE = 256


def _probe(pattern: re.Pattern[str], necessary: str | None) -> Any:
    key = (id(pattern), necessary)
    entry = _PROBED.get(key)
    if entry is not None and entry[0] is pattern:
        return entry[1]
    regexp = _compile_probe(pattern, necessary)
    if len(_PROBED) >= PROBE_CACHE:
        _PROBED.clear()
    _PROBED[key] = (pattern, regexp)
    return regexp


def _compile_probe(pattern: re.Pattern[str], necessary: str | None) -> Any:
    if pattern.flags & _UNREADABLE:
        raise ValueError(f"flags RE2 would read differently: {pattern.pattern!r}")
    source = necessary if necessary is not None else pattern.pattern
    return compiled(_as_re2(source, bool(pattern.flags & _MULTILINE)), bool(pattern.flags & _IGNORECASE))


def finditer(pattern: re.Pattern[str], text: str, necessary: str | None = None) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, skipped when RE2 finds no match of `necessary` in an ASCII text.

    `necessary` (default: the pattern itself) is Python syntax without lookarounds (anchors only in
    multi-line mode) that matches wherever `pattern` does: `pattern` minus its lookarounds, read with the
    same flags. In ASCII text RE2 reads such a pattern as Python does (\\w, \\b, \\d and case are ASCII in
    both; \\s is translated). Beyond ASCII they differ (case folding of "ı", "K"; Unicode \\w): RE2 then reads
    the text's ASCII stand-in (shadow.py) when `necessary` allows one, else the text is scanned with `pattern`.
    """
    data = _readable(text, pattern.pattern if necessary is None else necessary, pattern.flags)
    if data is not None and not _found(_probe(pattern, necessary), data):
        return iter(())
    return pattern.finditer(text)


def search(pattern: re.Pattern[str], text: str, necessary: str | None = None) -> re.Match[str] | None:
    """`pattern.search(text)`, skipped when RE2 finds no match of `necessary` in an ASCII text (see `finditer`).

    Why: a Python pattern that opens with `\\b(?:...)` under IGNORECASE has no literal to skip to and tries
    every position (~20-70 µs per 2 KB); most such searches find nothing, which RE2 says in ~2 µs.
    """
    data = _readable(text, pattern.pattern if necessary is None else necessary, pattern.flags)
    if data is not None and not _found(_probe(pattern, necessary), data):
        return None
    return pattern.search(text)


def line_finditer(pattern: re.Pattern[str], text: str, necessary: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern none of whose matches holds or starts at a line break, each match
    holding a match of `necessary` (Python syntax, no lookarounds, no line break in any of its matches): in ASCII
    text (or a stand-in) Python scans only the lines where RE2 finds `necessary`.

    Why: a gate (`finditer`) that passes still has Python try the pattern at every position of the note (~0.15 ms
    per 2 KB for a pattern that opens with a lookbehind); the lines that can hold a match are one or two. Each line
    is read by Python at most once, and `pattern.finditer(text, start, end)` sees the text before the line as a
    search does (lookbehinds, `^`), and the line's end as its break (`\b`, `[^\n]`): linear, the same matches.
    """
    data = _readable(text, necessary, pattern.flags)
    if data is None:
        yield from pattern.finditer(text)
        return
    regexp = _probe(pattern, necessary)
    raw = getattr(regexp, "_regexp", None)
    pos, size = 0, len(data)
    while pos <= size:
        if raw is not None:
            at = raw.Match(_UNANCHORED, data, pos, size)[0][0]
        else:
            found = regexp.search(data, pos)
            at = -1 if found is None else found.start()
        if at == -1:
            return
        start = data.rfind(b"\n", pos, at) + 1 or pos  # the line holding the match (pos opens a line)
        end = data.find(b"\n", at)
        end = size if end == -1 else end
        yield from pattern.finditer(text, start, end)
        pos = end + 1


def sparse_finditer(pattern: re.Pattern[str], text: str, starts: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern whose matches are few and short (dates, clock times,
    codes): in ASCII text RE2 finds where a match can start and `pattern` is tried only there.

    `starts` (Python syntax, no lookarounds or anchors, read with `pattern`'s flags) matches at every
    position where `pattern` matches (a prefix of each of its matches will do) and only strings of a
    bounded length (each search then reads a bounded stretch again: linear time). `pattern` never
    matches the empty string. The matches are finditer's: none of `pattern` starts before the leftmost
    match of `starts` after the previous one, and `pattern.match(text, pos)` sees the text before `pos`
    as a search does.
    """
    # once for every match: encoded per search, a match-dense text was quadratic
    data = _readable(text, starts, pattern.flags)
    if data is None:
        yield from pattern.finditer(text)
        return
    regexp = _probe(pattern, starts)  # once for the whole scan, not once per match
    pos = 0
    while (m := _sparse_search(pattern, text, regexp, pos, data)) is not None:
        yield m
        pos = m.end()


def sparse_search(pattern: re.Pattern[str], text: str, starts: str, pos: int = 0) -> re.Match[str] | None:
    """`pattern.search(text, pos)`, with `starts` as `sparse_finditer` takes it: RE2 finds the candidates."""
    data = _readable(text, starts, pattern.flags)
    if data is None:
        return pattern.search(text, pos)
    return _sparse_search(pattern, text, _probe(pattern, starts), pos, data)


def _sparse_search(pattern: re.Pattern[str], text: str, regexp: Any, pos: int, data: bytes) -> re.Match[str] | None:
    """The first match of `pattern` in `text` from `pos`, tried where `regexp` (the RE2 probe of `starts`) finds a
    match in `data` (the text's ASCII bytes or its stand-in: the same offsets)."""
    raw = getattr(regexp, "_regexp", None)
    while pos <= len(data):
        if raw is not None:
            at = raw.Match(_UNANCHORED, data, pos, len(data))[0][0]
        else:
            found = regexp.search(data, pos)
            at = -1 if found is None else found.start()
        if at == -1:
            return None
        m = pattern.match(text, at)
        if m is None:
            pos = at + 1
            continue
        if m.end() == at:
            raise ValueError(f"sparse_finditer needs a pattern that cannot match the empty string: {pattern.pattern!r}")
        return m
    return None
