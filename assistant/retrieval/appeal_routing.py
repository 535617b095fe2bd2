"""Appeal questions to the routes that answer them (pure): the amount in controversy of a level, the clerical-error
reopening for a slip on a denied line, the level after one the question says was lost ("lost the redetermination,
what's next?"), or the route the question names.
"""

from __future__ import annotations

import re
from typing import Any

from assistant.knowledge.loader import Knowledge
from assistant.retrieval.chunk_facts import aic_entry
from assistant.retrieval.negation import denied_only
from assistant.retrieval.pin import Pin, overlaps
from assistant.retrieval.understand import AIC, DEADLINE, DECISION_TIME, HEARING, Intent

# how long a level takes to decide (not "the QIC decision letter dated ...", which is the notice a limit counts from)
_DECISION = re.compile(r"\bdecide|\b(?:when|how long|how soon|how many days)\b.{0,40}\bdecision\b"
                       r"|\bdecision (?:time|timeframe|deadline)\b|take to (?:decide|respond|answer)|hear back|respond",
                       re.I)
_ROUTE_WORDS: tuple[tuple[str, str], ...] = (
    ("clerical_reopening", r"\breopen|clerical"),
    ("new_claim", r"timely filing|new claim|corrected claim|resubmit"),
    ("appeals_council", r"appeals council|\bdab\b|level 4|fourth level"),
    ("federal_court", r"federal (?:district )?court|level 5|fifth level"),
    ("alj", r"\balj\b|" + HEARING + r"|level 3|third level"),
    ("reconsideration", r"reconsideration|\bqic\b|level 2|second level"),
    ("redetermination", r"redetermination|first[- ]level|level 1|\b1st[- ](?:level|lvl)\b|\blvl 1\b"),
)
# A Medicare Advantage plan's ladder: its own first level is also called a reconsideration, and the independent review
# entity (IRE) decides the second, so a level named on an MA question is the plan's (facts: the MA ladder)
_MA_ROUTE_WORDS: tuple[tuple[str, str], ...] = (
    ("independent_review", r"\bire\b|independent review"),
    ("plan_reconsideration", r"reconsideration|first[- ]level|level 1|\b1st[- ](?:level|lvl)\b|\blvl 1\b"),
)


def route_words(payer: str | None) -> tuple[tuple[str, str], ...]:
    """(route id, words naming it) for the payer's ladder: the plan's levels on an MA question."""
    if payer != "medicare_advantage":
        return _ROUTE_WORDS
    return (*_MA_ROUTE_WORDS, *((rid, words) for rid, words in _ROUTE_WORDS
                               if rid not in ("reconsideration", "redetermination")))


# an appeal not named by level is the first level ("we have to ask them to look at it again": one in a family's words)
_ANY_APPEAL = ("redetermination", r"\bappeal\b|\btake another look\b"
                                  r"|\b(?:look at|review|go over|consider|reconsider|check)"
                                  r" (?:it|this|that|them|the \w+) (?:again|over)\b")
# "sent a reconsideration to the MAC", "file a reconsideration with Novitas": the contractor it went to decides a level
# of its own (the route's `filed_with`), which is the one filed
_TO = r"\b(?:to|with)\s+(?:the\s+|my\s+|our\s+|a\s+)?"


def _bodies(routes: dict[str, Any]) -> list[tuple[str, str]]:
    """(route id, words naming the contractor a request is filed with) for each route that names one."""
    return [(rid, _TO + r"(?:" + "|".join(re.escape(w) for w in r.filed_with) + r")\b")
            for rid, r in routes.items() if r.filed_with]


# the time to file, asked beside the amount in controversy
_FILING_LIMIT = re.compile(r"how long|deadline|how many days|time limit|by when|\bwithin\b", re.I)
_HOW_TO_FILE = re.compile(r"\bhow (?:do|can|should|would) (?:i|we|you) (?:file|request|submit|send|ask for|start)"
                         r"|\bhow to (?:file|request|submit|send|start)\b"
                         r"|\bwhat (?:goes|should go|do i put|do we put) in\b|\b(?:which|what) form\b", re.I)
_YES_NO = re.compile(r"^\s*(?:does|do|did|can|could|will|would|should)\b", re.I)
# "lost the redetermination", "QIC upheld the denial", "after the reconsideration": that level is over; the next one
# is asked about
# ("if the plan upholds its denial at reconsideration": the outcome told before the level it came at)
_LOST_BEFORE = (r"(?:\b(?:lost|after|failed)\s+(?:(?:at|the|our|my|a)\s+)*"
                r"|\b(?:upholds?|upheld|loses?)\s+(?:(?:its|the|our|their)\s+)?(?:denial\s+)?(?:at|in)\s+(?:the\s+)?)")
