"""The public surface other modules code against."""

from __future__ import annotations

import subprocess
import sys

import pytest

from assistant.phi import Deidentified, Deidentifier, get_deidentifier


@pytest.mark.slow
def test_import_is_cheap() -> None:
    code = "import sys, assistant.phi; assert 'presidio_analyzer' not in sys.modules and 'spacy' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_egress_does_not_load_the_engine() -> None:
    # The offline drafter imports the egress policy (through the model guard) and scrubs nothing;
    # the engine's patterns cost its cold start ~0.15 s of CPU (under load) when this was eager.
    code = "import sys, assistant.phi.egress; assert 'assistant.phi.engine' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_unknown_name_is_an_attribute_error() -> None:
    import assistant.phi

    with pytest.raises(AttributeError, match="no_such_name"):
        assistant.phi.no_such_name  # noqa: B018


def test_shared_instance_is_cached() -> None:
    first = get_deidentifier()
    assert isinstance(first, Deidentifier)
    assert get_deidentifier() is first


def test_deidentified_model() -> None:
    result = Deidentified(text="Seen by <PERSON_1> on <DATE_1>.", mapping={"<PERSON_1>": "Karen", "<DATE_1>": "3/4/25"})
    assert result.reidentify(result.text) == "Seen by Karen on 3/4/25."
    assert result.reidentify("<PERSON_2> <PERSON_1>") == "<PERSON_2> Karen"
    # values that look like placeholders are not expanded a second time
    tricky = Deidentified(text="<ID_1>", mapping={"<ID_1>": "<DATE_1>", "<DATE_1>": "x"})
    assert tricky.reidentify("<ID_1>") == "<DATE_1>"
    assert Deidentified.model_validate_json(result.model_dump_json()) == result


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "97550 x1 GP"])
def test_nothing_to_scrub(deid: Deidentifier, text: str) -> None:
    result = deid.deidentify(text)
    assert result.text == text
    assert result.mapping == {}


def test_same_value_same_placeholder(deid: Deidentifier) -> None:
    text = (
        "DOS 03/04/2025. Caregiver Karen trained. Karen did teach-back on 03/04/2025; "
        "call 217-555-0143 or 217-555-0143."
    )
    result = deid.deidentify(text)
    assert result.text == (
        "DOS <DATE_1>. Caregiver <PERSON_1> trained. <PERSON_1> did teach-back on <DATE_1>; "
        "call <PHONE_1> or <PHONE_1>."
    )
    assert result.mapping == {"<DATE_1>": "03/04/2025", "<PERSON_1>": "Karen", "<PHONE_1>": "217-555-0143"}


def test_names_found_once_are_scrubbed_everywhere(deid: Deidentifier) -> None:
    result = deid.deidentify("Caregiver: daughter Karen O'Connell. Later Karen reports O'Connell family stress.")
    assert "Karen" not in result.text and "O'Connell" not in result.text


def test_other_values_found_once_are_scrubbed_everywhere(deid: Deidentifier) -> None:
    result = deid.deidentify(
        "Lives in Springfield, IL 62704. Springfield senior center. MRN: 00482913; chart 00482913."
    )
    assert "Springfield" not in result.text and "00482913" not in result.text
    assert result.text.count("<ADDRESS_1>") == 2 and result.text.count("<MRN_1>") == 2


def test_extra_names_constructor_and_call() -> None:
    deid = Deidentifier(extra_names=["Zeb Quill"])
    # "qorvath" in lower case is no listed name and stands in no person's place: only a given name finds it
    text = "zeb quill and Quill attended; the qorvath too."
    plain = deid.deidentify(text)
    assert "zeb quill" not in plain.text and "Quill" not in plain.text
    assert "qorvath" in plain.text
    per_call = deid.deidentify(text, extra_names=["Qorvath"])
    assert "qorvath" not in per_call.text
    # per-call names do not stick to the engine
    assert "qorvath" in deid.deidentify(text).text


def test_extra_names_never_scrub_clinical_words(deid: Deidentifier) -> None:
    result = deid.deidentify(
        "Caregiver needed Min A. Patient absent.", extra_names=["Min", "Patient", "Caregiver", "PT"]
    )
    assert result.text == "Caregiver needed Min A. Patient absent."


def test_existing_placeholder_text_is_not_reused(deid: Deidentifier) -> None:
    text = "Template <PERSON_1> stays; wife Mary Jones attended."
    result = deid.deidentify(text)
    assert "<PERSON_1>" not in result.mapping
    assert result.text == "Template <PERSON_1> stays; wife <PERSON_2> attended."
    assert result.reidentify(result.text) == text


def test_concurrent_calls_match_sequential(deid: Deidentifier, cts_note: str) -> None:
    from concurrent.futures import ThreadPoolExecutor

    notes = [cts_note.replace("Karen", name) for name in ("Karen", "Maria", "Olga", "Priya")] * 3
    expected = [deid.deidentify(n) for n in notes]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(deid.deidentify, notes)) == expected


def test_rejects_bytes(deid: Deidentifier) -> None:
    from assistant.errors import NotTextError

    with pytest.raises(NotTextError):
        deid.deidentify(b"Patient: Margaret O'Connell")  # type: ignore[arg-type]
