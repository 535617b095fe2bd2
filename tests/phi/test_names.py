"""Names and identifiers without labels: scrubbed; clinical words beside them: kept. All synthetic."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import KnowledgeError
from assistant.phi import Deidentifier
from assistant.phi import lexicon as lx
from assistant.phi.fold import fold
from assistant.phi.known import whole_word


@pytest.mark.parametrize(
    ("text", "secret", "kept"),
    [
        ("Seen with Olufemi today; taught transfers.", "Olufemi", "taught transfers"),
        ("seen with maria today, maria return demo x2.", "maria", "return demo x2"),
        ("neighbor Frank helped; frank needed cues.", "frank", "needed cues"),
        ("PATIENT: JOHNSON, DELORES  dob 02-11-1933", "DELORES", "PATIENT"),
        ("Dr. Wiśniewski ordered CTS.", "śniewski", "ordered CTS"),
        ("Wife Mária Zielińska attended.", "Zielińska", "Wife"),
        ("Pt Þórunn Sigurðardóttir not present.", "Sigurðardóttir", "not present"),
        ("Spoke w/ Kim Min-seo (daughter-in-law) today.", "Min-seo", "daughter-in-law"),
        ("Mark (husband) & Will (son); Will return demo ok, pt will benefit.", "Will (son)", "pt will benefit"),
        ("Caregivers: Hope (daughter of pt). We hope to repeat monthly.", "Hope (", "hope to repeat monthly"),
        ("One unit each on Ó Súilleabháin claims.", "Súilleabháin", "One unit"),
        ("Signed B. Sandoval, PTA; co-signed Grace Park, DPT", "Park", "PTA"),
        ("Facilitator Ciarán Walsh, OTR/L", "Ciarán", "OTR/L"),
        ("Hi, I'm Lisa (dtr). Dad is 94 years old.", "Lisa", "dtr"),
        ("ACNT: 7731-22  ICN 2225012345678", "7731-22", "ICN"),
        ("CLM*PCN5510204*136***11:B:1*Y*A*Y*Y~", "PCN5510204", "CLM"),
        ("serial PM-M3C-2291847; SN 7K4-22819-B; aid 19A44721", "2291847", "serial"),
        ("DOB 04 17 1938; DOS 03 04 25; DOB MAR-09-1930", "1938", "DOB"),
        ("Group session Tues 3/4 13:00-14:05", "Tues 3/4", "13:00-14:05"),
        ("Pt, 93 y.o., napping; G. Hunter 90F", "93 y.o.", "napping"),
        ("Flat 2, 14 Elm Grove, Leeds LS6 2AB.", "2AB", "."),
        ("Home: RR 2 Box 41 and HC 61 Box 12", "Box 41", "Home"),
        ("Casa: 3307 Calle Polar, El Paso, TX 79936.", "Calle Polar", "TX"),
        ("resident Maple Crest SNF room 118-B.", "Maple Crest", "resident"),
        ("at dialysis (Westside Dialysis, chair 12), not present", "Westside", "not present"),
        ("N3*8812 BOLSA AVE APT 7~\nN4*WESTMINSTER*CA*92683~", "WESTMINSTER", "N4"),
        ("NM1*IL*1*NGUYEN*THI HOA****MI*8QP2M71GV45~", "THI HOA", "NM1*IL*1*"),
    ],
)
def test_found_without_labels(deid: Deidentifier, text: str, secret: str, kept: str) -> None:
    result = deid.deidentify(text)
    assert secret not in result.text
    assert kept in result.text
    assert result.reidentify(result.text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Reviewed Berg 38/56; Hoyer lift sling placement; Parkinson's disease w/o dyskinesia.",
        "BP rose slightly; IDDSI 2 liquids; 97550-GN-95; 97550 GP x1; HC:97550:GP; ABK:I69351",
        "Questions: 1-800-MEDICARE; billed $2,410; 1015-1047; 10:02-10:40, 38 min; upright 90 degrees.",
        "Caregiver will return with questions; pt will benefit from 1 more session, min A.",
    ],
)
def test_clinical_words_kept(deid: Deidentifier, text: str) -> None:
    assert deid.deidentify(text).text == text


@pytest.mark.parametrize(
    ("text", "known", "secret"),
    [
        ("PCP: Bảo Trần, OTR/L", ["Bao Tran"], "Trần"),
        ("Søren and Inge Kjærgaard came.", ["Inge Kjaergaard"], "Kjærgaard"),
        ("Pt Þórunn attended via phone.", ["Thorunn Sigurdardottir"], "Þórunn"),
        ("PATIENT: EZE, NGOZI A", ["Ngozi Eze"], "NGOZI"),
        ("rose delgado called; BP rose.", ["Rose Delgado"], "delgado"),
    ],
)
def test_known_names_folded_any_case(deid: Deidentifier, text: str, known: list[str], secret: str) -> None:
    result = deid.deidentify(text, extra_names=known)
    assert secret not in result.text
    assert result.reidentify(result.text) == text


def test_common_word_part_of_a_known_name_is_kept_as_a_word(deid: Deidentifier) -> None:
    assert "BP rose" in deid.deidentify("BP rose after transfer.", extra_names=["Rose Delgado"]).text


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Mr. Wiśniewski", (4, 6), "Wiśniewski"),
        ("Adaeze Eze-Okafor (dtr)", (7, 10), "Eze-Okafor"),
        ("age 90F", (4, 6), "90"),
        ("Ó Súilleabháin", (2, 14), "Súilleabháin"),
    ],
)
def test_whole_word_never_cuts_a_word(text: str, span: tuple[int, int], expected: str) -> None:
    start, end = whole_word(text, *span)
    assert text[start:end] == expected


def test_fold_maps_back_to_the_original() -> None:
    folded, index = fold("Þórunn Łukasz")
    assert folded == "Thorunn Lukasz"
    start = folded.index("Lukasz")
    assert "Þórunn Łukasz"[index[start] : index[start + len("Lukasz") - 1] + 1] == "Łukasz"


def test_lexicon_refuses_a_changed_names_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    changed = tmp_path / "names.tsv.gz"
    changed.write_bytes(lx.NAMES_FILE.read_bytes() + b"x")
    monkeypatch.setattr(lx, "NAMES_FILE", changed)
    with pytest.raises(KnowledgeError, match="checksum"):
        lx._load_names()


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ('{"text": "N4*WESTMINSTER*CA*92683~", "heading": "Session"}', "92683"),
        ('{"payer_text": "NM1*IL*1*NGUYEN*THI HOA****MI*8QP2M71GV45~\\nN4*WESTMINSTER*CA*92683~"}', "92683"),
        ('{"note": "PID|1||00451872^^^MRN||TALLCHIEF^WINONA^R||19330704|F"}', "WINONA"),
        ('{"quotes": ["Seen with Olufemi today"]}', "Olufemi"),
    ],
)
def test_found_inside_a_json_brief(deid: Deidentifier, text: str, secret: str) -> None:
    """Drafting sends a JSON brief that quotes the note line by line, with escaped line breaks."""
    result = deid.deidentify(text)
    assert secret not in result.text
    assert result.reidentify(result.text) == text


def test_disjoint_spans_are_replaced_as_presidio_replaces_them(deid: Deidentifier) -> None:
    """The one-pass replacement (linear in the number of names) gives Presidio's anonymizer's text."""
    import random

    from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

    rng = random.Random(3)
    for _ in range(500):
        text = "".join(rng.choice("ab Cd\nxé,") for _ in range(rng.randint(1, 60)))
        cuts = sorted(set(rng.sample(range(len(text) + 1), min(len(text) + 1, 2 * rng.randint(1, 4)))))
        spans = [(cuts[i], cuts[i + 1], rng.choice(["PERSON", "DATE"]), 0.9) for i in range(0, len(cuts) - 1, 2)]
        spans = [s for s in spans if s[0] < s[1]]
        if not spans:
            continue
        ours = deid._anonymize(text, spans)
        placeholder = {value: ph for ph, value in ours.mapping.items()}
        theirs = deid._anonymizer.anonymize(
            text=text,
            analyzer_results=[RecognizerResult(label, s, e, score) for s, e, label, score in spans],
            operators={"DEFAULT": OperatorConfig("custom", {"lambda": placeholder.__getitem__})},
            merge_entities_with_spaces=False,
        )
        assert ours.text == theirs.text, (text, spans)
