"""Offline experiment (issue #8, item 7): does a per-sentence element classifier on the shipped
static embeddings improve the rule-based note check on notes it was not trained on?

For each element check, sentences are embedded with the model2vec model the retrieval layer ships
(assistant/retrieval/models/model2vec-minilm-pca256). Training labels are weak: the sentences the
rules cite as evidence in notes labelled `met` are positives, every sentence of notes labelled
`missing` is a negative. Evaluation is leave-one-corpus-out over the three development corpora
(train on two authors' notes, test on the third) and on the older sets: the combined method flips
a rule `missing` to `met` when the classifier fires on a sentence with probability >= THRESHOLD,
and that sentence is the evidence. Results go to docs/notes-method.md.

    python scripts/element_classifier_experiment.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ELEMENTS = ("patient_absent", "consent", "need_and_goal", "skills_taught", "return_demo", "skilled_need")
THRESHOLD = 0.8
_SPLIT = re.compile(r"(?<=[.;!?])\s+|\n+| period ")


def sentences(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in _SPLIT.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


def main() -> None:
    from model2vec import StaticModel
    from sklearn.linear_model import LogisticRegression

    import assistant
    from evals.labels import NOTES_DEV, NOTES_HOLDOUT, load_notes

    model = StaticModel.from_pretrained(str(ROOT / "assistant" / "retrieval" / "models" / "model2vec-minilm-pca256"))
    corpora = {p.stem[-1]: load_notes(p) for p in sorted((ROOT / "evals" / "datasets").glob("notes_rw_dev_*.yaml"))}
    older = load_notes(NOTES_DEV) + load_notes(NOTES_HOLDOUT)
    cache: dict[str, tuple[Any, list[tuple[int, int]], np.ndarray]] = {}

    def prepared(item: Any) -> tuple[Any, list[tuple[int, int]], np.ndarray]:
        if item.id not in cache:
            report = assistant.check_note(item.text, dos=item.dos, billed=item.billed, profile=item.profile)
            spans = sentences(item.text)
            vectors = model.encode([item.text[a:b] for a, b in spans]) if spans else np.zeros((0, 256))
            cache[item.id] = (report, spans, vectors)
        return cache[item.id]

    def training(items: list, element: str) -> tuple[np.ndarray, np.ndarray]:
        xs, ys = [], []
        for item in items:
            report, spans, vectors = prepared(item)
            label = item.expected_checks[element]
            if label == "met":
                ev = report.check(element).evidence
                for i, (a, b) in enumerate(spans):
                    if any(a <= e.start < b for e in ev):
                        xs.append(vectors[i]), ys.append(1)
            elif label == "missing":
                xs += list(vectors)
                ys += [0] * len(vectors)
        return np.array(xs), np.array(ys)

    def accuracy(items: list, element: str, clf: object | None) -> tuple[float, float]:
        rules = combined = 0
        for item in items:
            report, _spans, vectors = prepared(item)
            want, got = item.expected_checks[element], report.check(element).status
            rules += got == want
            fires = clf is not None and len(vectors) and clf.predict_proba(vectors)[:, 1].max() >= THRESHOLD
            if got == "missing" and fires:
                got = "met"
            combined += got == want
        return rules / len(items), combined / len(items)

    rows = []
    for element in ELEMENTS:
        for held in corpora:
            train = [it for k, items in corpora.items() if k != held for it in items]
            x, y = training(train, element)
            clf = LogisticRegression(max_iter=2000, class_weight="balanced").fit(x, y) if len(set(y)) == 2 else None
            r, c = accuracy(corpora[held], element, clf)
            r_old, c_old = accuracy(older, element, clf)
            rows.append((element, held, r, c, r_old, c_old))
            print(f"{element:15} test={held}  rules {r:.3f}  rules+clf {c:.3f}   "
                  f"older sets: rules {r_old:.3f}  rules+clf {c_old:.3f}", flush=True)


if __name__ == "__main__":
    main()