# (the words between name no other level: "a reconsideration after the redetermination is denied" lost the first)
_LEVEL_WORD = r"(?:after|before|redetermination|reconsideration|qic|alj|hearing|council|court|level)\b"
_OUTCOME = r"(?:denied|upheld|lost|unfavou?rable|unsuccessful|failed)\b"
# "the plan upholds its denial at reconsideration", "QIC affirmed the denial in the reconsideration": the outcome told
# before the level it came from
_UPHELD_AT = (r"\b(?:upholds?|upheld|affirm(?:s|ed)?|keeps?|kept)\s+(?:its\s+|the\s+|their\s+)?(?:denial|decision)"
              r"\s+(?:at|on|in)\s+(?:the\s+)?")
# ... or with a few words between that name what it was about, when a verb reports the outcome ("our redetermination
# on a 97550/97551 denial came back unfavorable"; not "a redetermination for the denied line", which asks to file it)
_LOST_AFTER = (r"(?:\w*\s+(?:(?:was|is|got|came back|decision|denial)\s+)*" + _OUTCOME
               + r"|\w*(?:\s+(?!" + _LEVEL_WORD + r")[\w/'-]+){1,6}?\s+(?:came back|was|were|got|is)\s+(?:\w+\s+)?"
               + _OUTCOME + ")")


def _next_level(intent: Intent, routes: dict[str, Any]) -> Pin | None:
    """The route one level above the one the question says was lost, or None."""
    for route_id, words in route_words(intent.payer):
        route = routes.get(route_id)  # on an MA question `route_words` names the plan's levels
        if route is None or route.level is None:
            continue
        lost = rf"{_LOST_BEFORE}(?:{words})|(?:{words}){_LOST_AFTER}|{_UPHELD_AT}(?:{words})"
        if re.search(lost, intent.query, re.I):
            above = [r for r in routes.values() if r.level == route.level + 1 and set(r.payer_types) & set(
                route.payer_types)]
            return Pin(f"appeal:{above[0].id}", "route", above[0]) if above else None
    return None


def clerical_pins(intent: Intent, kb: Knowledge) -> list[Pin]:
    """ "Forgot the GO and it denied": Medicare corrects a clerical slip on a denied line by a reopening."""
    routes = {r.id: r for r in kb.appeals.routes}
    if not intent.clerical or intent.payer not in (None, "medicare") or "clerical_reopening" not in routes:
        return []
    # an unprocessable claim (CARC 16, MA130) has no appeal rights and is not reopened: a new claim fixes it
    # ("No MA130 on it": a code the question says is absent does not count)
    if any(kb.reason_codes[c].unprocessable for c in intent.reason_codes
           if c in kb.reason_codes and not denied_only(c, intent.query)):
        return []
    return [Pin("appeal:clerical_reopening", "route", routes["clerical_reopening"])]


_DAYS_NAMED = re.compile(r"\bthe (\d{2,3})[- ]days?\b", re.I)


def _limit_named(intent: Intent, routes: dict[str, Any]) -> list[Pin]:
    """ "When does the 120 days start?": the one route whose filing limit is that many days (60 is several levels')."""
    days = {int(m.group(1)) for m in _DAYS_NAMED.finditer(intent.query)}
    hits = [r for r in routes.values() if r.filing_days in days and "medicare" in r.payer_types]
    return [Pin(f"appeal:{hits[0].id}", "route", hits[0])] if len(hits) == 1 else []


def decision_pins(intent: Intent, routes: dict[str, Any]) -> list[Pin]:
    """ "How long does the MAC have to decide a redetermination?": the route named (an appeal not named by level is
    the first) whose decision time the knowledge holds."""
    named = [rid for rid, words in (*_ROUTE_WORDS, _ANY_APPEAL) if re.search(words, intent.query, re.I)]
    if not named and re.search(r"\bmac\b", intent.query, re.I):
        named = ["redetermination"]
    return [Pin(f"appeal:{rid}", "decision", routes[rid]) for rid in named[:1]
            if rid in routes and routes[rid].decision_days]


# The levels that have an amount in controversy, by the words that name them
_AIC_LEVELS: tuple[tuple[str, str], ...] = (
    ("federal_court", r"\bcourt\b|level 5|fifth level"),
    ("alj", r"\balj\b|administrative law|" + HEARING + r"|\bomha\b|level 3|third level"),
)


# "QIC reconsideration / federal district court / MAC redetermination / ... / ALJ hearing": the ladder listed, whose
# order is the levels' own, not the order the question happens to list them in
_LADDER = re.compile(r"\b(?:redetermination|reconsideration|appeals? council|DAB)\b", re.I)


