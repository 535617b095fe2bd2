"""User names built from a person's name, found by what stands before them.

'user=lwojcik', '"therapist":"kpatel2"', "exported by jdoe", "LOGIN kkahananui OK", "READ by kpalakiko"; and in tickets
and label printouts: "Assignee: ravi.s", "Comment (tmoreno-qa):", "Coll: 2026-11-30 07:42  by jbaptiste". One dot may
join its parts ("m.vanderberg", "ravi.s"). A login whose every part is a common English word ("by phone", "by the
team") or a system account ("svc_claims") is none; after a ticket's people field ("Assignee:") any login is one.
Logins built from a name found elsewhere in the text are `neighbours.name_logins`; bare logins shaped from names
("t.achterberg", "rgonzalez") are `bare_logins`.
"""

from __future__ import annotations

import re

from assistant.phi import patterns as p

Span = tuple[int, int, str, float]

_VERBS = (
    r"exported|entered|signed|created|edited|printed|faxed|collected|drawn|verified|scanned|labell?ed|filled"
    r"|dispensed|reviewed|approved|prepared|submitted|uploaded|reported|completed|recorded|documented|witnessed"
)
LOGIN = re.compile(
    r"(?:\b(?i:user|username|userid|user_id|user\.name|user\.id|uid|login|therapist|clinician|author|signed_by|entered_by)"
    rf'(?: ?"[ \t]*:[ \t]*"|=)|\b(?i:{_VERBS})\b[^\n]{{0,30}}?[ \t]by[ \t]+'
    # an audit line: "LOGIN kkahananui OK", "READ by kpalakiko", "viewed by jdoe"
    r"|\b(?i:login|logon|logged[ \t]+in[ \t]+as:?|(?:read|viewed|accessed|opened|modified|updated)[ \t]+by)[ \t]+"
    # a ticket's people and a comment's author: "Assignee: ravi.s", "Comment (tmoreno-qa):"
    r"|(?P<ticket>\b(?i:assignee|reporter|assigned[ \t]+to|owner|reviewer|approver|watchers?|commenter)[ \t]*:?[ \t]+"
    r"|\b(?i:comment|reply|update|edit)[ \t]*\((?=[a-z][^()\n]{0,30}\)[ \t]*:))"
    # a time, then "by": "07:42  by jbaptiste"
    r"|\b\d{1,2}:\d{2}(?::\d{2})?[ \t]+by[ \t]+)"
    r"(?:(?i:user)[ \t]+)?"
    r"(?P<value>[a-z](?:[a-z0-9_\-]*+\.)?[a-z0-9_\-]{3,24}+|[a-z][a-z0-9_\-]{2,24}+\.[a-z]{1,2})(?![\w.@])"
)


def find_logins(text: str) -> list[Span]:
    from assistant.phi.lexicon import get_lexicon

    lex = get_lexicon()
    return bare_logins(text) + [
        (m.start("value"), m.end("value"), "PERSON", 0.85)
        for m in LOGIN.finditer(text)
        if not p.SYSTEM_ACCOUNT.match(m.group("value"))
        and (_rare(lex, m.group("value")) if m.group("ticket") is None else m.group("value") not in _NOBODY)
    ]


# what a ticket's people fields hold when no person is named
_NOBODY = frozenset(["unassigned", "none", "nobody", "tbd", "team", "queue", "triage", "anyone", "everyone"])


def _rare(lex: object, value: str) -> bool:
    """A part of three letters or more that English seldom uses: "tmoreno-qa", "ravi.s"; not "follow-up"."""
    parts = [part.rstrip("0123456789") for part in re.split(r"[.\-_]", value)]
    return any(len(part) >= 3 and lex.zipf(part) < 3.0 for part in parts)  # type: ignore[attr-defined]


