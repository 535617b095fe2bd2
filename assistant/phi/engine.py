"""De-identify note text before it leaves the machine; re-identify the model's answer locally.

Presidio runs on ``spacy.blank("en")`` (no model download) with a hand-picked set of its
predefined pattern recognizers plus the project recognizers in ``recognizers.py``. Nothing here
logs note text, and Presidio's own loggers are held at WARNING.
"""

from __future__ import annotations

import itertools
import logging
import os
import re
import sys
import threading
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, Field

from assistant.errors import NotTextError
from assistant.phi import fields, vocab
from assistant.phi import patterns as p
from assistant.phi.neighbours import around_names, name_handles, name_initials, name_logins, recurring_ages
from assistant.phi.spans import (
    Span,
    chain,
    dates_without_times,
    markup_view,
    outside,
    plain_view,
    resolve,
    saint_names,
    to_text,
    unescaped_view,
    whole_words,
)

SCORE_THRESHOLD = 0.35
# Presidio / project entity -> placeholder label.
LABELS = {
    "PERSON": "PERSON", "DATE": "DATE", "DATE_TIME": "DATE", "MRN": "MRN", "PHONE": "PHONE",
    "PHONE_NUMBER": "PHONE", "ADDRESS": "ADDRESS", "ZIP": "ZIP", "MBI": "MBI", "EMAIL_ADDRESS": "EMAIL",
    "SSN": "SSN", "US_SSN": "SSN", "NPI": "NPI", "ID": "ID", "US_ITIN": "ID", "MEDICAL_LICENSE": "ID",
    "AGE": "AGE", "CREDIT_CARD": "CARD", "IBAN_CODE": "ACCOUNT", "IP_ADDRESS": "IP", "URL": "URL",
}  # fmt: skip



class Deidentified(BaseModel):
    """Scrubbed text plus the placeholder -> original map (kept locally, never sent)."""

    text: str
    mapping: dict[str, str] = Field(default_factory=dict)

    def reidentify(self, text: str) -> str:
        """Put the original value back for every known placeholder; leave unknown ones as they are."""
        return p.PLACEHOLDER_RE.sub(lambda m: self.mapping.get(m.group(0), m.group(0)), text)


def _offline_tldextract() -> None:
    """Make Presidio's e-mail recognizer use tldextract's bundled suffix snapshot, never a fetch."""
    import tldextract
    import tldextract.tldextract as tx

    if getattr(tx.TLD_EXTRACTOR, "_cts_offline", False):
        return
    extractor = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)
    extractor._cts_offline = True  # type: ignore[attr-defined]
    tx.TLD_EXTRACTOR = extractor


def _import_presidio() -> None:
    """Import Presidio without its optional Hugging Face engine.

    When ``transformers`` and ``torch`` are installed (the ``embed`` extra), Presidio imports them
    eagerly (its Hugging Face recognizer, its device probe) and spaCy's thinc imports torch: seconds
    of start-up for models this module never runs. They are hidden for the duration of the import
    only; a later ``import torch`` elsewhere works as usual.
    """
    if "presidio_analyzer" in sys.modules:
        return
    os.environ.setdefault("PRESIDIO_DEVICE", "cpu")  # no model runs here; a caller's own setting stands
    import assistant.spacy_light  # noqa: F401  (spaCy first, without torch)

    hidden = [name for name in ("transformers", "torch") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # import -> ImportError, handled by Presidio
    try:
        import presidio_analyzer  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]


def _build_analyzer() -> Any:
    _import_presidio()
    import spacy
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer
    from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine

    class BlankSpacyEngine(SpacyNlpEngine):
        def load(self) -> None:
            nlp = spacy.blank("en")
            nlp.max_length = 2_000_000
            self.nlp = {"en": nlp}  # type: ignore[assignment]

        def process_text(self, text: str, language: str) -> Any:
            # No recognizer here reads tokens (no NER, no lemma context), and spaCy's tokenizer is
            # quadratic on long runs without spaces (a page of emoji or brackets): skip it.
            return self._doc_to_nlp_artifact(self.nlp[language].make_doc(""), language)  # type: ignore[index]

        def _doc_to_nlp_artifact(self, doc: Any, language: str) -> Any:
            # Tokens only: no lemmas/keywords/entities (nothing downstream reads them; they cost ~25%).
            return NlpArtifacts(
                entities=[], tokens=doc, tokens_indices=[], lemmas=[], nlp_engine=None, language=language
            )

    class NoContextEnhancer(ContextAwareEnhancer):
        """A blank pipeline has no lemmas, so Presidio's lemma enhancer only costs time (~40% of a
        call); the project recognizers carry their context (labels, titles) in the regex itself."""

        def __init__(self) -> None:
            super().__init__(0.0, 0.0, 0, 0)

        def enhance_using_context(self, text: str, raw_results: list[Any], *args: Any, **kwargs: Any) -> list[Any]:
            return raw_results

    nlp_engine = BlankSpacyEngine(models=[{"lang_code": "en", "model_name": "blank_en"}])
    nlp_engine.load()
    registry = _registry()
    return AnalyzerEngine(
        nlp_engine=nlp_engine, registry=registry, supported_languages=["en"], context_aware_enhancer=NoContextEnhancer()
    )