def aic_pins(intent: Intent, kb: Knowledge) -> list[Pin]:
    """The amount in controversy of each level the question names, in the order it names them (in level order when it
    lists the ladder; the ALJ hearing's when it names none), for each period it names ("court in 2025 vs ALJ in 2025",
    "ALJ 2025 vs 2026")."""
    named = sorted((m.start(), level) for level, words in _AIC_LEVELS if (m := re.search(words, intent.query, re.I)))
    levels = [level for _, level in named] or ["alj"]
    if _LADDER.search(intent.query):  # the levels listed to be put in order: the lower level (ALJ) comes first
        levels = [level for level, _ in _AIC_LEVELS[::-1] if level in levels]
    periods = [intent.period] if intent.period is not None else list(intent.periods)
    out: list[Pin] = []
    for level in levels:
        out += [Pin(f"appeal:{aic_entry(a)}", "aic", a) for a in kb.appeals.amount_in_controversy
                if a.route == level and (not periods or any(overlaps(a.effective_from, a.effective_to, p)
                                                           for p in periods))]
    return out


def appeal_pins(intent: Intent, kb: Knowledge) -> list[Pin]:
    """The amount in controversy, the route that corrects a clerical slip, the next level after a lost one, or the
    route the question names."""
    routes = {r.id: r for r in kb.appeals.routes}
    out: list[Pin] = []
    if AIC.search(intent.query):
        out += aic_pins(intent, kb)
        wanted = out[0].obj.route if out else "alj"
        if _FILING_LIMIT.search(intent.query) and wanted in routes:  # "... and how long do we have": both asks
            out.append(Pin(f"appeal:{wanted}", "route", routes[wanted], strong=False))
    # "does a reopening extend my deadline?" asks whether, not what the limit is; "how do I file a redetermination"
    # asks the route itself
    asks_limit = (bool(DEADLINE.search(intent.query)) and not _YES_NO.search(intent.query)) \
        or bool(_HOW_TO_FILE.search(intent.query))
    out += clerical_pins(intent, kb) + _limit_named(intent, routes)
    following = _next_level(intent, routes) if not out else None
    if following is not None:
        out.append(following)
    # how long the contractor takes is not the filing limit of the route
    if _DECISION.search(intent.query) or DECISION_TIME.search(intent.query):
        return out + decision_pins(intent, routes)
    # (not when the plan's reconsideration is the level already lost: the one after it is asked)
    if intent.payer == "medicare_advantage" and "plan_reconsideration" in routes \
            and (following is None or following.obj.id == "plan_reconsideration"):
        out.append(Pin("appeal:plan_reconsideration", "route", routes["plan_reconsideration"], strong=asks_limit))
    for route_id, words in (*_ROUTE_WORDS, _ANY_APPEAL):
        if route_id in routes and re.search(words, intent.query, re.I) and not out and not AIC.search(intent.query):
            out.append(Pin(f"appeal:{route_id}", "route", routes[route_id], strong=asks_limit))
    return _first_time(intent, routes, _sent_to(intent, routes, out))


# "first denial ever ... do I send them a reconsideration request?": no level has been decided yet
# ("1st lvl appeal = reconsideration rite?": the first level asked about under a later level's name)
_FIRST_TIME = re.compile(r"\bfirst (?:ever )?(?:denial|denied|appeal|time)\b|\binitial (?:denial|determination)\b"
                         r"|\b(?:1st|first)[- ](?:lvl|level|round)\b|\blvl 1\b"
                         r"|\bnever (?:appealed|been denied)\b", re.I)


def _first_time(intent: Intent, routes: dict[str, Any], out: list[Pin]) -> list[Pin]:
    """A first denial of a Medicare claim with a later level named ("send a reconsideration?"): Medicare's first level,
    the MAC's redetermination, leads, and the level named follows."""
    first = _FIRST_LEVEL_OF.get(intent.payer)
    if first not in routes or not _FIRST_TIME.search(intent.query) or _next_level(intent, routes) is not None:
        return out
    later = [p for p in out if p.what == "route" and p.obj.level is not None and p.obj.level > routes[first].level]
    if not later or any(p.entry == f"appeal:{first}" for p in out):
        return out
    return [Pin(f"appeal:{first}", "route", routes[first])] + [Pin(p.entry, p.what, p.obj, strong=False) for p in out]


_FIRST_LEVEL_OF = {None: "redetermination", "medicare": "redetermination"}


def _sent_to(intent: Intent, routes: dict[str, Any], out: list[Pin]) -> list[Pin]:
    """A level named and sent to the contractor of another level ("a reconsideration to the MAC"): the level that
    contractor decides leads, then the one named."""
    bodies = _bodies(routes)
    named = [p for p in out if p.what == "route" and p.entry.removeprefix("appeal:") in dict(bodies)]
    body = next((rid for rid, words in bodies if re.search(words, intent.query, re.I)), None)
    if len(out) != 1 or not named or body is None or named[0].entry == f"appeal:{body}":
        return out
    return [Pin(f"appeal:{body}", "route", routes[body]), Pin(named[0].entry, "route", named[0].obj, strong=False)]
