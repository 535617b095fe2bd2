"""Knowledge → passages, with stable ids and the metadata the filters need.

A passage id is ``<kind>:<entry-id>#<n>`` (for example ``rule:patient_absent#0``): the same
knowledge gives the same ids on every build, and an edit changes the passage's ``hash`` (in its
metadata) but not its id. ``entry`` (``rule:patient_absent``) is what evals score against, so
scoring does not depend on how an entry is split.

Pure code: takes a `Knowledge`, returns `Chunk`s. No I/O, no model.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from assistant.knowledge.loader import Knowledge
from assistant.knowledge.schema import AUTHORITY_RANK, RVU, ConversionFactor
from assistant.retrieval.fusion import normalise_code, query_codes

# Bump when the way passages are cut or worded changes: it is part of the index key.
CHUNKER_VERSION = "8"
MAX_WORDS = 180  # all-MiniLM-L6-v2 truncates at 256 word pieces; stay well under

CODE_RE = re.compile(r"\b(?:9\d{4}|G0\d{3}|Z\d{2}(?:\.\w+)?|[A-Z]\d{2}\.\w+)\b")
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"(])")


@dataclass(frozen=True)
class Chunk:
    """One indexable passage: text plus everything needed to cite and filter it."""

    id: str
    entry: str  # "<kind>:<entry-id>", the unit evals score
    kind: str
    text: str
    source_id: str
    effective_from: date | None = None
    effective_to: date | None = None
    codes: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    hash: str = field(default="", compare=False)

    def in_force(self, on: date | None) -> bool:
        if on is None:
            return True
        if self.effective_from and on < self.effective_from:
            return False
        return not (self.effective_to and on > self.effective_to)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _split(text: str, max_words: int = MAX_WORDS) -> list[str]:
    """Cut at sentence ends so each piece stays under `max_words`; short text stays whole."""
    text = " ".join(text.split())
    if len(text.split()) <= max_words:
        return [text] if text else []
    pieces: list[str] = []
    current: list[str] = []
    for sentence in _SENTENCE_RE.split(text):
        if current and len(" ".join([*current, sentence]).split()) > max_words:
            pieces.append(" ".join(current))
            current = []
        current.append(sentence)
    if current:
        pieces.append(" ".join(current))
    return pieces


def _money(amount: float) -> str:
    return f"${amount:,.2f}"


def _window_words(start: date | None, end: date | None) -> str:
    if start and end:
        return f"from {start.isoformat()} through {end.isoformat()}"
    if start:
        return f"from {start.isoformat()}"
    if end:
        return f"through {end.isoformat()}"
    return "with no end date"


def primary_source(kb: Knowledge, ids: Iterable[str]) -> str:
    """The highest-authority source among `ids` (first listed wins a tie)."""
    known = [i for i in ids if i in kb.sources]
    if not known:
        raise ValueError(f"no known source among {list(ids)}")
    return max(known, key=lambda i: (AUTHORITY_RANK[kb.sources[i].authority], -known.index(i)))


class _Builder:
    def __init__(self, kb: Knowledge) -> None:
        self.kb = kb
        self.chunks: list[Chunk] = []
        self._next: dict[str, int] = {}  # next passage number per entry

    def add(
        self,
        kind: str,
        entry_id: str,
        texts: Iterable[str],
        *,
        sources: Iterable[str],
        window: tuple[date | None, date | None] = (None, None),
        codes: Iterable[str] = (),
        topics: Iterable[str] = (),
        prefix: str = "",
    ) -> None:
        source_id = primary_source(self.kb, sources)
        entry = f"{kind}:{entry_id}"
        pieces = [p for t in texts for p in _split(t)]
        first = self._next.get(entry, 0)
        self._next[entry] = first + len(pieces)
        for n, piece in enumerate(pieces, start=first):
            text = f"{prefix}{piece}" if prefix and n > 0 else piece
            found = {normalise_code(c) for c in codes} | set(CODE_RE.findall(text)) | set(query_codes(text))
            self.chunks.append(
                Chunk(
                    id=f"{entry}#{n}",
                    entry=entry,
                    kind=kind,
                    text=text,
                    source_id=source_id,
                    effective_from=window[0],
                    effective_to=window[1],
                    codes=tuple(sorted(found)),
                    topics=tuple(sorted(set(topics))),
                    hash=content_hash(text),
                )
            )


def _sources(b: _Builder) -> None:
    for s in b.kb.sources.values():
        b.add(
            "source",
            s.id,
            [f"{s.title} ({s.publisher}): {s.summary}", *s.passages],
            sources=[s.id],
            window=(s.effective_from, s.effective_to),
            codes=s.codes,
            topics=s.topics,
            prefix=f"{s.title}: ",
        )


def _rules(b: _Builder) -> None:
    for r in b.kb.rules.values():
        texts = [f"{r.title}. {r.rationale}"]
        lines = [
            f"{status}: {msg}" for status, msg in r.messages.items() if status in ("missing", "problem", "unclear")
        ]
        lines += [f"Fix ({status}): {fix}" for status, fix in r.fixes.items()]
        if lines:
            texts.append(f"{r.title}. " + " ".join(_sentence(x) for x in lines))
        for c in r.conflicts:
            texts.append(
                f"{r.title}: conflicting claim by {c.claimed_by}: {_sentence(c.claim)} "
                f"What we follow instead: {_sentence(c.followed)}"
            )
        b.add(
            "rule",
            r.id,
            texts,
            sources=r.sources,
            window=(r.effective_from, r.effective_to),
            codes=r.codes,
            topics=[*r.topics, r.id],
        )


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def _codes(b: _Builder) -> None:
    for c in b.kb.codes.values():
        parts = [f"{c.code} ({c.short_descriptor}): {_sentence(c.paraphrase)}"]
        if c.kind == "addon" and c.primary:
            parts.append(f"{c.code} is an add-on code, billed only together with {c.primary}.")
        if c.timed and c.minutes:
            parts.append(f"It is a timed code; one unit is {c.minutes} minutes.")
        elif not c.timed:
            parts.append("It is an untimed code.")
        if c.effective_from or c.effective_to:
            parts.append(f"Valid {_window_words(c.effective_from, c.effective_to)}.")
        b.add(
            "code",
            c.code,
            [" ".join(parts)],
            sources=c.sources,
            window=(c.effective_from, c.effective_to),
            codes=[c.code, *([c.primary] if c.primary else [])],
            topics=[c.family, c.kind],
        )
    for d in b.kb.diagnosis_changes:  # one entry per code; one passage per dated change
        status = "billable" if d.billable else "not billable"
        text = f"ICD-10-CM {d.code} is {status} {_window_words(d.effective_from, d.effective_to)}."
        if d.replacement:
            text += f" Use {d.replacement} instead."
        b.add(
            "dx",
            d.code,
            [text],
            sources=d.sources,
            window=(d.effective_from, d.effective_to),
            codes=[d.code],
            topics=["diagnosis"],
        )


def _overlap(a: RVU, cf: ConversionFactor) -> tuple[date | None, date | None] | None:
    start = max((d for d in (a.effective_from, cf.effective_from) if d), default=None)
    ends = [d for d in (a.effective_to, cf.effective_to) if d]
    end = min(ends) if ends else None
    if start and end and end < start:
        return None
    return start, end


def _tag(prefix: str, entry_id: str) -> str:
    """ "kx-2025" stays; "2025" becomes "kx-2025": readable ids that name the fact."""
    return entry_id if prefix in entry_id else f"{prefix}-{entry_id}"


def _unit_words(kb: Knowledge, code: str) -> str:
    info = kb.codes.get(code)
    if info is None:
        return ""
    if info.kind == "addon" and info.minutes:
        return f" (each additional {info.minutes} minutes, add-on to {info.primary})"
    if info.kind == "primary" and info.minutes:
        return f" (first {info.minutes} minutes)"
    if info.kind == "group":
        return " (group, one unit per patient)"
    return ""


def _fees(b: _Builder) -> None:
    fees = b.kb.fees
    for rvu in fees.rvus:
        texts = [f"{rvu.code}{_unit_words(b.kb, rvu.code)} payment by year."]
        win_start, win_end = rvu.effective_from, rvu.effective_to
        for cf in fees.conversion_factors:
            window = _overlap(rvu, cf)
            if window is None:
                continue
            year = (window[0] or rvu.effective_from or date(2024, 1, 1)).year
            variant = {"standard": "", "non_qp": " (non-QP)", "qp": " (QP)"}[cf.variant]
            texts.append(
                f"In {year} {rvu.code} pays {_money(rvu.total_nonfacility * cf.amount)} non-facility and "
                f"{_money(rvu.total_facility * cf.amount)} facility per unit ({_window_words(*window)}): "
                f"total RVUs {rvu.total_nonfacility:.2f} / {rvu.total_facility:.2f} x conversion factor "
                f"{cf.amount:.4f}{variant}, {rvu.release}."
            )
        if texts:
            texts.append("Medicare physician fee schedule national payment amount (rate), before local adjustment.")
            b.add(
                "fee",
                f"{rvu.code}-{rvu.release}",
                [" ".join(texts)],
                sources=rvu.sources,
                window=(win_start, win_end),
                codes=[rvu.code],
                topics=["payment", "rvu"],
            )
    for cf in fees.conversion_factors:
        variant = {
            "standard": "",
            "non_qp": " for non-qualifying APM participants (non-QP)",
            "qp": " for qualifying APM participants (QP)",
        }[cf.variant]
        b.add(
            "fee",
            _tag("cf", cf.id),
            [
                f"The Medicare physician fee schedule conversion factor is {cf.amount:.4f}{variant} "
                f"{_window_words(cf.effective_from, cf.effective_to)}."
            ],
            sources=cf.sources,
            window=(cf.effective_from, cf.effective_to),
            topics=["payment", "conversion_factor"],
        )
    for t in fees.kx_thresholds:
        b.add(
            "fee",
            _tag("kx", t.id),
            [
                f"The therapy KX modifier threshold is {_money(t.amount)} for {t.applies_to} "
                f"{_window_words(t.effective_from, t.effective_to)}. Above it, add the KX modifier to attest "
                "medical necessity; caregiver training lines billed under a therapy plan count toward it."
            ],
            sources=t.sources,
            window=(t.effective_from, t.effective_to),
            codes=["KX"],
            topics=["kx", "threshold"],
        )
    for tp in fees.telehealth:
        words = {
            "not_listed": "not on the Medicare Telehealth Services List (in person only)",
            "provisional": "on the Medicare Telehealth Services List provisionally",
            "permanent": "on the Medicare Telehealth Services List",
        }[tp.status]
        b.add(
            "fee",
            _tag("telehealth", tp.id),
            [
                f"Telehealth: caregiver training codes are {words} {_window_words(tp.effective_from, tp.effective_to)}. "
                f"{tp.note}"
            ],
            sources=tp.sources,
            window=(tp.effective_from, tp.effective_to),
            topics=["telehealth"],
        )
    for w in fees.therapist_waivers:
        b.add(
            "fee",
            _tag("waiver", w.id),
            [
                "Telehealth waiver: physical therapists, occupational therapists and speech-language pathologists "
                f"may furnish Medicare telehealth {_window_words(w.effective_from, w.effective_to)}. {w.note}"
            ],
            sources=w.sources,
            window=(w.effective_from, w.effective_to),
            topics=["telehealth", "waiver"],
        )
    b.add(
        "fee",
        "assistant-rate",
        [
            f"When a physical therapist assistant (PTA) or occupational therapy assistant (OTA) furnishes the "
            f"service, the CQ or CO modifier applies and Medicare pays {fees.assistant_payment_rate:.0%} of the "
            "fee schedule amount."
        ],
        sources=fees.assistant_sources,
        codes=["CQ", "CO"],
        topics=["assistant", "payment"],
    )
    b.add(
        "fee",
        "coinsurance",
        [
            f"Patient cost-sharing: caregiver training is subject to the Part B deductible and "
            f"{fees.coinsurance:.0%} coinsurance; Medicare pays the rest."
        ],
        sources=fees.assistant_sources,
        topics=["coinsurance", "payment"],
    )


def _denials(b: _Builder) -> None:
    for rc in b.kb.reason_codes.values():
        label = "CARC" if rc.kind == "carc" else "RARC"
        aliases = f" (CO-{rc.code}, PR-{rc.code})" if rc.kind == "carc" else ""
        b.add(
            "reason",
            rc.code,
            [f"{label} {rc.code}{aliases}: {_sentence(rc.meaning)}"],
            sources=rc.sources,
            codes=[rc.code],
            topics=["denial", rc.kind],
        )
    for p in b.kb.denial_patterns.values():
        codes = [*p.carcs, *p.rarcs]
        labels = [f"CARC {c}" for c in p.carcs] + [f"RARC {r}" for r in p.rarcs]
        head = f"Denial {', '.join(labels)} — {p.title}."
        texts = [
            f"{head} {_sentence(p.situation)}",
            f"{head} Appeal argument: " + " ".join(_sentence(a) for a in p.argument),
            f"{head} Include in the appeal: "
            + "; ".join(p.required_sections)
            + ". Attach: "
            + "; ".join(p.attachments)
            + ".",
        ]
        b.add("denial", p.id, texts, sources=p.sources, codes=[*codes, *p.codes], topics=["denial", "appeal"])


def _faqs(b: _Builder) -> None:
    for f in b.kb.faqs.values():
        b.add(
            "faq",
            f.id,
            [f"Q: {f.question} A: {f.answer}"],
            sources=f.sources,
            window=(f.effective_from, f.effective_to),
            codes=f.codes,
            topics=f.topics,
            prefix=f"Q: {f.question} A (continued): ",
        )


def chunk_knowledge(kb: Knowledge) -> list[Chunk]:
    """Every passage of the knowledge base, in a stable order, with unique ids."""
    b = _Builder(kb)
    for part in (_faqs, _rules, _denials, _codes, _fees, _sources):
        part(b)
    ids = [c.id for c in b.chunks]
    if len(ids) != len(set(ids)):
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        raise ValueError(f"duplicate passage ids: {dupes[:5]}")
    return b.chunks
