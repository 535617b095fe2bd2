"""Fuse the dense and the lexical ranking (weighted reciprocal-rank fusion).

A query that names codes ("97551", "CO-50", "N657", "KX", "GP") leans on the lexical channel
and gets a bonus for passages tagged with those codes; a plain-words question leans on the
dense channel. Weights were chosen on the development query set (docs/retrieval.md).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

_CODE_PATTERNS = re.compile(
    r"""(?<![\w.])(?:
        9\d{4}                       # CPT
      | G0\d{3}                      # HCPCS
      | (?:CO|PR|OA|PI|CR)[-\s]?[A-Z]?\d{1,3}   # group code + CARC
      | B\d{1,2} | MA\d{2,3} | N\d{2,4} | M\d{2,3}   # CARC B-codes, RARCs
      | KX | GP | GO | GN | CQ | XE | XP | XS | XU | 59
    )(?![\w]|\.\d)""",
    re.VERBOSE,
)
_GROUP = re.compile(r"^(?:CO|PR|OA|PI|CR)[-\s]?")


def normalise_code(code: str) -> str:
    """ "CO-50" → "50", "n657" → "N657": how codes are tagged on passages and matched."""
    code = code.strip().upper().replace(" ", "")
    return _GROUP.sub("", code) if re.fullmatch(r"(?:CO|PR|OA|PI|CR)-?[A-Z]?\d{1,3}", code) else code


def query_codes(query: str) -> list[str]:
    """Codes named in the query, normalised to how passages are tagged ("CO-50" → "50")."""
    found: list[str] = []
    for m in _CODE_PATTERNS.findall(query.upper()):
        code = normalise_code(m)
        if code and code not in found:
            found.append(code)
    return found


@dataclass(frozen=True)
class FusionWeights:
    dense: float = 0.5
    lexical: float = 1.0
    dense_code: float = 0.5  # weights when the query names a code
    lexical_code: float = 2.0
    code_bonus: float = 0.012  # per matching code tag, in RRF units
    rrf_k: int = 10
    depth: int = 40  # how many candidates each channel contributes
    source_prior: float = 0.5  # multiplier for raw source passages vs curated answers (faq, rule...)
    asked: float = 0.5  # weight of a long question's asking sentences, searched on their own (ask.py)


DEFAULT_WEIGHTS = FusionWeights()


def _ranks(order: Sequence[int], depth: int) -> dict[int, int]:
    return {idx: rank for rank, idx in enumerate(order[:depth])}


def fuse(
    dense_order: Sequence[int],
    lexical_scores: np.ndarray,
    allowed: np.ndarray,
    codes_of: Sequence[frozenset[str]],
    query: str,
    is_source: np.ndarray | None = None,
    weights: FusionWeights = DEFAULT_WEIGHTS,
) -> list[tuple[int, float]]:
    """(passage index, fused score) best first, only over `allowed` passages."""
    codes = query_codes(query)
    w_dense, w_lex = (weights.dense_code, weights.lexical_code) if codes else (weights.dense, weights.lexical)
    lex = np.where(allowed, lexical_scores, 0.0)
    lex_order = [int(i) for i in np.argsort(-lex, kind="stable")[: weights.depth] if lex[i] > 0]
    dense_ranks = _ranks([i for i in dense_order if allowed[i]], weights.depth)
    lex_ranks = _ranks(lex_order, weights.depth)
    fused: dict[int, float] = {}
    for idx, rank in dense_ranks.items():
        fused[idx] = fused.get(idx, 0.0) + w_dense / (weights.rrf_k + rank + 1)
    for idx, rank in lex_ranks.items():
        fused[idx] = fused.get(idx, 0.0) + w_lex / (weights.rrf_k + rank + 1)
    if codes:
        wanted = set(codes)
        for idx in fused:
            fused[idx] += weights.code_bonus * len(wanted & codes_of[idx])
    if is_source is not None and weights.source_prior != 1.0:
        for idx in fused:
            if is_source[idx]:
                fused[idx] *= weights.source_prior
    return sorted(fused.items(), key=lambda item: (-item[1], item[0]))
