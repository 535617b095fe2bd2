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
from assistant.errors import DenialCodeError

GROUPS = ("CO", "PR", "OA", "PI", "CR")
_GROUP_CARC = re.compile(r"^(CO|PR|OA|PI|CR)[-\s]?([A-Z]?\d{1,3})$")
_RARC = re.compile(r"^(MA\d{1,3}|[MN]\d{1,3})$")
_CARC = re.compile(r"^([A-LO-Z]?\d{1,3})$")
_SPLIT = re.compile(r"[\s,;/+|]+")
# Plain words beside the codes ("CO-50 (redetermination unfavorable)") are kept as the biller's remark.
_REMARK_WORD = re.compile(r"^[(\-]*[A-Z][A-Z'.]{2,}[):.,]*$")


def _normalize_carc(code: str) -> str:
    # "050" and "50" are the same CARC; keep letter prefixes as they are.
    if code.isdigit():
        return str(int(code))
    return code


def parse_denial(raw: str, reason_codes: Mapping[str, Any], text: str | None = None) -> tuple[Denial, list[str]]:
    """Return the parsed denial and warnings (unknown but well-formed codes)."""
    if not raw or not raw.strip():
        raise DenialCodeError("no denial codes given", hint='pass CARC/RARC codes such as "CO-50 N115"')
    # Join "CO 50" written with a space into one token before splitting.
    joined = re.sub(r"\b(CO|PR|OA|PI|CR)\s+(?=[A-Z]?\d)", r"\1-", raw.strip().upper())
    tokens = [t for t in _SPLIT.split(joined) if t and t not in ("-", "(", ")", ":")]
    remark: list[str] = []
    group: str | None = None
    carcs: list[str] = []
    rarcs: list[str] = []
    for token in tokens:
        if (m := _GROUP_CARC.match(token)) is not None:
            if group and group != m.group(1):
                raise DenialCodeError(f"two different group codes ({group}, {m.group(1)})", hint="one denial at a time")
            group = m.group(1)
            carcs.append(_normalize_carc(m.group(2)))
        elif _RARC.match(token):
            rarcs.append(token)
        elif _CARC.match(token):
            carcs.append(_normalize_carc(token))
        elif token in GROUPS:
            group = token
        elif _REMARK_WORD.match(token):
            remark.append(token.strip("()-:").lower())  # "(redetermination unfavorable)": the biller's words
        else:
            raise DenialCodeError(
                f"not a CARC/RARC code: {token[:20]!r}",
                hint='use group-CARC then RARCs, e.g. "CO-50 N115", "PR-119", "CO-16 M53"',
            )
    if not carcs:
        raise DenialCodeError("no CARC (claim adjustment reason code) given", hint='e.g. "CO-50" before "N115"')
    warnings: list[str] = []

    def ref(code: str, kind: str) -> ReasonCodeRef:
        known = reason_codes.get(code)
        if known is None or getattr(known, "kind", kind) != kind:
            warnings.append(unknown_code_warning(code, kind))
            return ReasonCodeRef(code=code, kind=kind, known=False)
        return ReasonCodeRef(
            code=code, kind=kind, known=True, meaning=known.meaning,
            informational=bool(getattr(known, "informational", False)),
        )

    if remark:
        warnings.append("words beside the codes were read as the payer's note, not as codes")
    denial = Denial(
        raw=raw.strip()[:200],
        group=group,
        carcs=[ref(c, "carc") for c in dict.fromkeys(carcs)],
        rarcs=[ref(r, "rarc") for r in dict.fromkeys(rarcs)],
        text=" ".join(t for t in (text, " ".join(remark)) if t) or None,
    )
    return denial, warnings


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
    r"\b(redetermination|reconsideration)\b[^.\n]{0,30}?\b(?:unfavou?rable|upheld|denied|affirmed|dismissed)\b", re.I
)


def prior_level_in(text: str | None) -> str | None:
    """The appeal level already decided against the provider, when the denial's words say so."""
    match = _DECIDED_LEVEL.search(text or "")
    return match.group(1).lower() if match else None


def match_pattern(denial: Denial, patterns: Mapping[str, Any]) -> Any | None:
    """The denial pattern whose CARCs include one of the denial's, preferring RARC matches.

    Ties keep the knowledge-file order. A pattern that lists RARCs but shares none with a
    denial that has RARCs ranks below one that shares one. A pattern marked `alone` (an adjustment,
    not a denial) answers only a denial that carries no other CARC.
    """
    carcs = {c.code for c in denial.carcs}
    rarcs = {r.code for r in denial.rarcs if not r.informational}  # MA01 and the like say nothing of the denial
    best: tuple[int, Any] | None = None
    for pattern in patterns.values():
        if not carcs & set(pattern.carcs) or (pattern.alone and carcs - set(pattern.carcs)):
            continue
        score = 10 * len(rarcs & set(pattern.rarcs))
        if pattern.rarcs and rarcs and not rarcs & set(pattern.rarcs):
            score -= 1
        if not pattern.rarcs and not rarcs:
            score += 1
        if best is None or score > best[0]:
            best = (score, pattern)
    return as_given(best[1], denial) if best else None


# A title's closing parenthesis that names codes: "(CO-16 + M53)", "(CO-4, or CO-16 + MA130)".
_TITLE_CODES = re.compile(r"\s*\((?=[^()]*\b(?:[A-Z]{2}-)?[A-Z]{0,2}\d{1,3}\b)[^()]*\)\s*$")


def as_given(pattern: Any, denial: Denial) -> Any:
    """The pattern with its title naming only the codes on this denial that it matched (never one not given)."""
    if not _TITLE_CODES.search(pattern.title):
        return pattern
    grp = f"{denial.group}-" if denial.group else "CARC "
    codes = [grp + c.code for c in denial.carcs if c.code in pattern.carcs]
    codes += [r.code for r in denial.rarcs if r.code in pattern.rarcs]
    title = _TITLE_CODES.sub("", pattern.title) + f" ({' + '.join(codes)})"
    return pattern.model_copy(update={"title": title})