# A bare login shaped from a name, wherever it stands: "t.achterberg", "p.raghunathan", "bill.m", "dao.thi.thu",
# "dr.whitman", and glued "rgonzalez", "mvanwyk2" (an initial, then a listed surname, the whole unknown to English).
DOTTED = re.compile(
    r"(?<![\w.@/\\\-])(?P<value>[a-z]{1,12}+(?:\.[a-z]{1,20}+){1,2}+)\d{0,3}(?![\w@/\\\-]|\.\w|[ \t]*=)"
)
GLUED = re.compile(r"(?<![\w.@/\\\-])(?P<value>[a-z][a-z]{4,16}+)\d{0,3}(?![\w@/\\\-]|\.\w)")
# what dotted lower-case words are when they are no login: abbreviations, file types, domains
_NOT_PARTS = frozenset(
    [
        "com",
        "org",
        "net",
        "edu",
        "gov",
        "io",
        "us",
        "uk",
        "ca",
        "au",
        "test",
        "pdf",
        "doc",
        "docx",
        "txt",
        "csv",
        "xml",
        "json",
        "html",
        "htm",
        "jpg",
        "jpeg",
        "png",
        "gif",
        "tif",
        "tiff",
        "zip",
        "log",
        "eg",
        "ie",
        "am",
        "pm",
        "bid",
        "tid",
        "qid",
        "qd",
        "po",
        "npo",
        "prn",
        "hs",
        "qh",
        "qhs",
        "ac",
        "pc",
        "vs",
        "etc",
        "al",
        "st",
        "ave",
        "rd",
        "mg",
        "ml",
    ]
)
_TITLES = frozenset({"dr", "mr", "mrs", "ms", "mx"})


def _dotted(lex: object, parts: list[str]) -> bool:
    def listed(w: str) -> bool:
        return bool(lex.first.get(w) or lex.last.get(w))  # type: ignore[attr-defined]

    if any(part in _NOT_PARTS for part in parts):
        return False
    first, last = parts[0], parts[-1]
    if len(first) == 1 and len(last) >= 3:  # "t.achterberg"
        return listed(last) or lex.zipf(last) < 2.0  # type: ignore[attr-defined]
    if first in _TITLES and len(last) >= 3:  # "dr.whitman"
        return True
    if len(first) >= 3 and len(last) == 1:  # "bill.m", "ravi.s"
        return 0 < lex.first.get(first, 0) <= 2000  # type: ignore[attr-defined]
    return all(len(x) >= 2 and listed(x) and lex.zipf(x) < 4.0 for x in parts) and any(lex.zipf(x) < 3.5 for x in parts)  # type: ignore[attr-defined]


def bare_logins(text: str) -> list[Span]:
    from assistant.phi.lexicon import get_lexicon

    lex = get_lexicon()
    out: list[Span] = []
    if "." in text:
        out += [
            (m.start(), m.end(), "PERSON", 0.8) for m in DOTTED.finditer(text) if _dotted(lex, m["value"].split("."))
        ]
    for m in GLUED.finditer(text):
        word, tail = m["value"], m["value"][1:]
        if not _in_a_field(text, m.start(), m.end()):
            continue  # in running text an unknown word is as often another language's ("treino", "sonda")
        if lex.zipf(word) == 0 and 0 < lex.last.get(tail, 0) <= 3000 and not p.SYSTEM_ACCOUNT.match(word):
            out.append((m.start(), m.end(), "PERSON", 0.8))
    return out


_FIELD_EDGE = re.compile(r"[ \t]*(?:[|\t:=/,(]|$)")


def _in_a_field(text: str, start: int, end: int) -> bool:
    """A value standing alone in a cell, after a label or at a line's start: "| mvanwyk2 |", "Dispatcher: rgonzalez"."""
    before = text[max(0, start - 2) : start]
    alone_before = start == 0 or before.endswith("\n") or before[-1:] in "|\t:=/(" or before in ("  ", ": ", "| ")
    after = _FIELD_EDGE.match(text, end)
    return alone_before and (after is not None or text.startswith("  ", end))
