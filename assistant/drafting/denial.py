"""Parse denial codes ("CO-50 N115", "CO50,N115", "PR-119", "CO-B15 N122") and match denial patterns.

Group codes: CO, PR, OA, PI, CR. CARCs are 1-3 digits or a letter and digits (B15, P2);
RARCs start with M, N or MA (M53, N115, MA130). Malformed tokens raise `DenialCodeError`;
well-formed codes the knowledge base does not know are accepted with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from assistant.drafting.models import Denial, ReasonCodeRef
from assistant.drafting.paste import Paste, read_paste
from assistant.drafting.paste.common import ROUTINE
from assistant.drafting.paste.notice import decided_level, named_as_next
from assistant.errors import DenialCodeError

GROUPS = ("CO", "PR", "OA", "PI", "CR")
_GROUP_CARC = re.compile(r"^(CO|PR|OA|PI|CR)[-\s]?([A-Z]?\d{1,3})$")
_RARC = re.compile(r"^(MA\d{1,3}|[MN]\d{1,3})$")
_CARC = re.compile(r"^([A-LO-Z]?\d{1,3})$")
_SPLIT = re.compile(r"(?:[\s,;/+|]|(?<![\w-])[\u2013\u2014\u2022\u00b7](?![\w-]))+")  # "Denied \u2014 CO-50 N115"
# Plain words beside the codes ("CO-50 (redetermination unfavorable)") are kept as the biller's remark.
_REMARK_WORD = re.compile(r"^[(\-]*[A-Z][A-Z'.]{2,}[):.,]*$")


def _normalize_carc(code: str) -> str:
    # "050" and "50" are the same CARC; keep letter prefixes as they are.
    if code.isdigit():
        return str(int(code))
    return code


# A denial typed in a biller's words ("biller note: NGS denied the 97551 line, CARC 107 + N122, said no primary"):
# the codes are read where they are named and the words are the payer's note. Two lower-case words make a text
# prose; a list of codes with a stray token ("CO-50 N115 <script>") or a name beside them is still read strictly.
_PROSE_WORD = re.compile(r"\b[a-z]{2,}\b")
_PROSE_GROUP_CARC = re.compile(r"(?<![A-Z0-9])(CO|PR|OA|PI|CR)[-\s*]?([A-Z]?\d{1,3})(?![0-9])")
_PROSE_CARC = re.compile(
    r"\b(?:CARCS?|(?:CLAIM\s+)?ADJ(?:USTMENT)?\s+REASON(?:\s+CODES?)?|REASON\s+CODES?|DENIAL\s+CODES?)\s*[:#]?\s*"
    r"([A-Z]?\d{1,3})(?![0-9])"
)
_PROSE_RARC = re.compile(r"(?<![A-Z0-9])(MA\d{1,3}|[MN]\d{1,3})(?![0-9])")


def _prose(raw: str) -> bool:
    return len(_PROSE_WORD.findall(raw)) >= 2


def _codes_in_prose(raw: str) -> tuple[str | None, list[str], list[str], dict[str, str]]:
    """(first group, CARCs, RARCs, each CARC's own group) named in a typed denial; a bare number is a CARC only after
    a word naming one."""
    upper = raw.upper()
    named = [(m.start(), m.group(1), m.group(2)) for m in _PROSE_GROUP_CARC.finditer(upper)]
    named += [(m.start(), None, m.group(1)) for m in _PROSE_CARC.finditer(upper)]
    named.sort()
    group = next((g for _, g, _ in named if g), None)
    carcs = [_normalize_carc(code) for _, _, code in named]
    rarcs = [m.group(1) for m in _PROSE_RARC.finditer(upper)]
    own = {_normalize_carc(code): g for _, g, code in reversed(named) if g and g != group}
    return group, carcs, rarcs, own


def codes_in_words(text: str) -> str:
    """The CARCs and RARCs a passage of words names, as a code list ("CO-4 N519"); "" when it names no CARC."""
    group, carcs, rarcs, own = _codes_in_prose(text)
    grouped = [f"{g}-{c}" if (g := own.get(c, group)) else c for c in dict.fromkeys(carcs)]
    return " ".join([*grouped, *dict.fromkeys(rarcs)]) if carcs else ""


def parse_denial(raw: str, reason_codes: Mapping[str, Any], text: str | None = None) -> tuple[Denial, list[str]]:
    """Return the parsed denial and warnings (unknown but well-formed codes)."""
    if (paste := read_paste(raw)) is not None:  # an 835 excerpt, EOB lines, a letter, pasted whole
        return _pasted(raw, paste, reason_codes, text)
    if not raw or not raw.strip():
        raise DenialCodeError("no denial codes given", hint='pass CARC/RARC codes such as "CO-50 N115"')
    if not _prose(raw):  # a list of codes, perhaps with a stray word or the line it was given for
        return _parse_codes(raw, reason_codes, text)
    group, carcs, rarcs, own = _codes_in_prose(raw)
    if not carcs:
        raise DenialCodeError(
            "no CARC (claim adjustment reason code) found in the denial's words",
            hint='name the code as the notice gives it, e.g. "CO-50 N115", or pass the codes with the claim',
        )
    words = " ".join(t for t in (text, raw.strip()) if t)
    denial, warnings = _denial(raw, reason_codes, group, carcs, rarcs, words, own)
    return denial, [*warnings, "the denial was read from its words: the codes named in it, the words as the payer's"]


# A line a code list points at ("CO-151 on 97551", "CO-50 N657 (G0539)", "CO-151 N362 line 2") is not a code: the
# procedure code or line number is dropped with its marker, so "line 2" never reads as CARC 2.
_LINE_REF = re.compile(r"\b(?:lines?|ln|svc)\s*#?\s*\d{1,2}\b", re.I)
# A date beside the codes ("CO-50 11/20/2025") is the payer's words, never CARCs 11 and 20.
_DATE = re.compile(r"\b(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})\b")
_PROCEDURE = re.compile(r"^\(?(?:\d{4}[0-9A-Z]|[A-V]\d{4})\)?[:.,]*$")
# A lower-case word beside the codes ("on", "both lines", "(redetermination unfavorable)") is the biller's remark;
# a capitalised one ("Margaret") is not read as a remark unless the whole word is upper case (a heading).
_LOWER_WORD = re.compile(r"^[(\-]*[a-z][a-z'.]*[):.,]*$")


def _tokens(raw: str) -> tuple[list[str], list[str], list[str]]:
    """(tokens of the code list, line references and dates taken out of it)."""
    refs = [" ".join(m.group(0).lower().split()) for m in _LINE_REF.finditer(raw)]
    dates = _DATE.findall(raw)
    rest = _DATE.sub(" ", _LINE_REF.sub(" ", raw.strip()))
    # Join "CO 50" written with a space into one token before splitting.
    joined = re.sub(r"\b(CO|PR|OA|PI|CR)\s+(?=[A-Z]?\d)", r"\1-", rest, flags=re.I)
    tokens = [t for t in _SPLIT.split(joined) if t and t not in ("-", "(", ")", ":")]
    return tokens, refs, dates


def _bad_token(token: str, index: int) -> DenialCodeError:
    # A code-shaped token is named so the biller can fix it; a word (perhaps a name) is only counted, never echoed.
    shown = repr(token[:20].upper()) if any(ch.isdigit() for ch in token) else f"item {index + 1}, a word"
    return DenialCodeError(
        f"not a CARC/RARC code: {shown}", hint='use group-CARC then RARCs, e.g. "CO-50 N115", "PR-119", "CO-16 M53"'
    )


def _one_group(pairs: list[tuple[str, str]]) -> tuple[str | None, list[str]]:
    """The denial's group. One CARC reported under two groups ("OA-151 / CO-151") is one adjustment, read under the
    provider's liability (CO) when it is one of them; different CARCs under different groups are two denials."""
    groups = list(dict.fromkeys(g for g, _ in pairs))
    if len(groups) <= 1:
        return (groups[0] if groups else None), []
    if all((g, c) in ROUTINE for g, c in pairs if g != "CO") or all((g, c) in ROUTINE for g, c in pairs):
        # "CO-45 PR-3", "CO-45 CO-253 PR-2": a remittance's contractual adjustment, sequestration and the patient's
        # share are one line's routine adjustments, not two denials (an outside author's typed lists were refused)
        denied = [g for g, c in pairs if (g, c) not in ROUTINE]
        return (denied[0] if denied else "CO" if "CO" in groups else groups[0]), []
    kept = "CO" if "CO" in groups else groups[0]
    own = {c for g, c in pairs if g == kept}
    if any(c not in own for g, c in pairs if g != kept):
        raise DenialCodeError(f"two different group codes ({groups[0]}, {groups[1]})", hint="one denial at a time")
    others = ", ".join(f"{g}-{c}" for g, c in dict.fromkeys(pairs) if g != kept)
    return kept, [f"{others} is the same adjustment as {kept}-{', '.join(sorted(own))}: read as {kept}"]


def _parse_codes(raw: str, reason_codes: Mapping[str, Any], text: str | None) -> tuple[Denial, list[str]]:
    """A list of codes ("CO-50 N115", "CO50,N115", "PR-119 (reconsideration affirmed)", "CO-151 on 97551")."""
    tokens, refs, remark = _tokens(raw)
    pairs: list[tuple[str, str]] = []
    bare_group: str | None = None
    carcs: list[str] = []
    rarcs: list[str] = []
    for index, word in enumerate(tokens):
        token = word.upper()
        if (m := _GROUP_CARC.match(token)) is not None:
            pairs.append((m.group(1), _normalize_carc(m.group(2))))
            carcs.append(_normalize_carc(m.group(2)))
        elif _RARC.match(token):
            rarcs.append(token)
        elif _CARC.match(token):
            carcs.append(_normalize_carc(token))
        elif token in GROUPS:
            bare_group = token
        elif _PROCEDURE.match(token):
            refs.append(token.strip("():.,"))  # the line the codes were given for
        elif _REMARK_WORD.match(token) or _LOWER_WORD.match(word):
            remark.append(token.strip("()-:").lower())  # "(redetermination unfavorable)": the biller's words
        else:
            raise _bad_token(word, index)
    if not carcs:
        raise DenialCodeError("no CARC (claim adjustment reason code) given", hint='e.g. "CO-50" before "N115"')
    group, warnings = _one_group(pairs)
    words = " ".join(t for t in (text, " ".join(remark)) if t)
    own = {c: g for g, c in pairs if g != group}  # "CO-45 PR-3": PR for 3, shown as the payer gave it
    denial, unknown = _denial(raw, reason_codes, group or bare_group, carcs, rarcs, words, own)
    warnings += unknown
    if remark:
        warnings.append("words beside the codes were read as the payer's note, not as codes")
    if refs:
        warnings.append(f"the codes were given for {', '.join(dict.fromkeys(refs))}: read as one denial of the claim")
    return denial, warnings


def _denial(
    raw: str, reason_codes: Mapping[str, Any], group: str | None, carcs: list[str], rarcs: list[str], text: str,
    own: Mapping[str, str] | None = None,
) -> tuple[Denial, list[str]]:
    warnings: list[str] = []

    def ref(code: str, kind: str) -> ReasonCodeRef:
        known = reason_codes.get(code)
        mine = (own or {}).get(code) if kind == "carc" else None
        if known is None or getattr(known, "kind", kind) != kind:
            warnings.append(unknown_code_warning(code, kind))
            return ReasonCodeRef(code=code, kind=kind, known=False, group=mine)
        return ReasonCodeRef(
            code=code, kind=kind, known=True, meaning=known.meaning,
            informational=bool(getattr(known, "informational", False)), group=mine,
            unprocessable=bool(getattr(known, "unprocessable", False)),
        )

    denial = Denial(
        raw=raw.strip()[:200],
        group=group,
        carcs=[ref(c, "carc") for c in dict.fromkeys(carcs)],
        rarcs=[ref(r, "rarc") for r in dict.fromkeys(rarcs)],
        text=text or None,
    )
    return denial, warnings


def _pasted(raw: str, paste: Paste, reason_codes: Mapping[str, Any], text: str | None) -> tuple[Denial, list[str]]:
    """A pasted remittance, EOB or letter: the denied lines' codes, the paste's words as the payer's. One that names
    no CARC is refused without quoting it (a paste carries names and member ids)."""
    if not paste.carcs:
        raise DenialCodeError(
            f"the pasted {paste.kind} names no CARC (claim adjustment reason code)",
            hint="paste the CAS and LQ segments or the adjustment codes of the denied line, or type them (CO-50 N115)",
        )
    words = " ".join(t for t in (text, paste.words) if t)
    denial, warnings = _denial(raw, reason_codes, paste.group, paste.carcs, paste.rarcs, words, paste.own_groups)
    return paste.attach(denial), [*warnings, paste.summary()]


def unknown_code_warning(code: str, kind: str) -> str:
    """What the result says of a code the knowledge base does not hold: unknown here, its meaning not guessed."""
    return (
        f"{kind.upper()} {code} is not a known {kind.upper()} (it is not in the knowledge base): check the code and "
        "its meaning on the remittance advice; the recommendation rests on the note check alone"
    )


def code_meanings(denial: Denial) -> list[str]:
    """Each code of the denial with its meaning, or a visible placeholder where the code is not a known one."""
    out = []
    for ref in [*denial.carcs, *denial.rarcs]:
        kind = ref.kind.upper()
        if ref.known and ref.meaning:
            out.append(f"{ref.code}: {ref.meaning}")
        elif not ref.known:
            ask = "the code and its meaning as printed on the remittance advice"
            out.append(f"{ref.code} is not a known {kind}: [[biller to confirm: {ask}]]")
    return out


_DECIDED_LEVEL = re.compile(
    r"\b(redetermination|reconsideration)\b"
    # "Redetermination rights apply to each denied claim", "reconsideration may be requested for denied lines": the
    # level offered next, not one decided
    r"(?!\s+(?:rights|may|can|must|is\s+available|are\s+available)\b)"
    r"[^.\n]{0,30}?\b(?:unfavou?rable|upheld|denied|affirmed|dismissed)\b", re.I
)


def prior_level_in(text: str | None) -> str | None:
    """The appeal level already decided against the provider, when the denial's words say so."""
    if (level := decided_level(text or "")) is not None:  # a decision letter, pasted
        return level
    # "you may request redetermination of any denied claim": a level offered as the next step decided nothing
    found = (m for m in _DECIDED_LEVEL.finditer(text or "") if not named_as_next(text or "", m.start()))
    match = next(found, None)
    return match.group(1).lower() if match else None


def match_pattern(denial: Denial, patterns: Mapping[str, Any]) -> Any | None:
    """The denial pattern whose CARCs include one of the denial's, preferring RARC matches.

    Ties keep the knowledge-file order. A pattern that lists RARCs but shares none with a
    denial that has RARCs ranks below one that shares one; a shared remark that only says the claim was
    returned (MA130) counts for nothing, below one that says what to fix (N290). A pattern marked `alone` (an
    adjustment, not a denial) answers only a denial that carries no other CARC.
    """
    if denial.rejection is not None:  # a 277CA rejection: the pattern that answers its category, never a CARC's
        return next((p for p in patterns.values() if denial.rejection.category in p.rejections
                     or (not denial.rejection.category and p.rejections)), None)
    carcs = {c.code for c in denial.carcs}
    rarcs = {r.code for r in denial.rarcs if not r.informational}  # MA01 and the like say nothing of the denial
    returned = {r.code for r in denial.rarcs if r.unprocessable}
    best: tuple[int, Any] | None = None
    for pattern in patterns.values():
        if not carcs & set(pattern.carcs) or (pattern.alone and carcs - set(pattern.carcs)):
            continue
        if pattern.rarc_led and not rarcs & set(pattern.rarcs):
            continue
        shared = rarcs & set(pattern.rarcs)
        # a shared remark that only says the claim was returned (MA130) names no fault: it wins nothing over a
        # pattern that lists no remark (CO-16 MA130 is not a modifier error, hostile15 #8), and costs nothing
        score = 10 * len(shared - returned)
        if pattern.rarcs and rarcs and not rarcs & set(pattern.rarcs):
            score -= 1
        if not pattern.rarcs and not rarcs:
            score += 1
        if best is None or score > best[0]:
            best = (score, pattern)
    return as_given(best[1], denial) if best else None


_COLUMN_GAP = re.compile(r"[ \t]{2,}")


def pattern_in_words(denial: Denial, patterns: Mapping[str, Any]) -> Any | None:
    """For a decision that names no code, the pattern whose reason its words state first (`decided_in_words`)."""
    if denial.carcs or denial.rejection is not None or not denial.text:
        return None
    # a gap of two or more spaces is a table's column break: "Units  Billed" is two headers, not a reason's words
    flat = " ".join(_COLUMN_GAP.sub(" | ", denial.text).lower().split())
    best: tuple[int, Any] | None = None
    for pattern in patterns.values():
        for word in pattern.decided_in_words:
            found = re.search(rf"(?<![a-z0-9]){re.escape(word.lower())}(?![a-z0-9])", flat)
            if found is not None and (best is None or found.start() < best[0]):
                best = (found.start(), pattern)
    return as_given(best[1], denial) if best else None


# The clause of a decision written in words that gives its reason: from the word that says the service was refused to
# the end of its sentence ("... were denied as not medically necessary because the patient was not present").
_REASON_CLAUSE = re.compile(
    r"\b(?:denied[ \t]+(?:as|because|for|due[ \t]+to)|not[ \t]+(?:covered|payable|medically[ \t]+necessary|"
    r"reasonable[ \t]+and[ \t]+necessary))\b[^.;!?\n]{0,240}+",
    re.IGNORECASE,
)


def reason_in_words(denial: Denial) -> str | None:
    """The payer's reason in its own words, for a decision that names no code; None when it gives codes or no reason
    clause. Text, never an instruction: it is restated, not followed."""
    if denial.carcs or denial.rarcs or not denial.text:
        return None
    found = _REASON_CLAUSE.search(" ".join(denial.text.split()))
    return found.group(0).strip().rstrip(",:") if found else None


# A title's closing parenthesis that names codes: "(CO-16 + M53)", "(CO-4, or CO-16 + MA130)".
_TITLE_CODES = re.compile(r"\s*\((?=[^()]*\b(?:[A-Z]{2}-)?[A-Z]{0,2}\d{1,3}\b)[^()]*\)\s*$")


def with_earlier_denial(pattern: Any, denial: Denial, patterns: Mapping[str, Any]) -> Any:
    """A duplicate's pattern (one that names the earlier claim, `earlier_claim_words`) carrying the correction of the
    earlier claim's own denial when the words name its codes ("orig claim ... denied PR-119"): correcting the earlier
    claim is the answer, so what that denial's pattern adds (KX) and requires (the need) is this answer's too."""
    if pattern is None or not pattern.earlier_claim_words or not denial.text:
        return pattern
    _, carcs, _, _ = _codes_in_prose(denial.text)
    earlier_codes = [c for c in carcs if c not in pattern.carcs and c not in {r.code for r in denial.carcs}]
    if not earlier_codes:
        return pattern
    earlier = match_pattern(Denial(raw="", carcs=[ReasonCodeRef(code=c, kind="carc", known=True)
                                                  for c in earlier_codes]), patterns)
    if earlier is None or not earlier.add_modifiers:
        return pattern
    return pattern.model_copy(update={
        "add_modifiers": list(dict.fromkeys([*pattern.add_modifiers, *earlier.add_modifiers])),
        "blocking_checks": list(dict.fromkeys([*pattern.blocking_checks, *earlier.blocking_checks])),
    })


def as_given(pattern: Any, denial: Denial) -> Any:
    """The pattern with its title naming only the codes on this denial that it matched (never one not given)."""
    if not _TITLE_CODES.search(pattern.title):
        return pattern
    codes = [(f"{g}-" if (g := c.group or denial.group) else "CARC ") + c.code
             for c in denial.carcs if c.code in pattern.carcs]
    codes += [r.code for r in denial.rarcs if r.code in pattern.rarcs]
    title = _TITLE_CODES.sub("", pattern.title) + (f" ({' + '.join(codes)})" if codes else "")
    return pattern.model_copy(update={"title": title})
