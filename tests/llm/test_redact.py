"""What of a prompt is de-identified: the values' data, never the template or the named project text."""

from __future__ import annotations

import json
from typing import Any

import pytest

from assistant.errors import BackendRefusedError
from assistant.llm.redact import deidentify_values, safe_forms, split_safe

PASSAGE = 'Bill 97550/97551/97552 or G0541-G0543 per the "Physician Fee Schedule" from January 1, 2024.'


class Upper:
    """A stand-in de-identifier that makes every scrubbed piece visible (upper case) and counts its calls."""

    def __init__(self, eat_separator: bool = False) -> None:
        self.calls: list[str] = []
        self.eat_separator = eat_separator

    def deidentify(self, text: str, extra_names: tuple[str, ...] = ()) -> Any:
        self.calls.append(text)
        out = text.upper()
        if self.eat_separator and len(self.calls) == 1:
            out = out.replace("\u241e", "", 3)

        class D:
            def __init__(self) -> None:
                self.text, self.mapping = out, {}

        return D()


@pytest.mark.parametrize(
    ("value", "forms", "expected"),
    [
        ("no project text here", ["a heading of twenty chars"], [("no project text here", False)]),
        ("x " + PASSAGE + " y", [PASSAGE], [("x ", False), (PASSAGE, True), (" y", False)]),
        (PASSAGE, [PASSAGE], [(PASSAGE, True)]),
        (PASSAGE + PASSAGE, [PASSAGE], [(PASSAGE, True), (PASSAGE, True)]),
        ("", [PASSAGE], [("", False)]),
    ],
)
def test_split_safe(value: str, forms: list[str], expected: list[tuple[str, bool]]) -> None:
    assert split_safe(value, forms) == expected


def test_safe_forms_include_the_json_escaped_text_and_skip_short_ones() -> None:
    forms = safe_forms([PASSAGE, "GP", "short heading"])
    assert PASSAGE in forms and json.dumps(PASSAGE)[1:-1] in forms
    assert "GP" not in forms and "short heading" not in forms


def test_only_data_is_scrubbed_in_one_call() -> None:
    deid = Upper()
    brief = json.dumps({"passage": PASSAGE, "quote": "daughter maria did the transfer"})
    values = {"brief": brief, "note": "maria was trained", "repair": "", "_phi_names": ("Maria",),
              "_phi_safe": [PASSAGE]}
    out, _ = deidentify_values(deid, values, safe=values["_phi_safe"], names=values["_phi_names"])
    assert len(deid.calls) == 1  # one placeholder per value across every variable
    assert json.dumps(PASSAGE)[1:-1] in out["brief"]  # the passage as written, inside the JSON
    assert "DAUGHTER MARIA DID THE TRANSFER" in out["brief"] and out["note"] == "MARIA WAS TRAINED"
    assert out["_phi_names"] == ("Maria",)


def test_a_touched_separator_falls_back_to_scrubbing_every_value_whole() -> None:
    deid = Upper(eat_separator=True)
    values = {"brief": "x " + PASSAGE, "note": "maria", "repair": ""}
    out, _ = deidentify_values(deid, values, safe=[PASSAGE])
    assert out["brief"] == ("x " + PASSAGE).upper() and out["note"] == "MARIA"


def test_a_broken_structure_refuses_to_send() -> None:
    class Eats(Upper):
        def deidentify(self, text: str, extra_names: tuple[str, ...] = ()) -> Any:
            d = super().deidentify(text, extra_names)
            d.text = d.text.replace("\u241e", "")
            return d

    with pytest.raises(BackendRefusedError):
        deidentify_values(Eats(), {"brief": "a", "note": "b", "repair": ""})


@pytest.mark.slow
def test_real_deidentifier_keeps_project_text_and_scrubs_the_note() -> None:
    from assistant.phi import get_deidentifier

    values = {"brief": json.dumps({"sources": [{"text": PASSAGE}]}), "note": "Seen with Olufemi Adeyemi today.",
              "repair": ""}
    out, deid = deidentify_values(get_deidentifier(), values, safe=[PASSAGE])
    assert json.dumps(PASSAGE)[1:-1] in out["brief"]
    assert "Olufemi" not in out["note"] and "Olufemi Adeyemi" in deid.mapping.values()


@pytest.mark.parametrize(
    ("ident", "kept"),
    [("ngs-cts", True), ("cms-mbpm-ch15-220.3", True), ("faq:once_per_date#0", True),
     ("has space", False), ("", False), ('quo"te', False), ("caregiver", False)],
)
def test_knowledge_ids_are_kept_whole_with_their_quotes(ident: str, kept: bool) -> None:
    # hostile16 #9: short source ids with digits went out as <ID_n>, so the model could not cite them
    assert (json.dumps(ident) in safe_forms([], [ident])) is kept


def test_a_brief_keeps_its_source_ids_and_scrubs_a_note_word_equal_to_one() -> None:
    deid = Upper()
    brief = json.dumps({"sources": ["cms-mbpm-ch15-220", "ngs-cts"], "quote": "ref ngs-cts 4471"})
    out, _ = deidentify_values(deid, {"brief": brief}, safe_ids=["cms-mbpm-ch15-220", "ngs-cts"])
    assert '"cms-mbpm-ch15-220"' in out["brief"] and '"ngs-cts"' in out["brief"]
    assert "REF NGS-CTS 4471" in out["brief"]  # unquoted, in the note's words: data, scrubbed


def test_a_quoted_csv_cell_equal_to_a_plain_id_stays_with_its_table() -> None:
    # a plain-word id kept as a safe form cut a CSV's quoted cells from their column label (phi_r8 #46 leaked ids)
    deid = Upper()
    csv = '"contact_id";"role"\n"c-901";"caregiver"'
    deidentify_values(deid, {"note": csv}, safe_ids=["caregiver", "ngs-cts"])
    assert len(deid.calls) == 1 and deid.calls[0] == csv
