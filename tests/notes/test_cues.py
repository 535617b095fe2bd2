"""The NegEx cues found in the concept matcher's pass are the ones negspacy's own pass finds."""

from __future__ import annotations

import random
from pathlib import Path

from assistant.notes import cues, nlp


def _negspacy(negex, doc):  # type: ignore[no-untyped-def]
    return tuple(sorted((s, e) for _, s, e in found) for found in negex.process_negations(doc))


def test_cues_match_negspacy_on_notes_and_cue_soup() -> None:
    finder = nlp.finder()
    termsets = {"general": finder.general, "return_demo": finder.return_demo}
    words = sorted(
        {t.text for negex in termsets.values() for docs in cues._phrases(negex) for d in docs for t in d}
        | {"pt", "present", "increase", "change", "consent", "wife", ".", ","}
    )
    rng = random.Random(3)
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 60))) for _ in range(400)]
    texts.append((Path(__file__).parents[2] / "examples" / "note_ready.txt").read_text(encoding="utf-8"))
    for text in texts:
        doc = finder.nlp.tokenizer(text)
        found = cues.split_cues(finder.cue_matcher(doc), finder.cue_keys, tuple(termsets))
        for name, negex in termsets.items():
            assert tuple(sorted((s, e) for _, s, e in ms) for ms in found[name]) == _negspacy(negex, doc), text
