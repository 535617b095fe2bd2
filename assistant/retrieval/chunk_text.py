"""Passages from the knowledge's prose: FAQs, rules, denial patterns and reason codes, code
descriptors and ICD-10-CM changes, sources. Each function adds one kind to a `Builder` (pure).

Rules carry the check engine's report messages, which hold `{placeholders}` and speak of "the
note"; those are not quotable knowledge, so a rule becomes its rationale, what to document (the
fixes) and each recorded conflict, named by the conflicting source's title rather than its id.
"""

from __future__ import annotations

from datetime import date

from assistant.knowledge.schema import DenialPattern, PayerStatement
from assistant.retrieval.chunk_base import Builder, sentence, window_words


def faqs(b: Builder) -> None:
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


def _source_name(b: Builder, source_id: str) -> str:
    src = b.kb.sources.get(source_id)
    return f"{src.publisher} ({src.title})" if src else "another source"


def rules(b: Builder) -> None:
    for r in b.kb.rules.values():
        title = sentence(r.title)[:-1]
        texts = [f"{title}. {sentence(r.rationale)}"]
        fixes = [sentence(fix) for status, fix in r.fixes.items() if "{" not in fix]
        if fixes:
            texts.append(f"{title} — what to document: " + " ".join(fixes))
        for c in r.conflicts:
            texts.append(
                f"{title} — a claim not followed: {_source_name(b, c.claimed_by)} says \"{sentence(c.claim)}\" "
                f"What applies instead: {sentence(c.followed)}"
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


_PLAN_WORDS = {("medicare_advantage",): "a Medicare Advantage plan"}


def plan_answers(pattern: DenialPattern) -> list[PayerStatement]:
    """A denial pattern's other answers that only payers other than Traditional Medicare give ("can we appeal a CO-29
    from BCBS?": a plan's timely-filing denial is appealed with proof of timely filing)."""
    return [st for st in pattern.when_payer_says if "medicare" not in st.payer_types]


def denials(b: Builder) -> None:
    for rc in b.kb.reason_codes.values():
        label = "CARC" if rc.kind == "carc" else "RARC"
        aliases = f" (CO-{rc.code}, PR-{rc.code})" if rc.kind == "carc" else ""
        seen = [p.title for p in b.kb.denial_patterns.values() if rc.code in (*p.carcs, *p.rarcs)]
        context = f" On caregiver training lines {label} {rc.code} is seen in: {'; '.join(seen)}." if seen else ""
        b.add(
            "reason",
            rc.code,
            [f"{label} {rc.code}{aliases}: {sentence(rc.meaning)}{context}"],
            sources=rc.sources,
            codes=[rc.code],
            topics=["denial", rc.kind],
        )
    for p in b.kb.denial_patterns.values():
        codes = [*p.carcs, *p.rarcs]
        labels = ", ".join([f"CARC {c}" for c in p.carcs] + [f"RARC {r}" for r in p.rarcs])
        texts = [
            f"Denial {p.title} ({labels}): {sentence(p.situation)}",
            f"{p.title} — the appeal argument: " + " ".join(sentence(a) for a in p.argument),
            f"{p.title} — what to attach to an appeal: " + "; ".join(p.attachments) + ".",
            *(f"{p.title} — from {_PLAN_WORDS.get(tuple(st.payer_types), 'a payer other than Traditional Medicare')}: "
              f"{sentence(st.remedy_reason)}" for st in plan_answers(p)),
        ]
        b.add("denial", p.id, texts, sources=p.sources, codes=[*codes, *p.codes], topics=["denial", "appeal"])


def _priced(b: Builder, code: str) -> str:
    """ "2024, 2025 and 2026 (RVU24A, RVU25D, RVU26C)": the years whose relative value file prices `code`."""
    rows = sorted((r for r in b.kb.fees.rvus if r.code == code and r.effective_from),
                  key=lambda r: r.effective_from or date.min)
    years = [str(r.effective_from.year) for r in rows if r.effective_from]
    if not years:
        return ""
    said = years[0] if len(years) == 1 else f"{', '.join(years[:-1])} and {years[-1]}"
    return f"{said} ({', '.join(r.release for r in rows)})"


def codes(b: Builder) -> None:
    for c in b.kb.codes.values():
        parts = [f"{c.code} ({c.short_descriptor}): {sentence(c.paraphrase)}"]
        if c.kind == "addon" and c.primary:
            parts.append(f"{c.code} is an add-on code, billed only together with {c.primary}.")
        if c.timed and c.minutes:
            parts.append(f"{c.code} is a timed code; one unit is {c.minutes} minutes.")
        elif not c.timed and "untimed" not in c.paraphrase.lower():
            parts.append(f"{c.code} is an untimed code.")
        if c.effective_from and c.effective_to:
            parts.append(f"{c.code} is valid {window_words(c.effective_from, c.effective_to)}.")
        elif c.effective_from:
            parts.append(f"{c.code} is valid from {c.effective_from.isoformat()}; it did not exist before that date.")
        elif c.effective_to:
            parts.append(f"{c.code} is valid through {c.effective_to.isoformat()}.")
        priced = _priced(b, c.code)
        if priced:
            parts.append(f"{c.code} is active and priced in the Medicare relative value files of {priced}.")
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
        when = window_words(d.effective_from, d.effective_to)
        text = f"ICD-10-CM {d.code} is {status}{' ' + when if when else ''}."
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


def sources(b: Builder) -> None:
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