def _registry() -> Any:
    """The recognizers the analyzer runs: hand-picked Presidio ones plus the project's own."""
    from presidio_analyzer import RecognizerRegistry
    from presidio_analyzer.predefined_recognizers import (
        CreditCardRecognizer,
        DateRecognizer,
        EmailRecognizer,
        IbanRecognizer,
        IpRecognizer,
        MedicalLicenseRecognizer,
        UsItinRecognizer,
        UsSsnRecognizer,
    )

    from assistant.phi.recognizers import project_recognizers

    registry = RecognizerRegistry(supported_languages=["en"])
    # Hand-picked predefined pattern recognizers. Left out on purpose: the US driver licence (flags
    # "x1", "G0541", "I69"), bank/passport (bare digit runs at 0.05), NHS, crypto, MAC, UUID, spaCy
    # NER; phone (phonenumbers: 35 ms/note with its 8 default regions, ~6 ms US-only) and URL
    # (~3 ms) are replaced by project regexes in recognizers.find_ids.
    for recognizer in (
        CreditCardRecognizer(), EmailRecognizer(), IpRecognizer(), IbanRecognizer(), UsItinRecognizer(),
        UsSsnRecognizer(), MedicalLicenseRecognizer(), DateRecognizer(), *project_recognizers(),
    ):  # fmt: skip
        registry.add_recognizer(recognizer)
    return registry


def _quiet_presidio() -> None:
    for name in ("presidio-analyzer", "presidio-anonymizer", "decision_process"):
        logging.getLogger(name).setLevel(logging.WARNING)


class Deidentifier:
    """Builds Presidio once; ``deidentify`` is then cheap and safe to call from several threads."""

    def __init__(self, extra_names: Iterable[str] = ()) -> None:
        _import_presidio()
        from presidio_anonymizer import AnonymizerEngine

        from assistant.phi.known import known_names_finder
        from assistant.phi.recognizers import ProjectRecognizer

        _quiet_presidio()
        _offline_tldextract()
        self._analyzer = _build_analyzer()
        self._anonymizer = AnonymizerEngine()  # type: ignore[no-untyped-call]
        self._recognizer_cls = ProjectRecognizer
        self._names_finder = known_names_finder
        finder = known_names_finder(extra_names)
        if finder is not None:
            self._analyzer.registry.add_recognizer(ProjectRecognizer("CtsDenyListRecognizer", ["PERSON"], finder))

    def deidentify(self, text: str, *, extra_names: Iterable[str] = ()) -> Deidentified:
        """Replace PHI in ``text`` with placeholders such as ``<PERSON_1>``.

        ``extra_names`` (e.g. patient and caregiver names from the EHR context) are scrubbed
        wherever they occur, for this call only. Same value -> same placeholder within one text.
        """
        if not isinstance(text, str):
            raise NotTextError("de-identification needs text", hint="decode the note as UTF-8 first")
        if not text.strip():
            return Deidentified(text=text, mapping={})
        ad_hoc = []
        finder = self._names_finder(extra_names)
        if finder is not None:
            ad_hoc.append(self._recognizer_cls("CtsCallNames", ["PERSON"], finder))
        # look-alikes read as ASCII, zero-width characters left out: spans are mapped back by ``index``
        markup, outer = markup_view(unescaped_view(text))  # an HTML body read as text: "&nbsp;", "<!-- -->"
        view, inner = plain_view(markup)
        index = chain(outer, inner)
        results = self._analyzer.analyze(
            view, language="en", score_threshold=SCORE_THRESHOLD, ad_hoc_recognizers=ad_hoc or None
        )
        protected = p.protected_spans(view, fields.protected(view) + vocab.dose_spans(view))
        zones = vocab.payer_zones(view)  # a payer's name and address are never the patient's
        spans = [(r.start, r.end, LABELS.get(r.entity_type, "ID"), r.score) for r in results]
        spans = p.without_system_addresses(view, spans)
        spans = resolve(protected, outside(zones, spans))
        spans = dates_without_times(view, spans)
        spans = resolve(protected, spans + around_names(view, spans))
        spans = resolve(protected, outside(zones, spans + self._recurrences(view, spans)))
        return self._anonymize(text, to_text(index, whole_words(view, saint_names(view, spans))))

    def _recurrences(self, text: str, spans: list[Span]) -> list[Span]:
        """A value found once in context is scrubbed wherever it recurs without that context:
        "daughter Karen" -> "Karen reports"; "Springfield, IL 62704" -> "lives in Springfield"."""
        out: list[Span] = []
        names = self._names_finder({text[s:e] for s, e, label, _ in spans if label == "PERSON"}, score=0.8)
        if names is not None:
            out += names(text)
        values = {text[s:e]: label for s, e, label, _ in spans if label != "PERSON" and e - s >= 3}
        values |= {town: "ADDRESS" for town in _towns(values) + _place_heads(values)}
        # a place's name found in its words recurs in a letterhead or a running header in capitals
        places = [v for v, label in values.items() if label == "ADDRESS" and _PLACE_NAME.fullmatch(v)]
        values |= {v.upper(): "ADDRESS" for v in places}
        values |= {text[s:e]: label for s, e, label, _ in spans if label == "PERSON" and _INITIALS.fullmatch(text[s:e])}
        # a value found in its context ("acct" column, "MRN:") keeps that strength where it recurs bare, even
        # where it looks like a billing token ("55120", a CSV row quoted again in a brief)
        from assistant.phi.recognizers import STRONG

        strong = {text[s:e] for s, e, _, score in spans if score >= STRONG}
        out += recurring_ages(text, spans) + name_initials(text, spans) + name_logins(text, spans)
        out += name_handles(text, spans)
        if values:
            alternation = "|".join(map(re.escape, sorted(values, key=len, reverse=True)))
            out += [
                (m.start(), m.end(), values[m.group()], STRONG if m.group() in strong else 0.8)
                for m in re.finditer(rf"(?<!\w)(?:{alternation})(?!\w)", text)
            ]
        return out

    def _anonymize(self, text: str, spans: list[Span]) -> Deidentified:
        from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

        taken = {m.group(0) for m in p.PLACEHOLDER_RE.finditer(text)}  # never collide with text already there
        counters: dict[str, int] = {}
        by_value: dict[str, str] = {}
        for start, end, label, _ in spans:
            value = text[start:end]
            if value in by_value:
                continue
            n = counters.get(label, 0)
            while True:
                n += 1
                placeholder = f"<{label}_{n}>"
                if placeholder not in taken:
                    break
            counters[label] = n
            by_value[value] = placeholder
        if not spans:
            return Deidentified(text=text, mapping={})
        mapping = {ph: value for value, ph in by_value.items()}
        ordered = sorted((s, e) for s, e, _, _ in spans)
        if _disjoint(ordered):
            # Disjoint spans (the usual case) are replaced in one pass. Why not Presidio's anonymizer here: it
            # rebuilds the text per replacement, quadratic in the number of names (1 MB of them took 100 s).
            # It resolves overlapping spans, so those still go to it.
            return Deidentified(text=_replaced(text, ordered, by_value), mapping=mapping)
        result = self._anonymizer.anonymize(
            text=text,
            analyzer_results=[RecognizerResult(label, s, e, score) for s, e, label, score in spans],
            operators={"DEFAULT": OperatorConfig("custom", {"lambda": by_value.__getitem__})},
            merge_entities_with_spaces=False,
        )
        return Deidentified(text=result.text, mapping=mapping)


