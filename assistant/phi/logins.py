"""User names built from a person's name, found by what stands before them.

'user=lwojcik', '"therapist":"kpatel2"', "exported by jdoe", "LOGIN kkahananui OK", "READ by kpalakiko"; and in tickets
and label printouts: "Assignee: ravi.s", "Comment (tmoreno-qa):", "Coll: 2026-11-30 07:42  by jbaptiste". One dot may
join its parts ("m.vanderberg", "ravi.s"). A login whose every part is a common English word ("by phone", "by the
team") or a system account ("svc_claims") is none; after a ticket's people field ("Assignee:") any login is one. Logins built from a name found elsewhere in the text are
`neighbours.name_logins`.
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
    r"(?:\b(?i:user|username|userid|user_id|login|therapist|clinician|author|signed_by|entered_by)"
    rf'(?: ?"[ \t]*:[ \t]*"|=)|\b(?i:{_VERBS})\b[^\n]{{0,30}}?[ \t]by[ \t]+'
    # an audit line: "LOGIN kkahananui OK", "READ by kpalakiko", "viewed by jdoe"
    r"|\b(?i:login|logon|logged[ \t]+in[ \t]+as|(?:read|viewed|accessed|opened|modified|updated)[ \t]+by)[ \t]+"
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
    return [
        (m.start("value"), m.end("value"), "PERSON", 0.85)
        for m in LOGIN.finditer(text)
        if not p.SYSTEM_ACCOUNT.match(m.group("value"))
        and (_rare(lex, m.group("value")) if m.group("ticket") is None else m.group("value") not in _NOBODY)
    ]


# what a ticket's people fields hold when no person is named
_NOBODY = frozenset("unassigned none nobody tbd team queue triage anyone everyone".split())


def _rare(lex: object, value: str) -> bool:
    """A part of three letters or more that English seldom uses: "tmoreno-qa", "ravi.s"; not "follow-up"."""
    parts = [part.rstrip("0123456789") for part in re.split(r"[.\-_]", value)]
    return any(len(part) >= 3 and lex.zipf(part) < 3.0 for part in parts)  # type: ignore[attr-defined]
