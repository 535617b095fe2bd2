"""What of a prompt is de-identified before it leaves for a remote model: the values, never the template.

A prompt file's own text (the rules, the JSON schema) and the knowledge base's passages are the project's words,
not a patient's: scrubbing them turned "Physician Fee Schedule" into "Physician <PERSON_1> Schedule" and
"G0541-G0543" into "<ID_3>", so the model could no longer read the codes or dates it is asked to argue from.
Only the variables' values are de-identified, in one call (one placeholder per value across all of them); inside
a value, the stretches that are project text the caller names (`_phi_safe`: a passage, a pattern's argument, a
section heading), as written or JSON-escaped in a brief, are kept as they are. Everything else in a value is data
and is scrubbed, even when the caller forgot to say so.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from assistant.errors import BackendRefusedError

SEPARATOR = "\n\u241e\u241e\u241e\n"  # never in a note: the de-identifier leaves it alone, so pieces split back
MIN_SAFE_CHARS = 20  # a shorter stretch could be a note's own words that happen to equal a heading


# an id the de-identifier could take for a record number: it holds a digit or a joiner; a plain word ("caregiver") is
# never scrubbed, and kept as a safe form it would cut a pasted CSV's quoted cells away from their column's label
ID_SHAPE = re.compile(r"(?=[^\s\"]*[0-9:#/-])[A-Za-z0-9][A-Za-z0-9._:#/-]{1,80}")


def safe_forms(texts: Iterable[str], ids: Iterable[str] = ()) -> list[str]:
    """Each project text as written and as a JSON string's body (how it sits in a brief), longest first; each
    knowledge-base id as a whole JSON string with its quotes. Ids are short ("ngs-cts", "faq:once_per_date#0") and
    hold digits, so the de-identifier took them for record numbers and the model could no longer cite its sources;
    kept with their quotes, they cannot match a note's own words."""
    forms: set[str] = set()
    for text in texts:
        if isinstance(text, str) and len(text) >= MIN_SAFE_CHARS:
            forms.add(text)
            forms.add(json.dumps(text, ensure_ascii=False)[1:-1])
    for ident in ids:
        if isinstance(ident, str) and ID_SHAPE.fullmatch(ident):
            forms.add(json.dumps(ident))
    return sorted(forms, key=len, reverse=True)


def split_safe(value: str, forms: list[str]) -> list[tuple[str, bool]]:
    """`value` cut into (piece, is_project_text) in order. Each form is found with `str.find` (linear per form);
    where occurrences overlap the earlier, then the longer, wins."""
    found: list[tuple[int, int]] = []
    for form in forms:
        start = value.find(form)
        while start >= 0:
            found.append((start, start + len(form)))
            start = value.find(form, start + len(form))
    found.sort(key=lambda span: (span[0], -span[1]))
    pieces: list[tuple[str, bool]] = []
    pos = 0
    for start, end in found:
        if start < pos:
            continue
        if start > pos:
            pieces.append((value[pos:start], False))
        pieces.append((value[start:end], True))
        pos = end
    if pos < len(value) or not pieces:
        pieces.append((value[pos:], False))
    return pieces


def deidentify_values(deidentifier: Any, values: dict[str, Any], *, safe: Iterable[str] = (),
                      names: Iterable[str] = (), safe_ids: Iterable[str] = ()) -> tuple[dict[str, Any], Any]:
    """(the values with their data de-identified, the de-identifier's result for re-identifying the answer).

    Private keys ("_phi_names", "_phi_safe", "_phi_safe_ids") pass through; every other value is text to send."""
    forms = safe_forms(safe, safe_ids)
    keys = [k for k in values if not k.startswith("_")]
    cut = {k: split_safe(str(values[k]), forms) for k in keys}
    data = [piece for k in keys for piece, kept in cut[k] if not kept]
    deid = deidentifier.deidentify(SEPARATOR.join(data), extra_names=tuple(names))
    scrubbed = deid.text.split(SEPARATOR)
    if len(scrubbed) != len(data):  # a separator was touched: send every value scrubbed whole instead
        whole = deidentifier.deidentify(SEPARATOR.join(str(values[k]) for k in keys), extra_names=tuple(names))
        parts = whole.text.split(SEPARATOR)
        if len(parts) != len(keys):
            raise BackendRefusedError("de-identification changed the prompt's structure; nothing was sent")
        return {**values, **dict(zip(keys, parts, strict=True))}, whole
    out = dict(values)
    it = iter(scrubbed)
    for k in keys:
        out[k] = "".join(piece if kept else next(it) for piece, kept in cut[k])
    return out, deid