def _disjoint(ordered: list[tuple[int, int]]) -> bool:
    """Sorted spans, none empty, none overlapping the next."""
    return all(a < b for a, b in ordered) and all(x[1] <= y[0] for x, y in itertools.pairwise(ordered))


def _replaced(text: str, ordered: list[tuple[int, int]], by_value: dict[str, str]) -> str:
    parts, pos = [], 0
    for start, end in ordered:
        parts += [text[pos:start], by_value[text[start:end]]]
        pos = end
    return "".join([*parts, text[pos:]])


# initials standing for a person, dotted: "R.Q.", "A.K.-T." (found in a name cell or beside a name)
_INITIALS = re.compile(r"(?:[A-Z]\.(?:-?[A-Z]\.)+)")
_TOWN_STATE = re.compile(rf"(?P<town>[^\W\d_]{{3,}}+(?:[ \t\-][^\W\d_]++){{0,2}}),?[ \t]+(?:{p._STATE})")


def _towns(values: dict[str, str]) -> list[str]:
    """The town of a "Dearborn MI" place found with its state: it recurs alone ("Day Center, Dearborn")."""
    found = (_TOWN_STATE.fullmatch(v) for v, label in values.items() if label == "ADDRESS")
    return [m.group("town") for m in found if m and m.group("town").lower() not in p.NOT_NAMES]


# a place's name of capitalised words and no number: "Lakeshore Peds Therapy", "Whitfield Elementary"
_PLACE_NAME = re.compile(r"(?P<head>[A-Z][a-z]{3,}+)(?:[ \t]+[A-Z][\w'’\-]*+){1,3}+")


def _place_heads(values: dict[str, str]) -> list[str]:
    """The first word of a place's name, when English seldom uses it, recurs alone: "PT at Lakeshore is ..." """
    from assistant.phi.lexicon import get_lexicon

    lex = get_lexicon()
    found = (_PLACE_NAME.fullmatch(v) for v, label in values.items() if label == "ADDRESS")
    return [m["head"] for m in found if m and m["head"].lower() not in p.NOT_NAMES and lex.zipf(m["head"]) < 3.0]


_shared: Deidentifier | None = None
_lock = threading.Lock()


def get_deidentifier() -> Deidentifier:
    """The process-wide instance, built on first use (not at import)."""
    global _shared
    if _shared is None:
        with _lock:
            if _shared is None:
                _shared = Deidentifier()
    return _shared
