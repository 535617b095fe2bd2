"""No CPT descriptor text copied into the knowledge base (AMA copyright).

The descriptors of 97550, +97551 and 97552 (cts-facts §1.1) are not reproduced in this repository:
the test holds SHA-256 prefixes of every run of ten consecutive normalised words of them, and no
such run may occur in any knowledge YAML. Short key phrases ("without the patient present",
"multiple sets of caregivers") stay allowed because they are shorter than ten words.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

SHINGLE = 10
FACTS = Path("/work/shared/domain/cts-facts.md")


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("'", "").replace("\u2019", ""))


def _digest(words: list[str]) -> str:
    return hashlib.sha256(" ".join(words).encode()).hexdigest()[:16]


def _shingles(text: str) -> set[str]:
    w = _words(text)
    return {_digest(w[i : i + SHINGLE]) for i in range(len(w) - SHINGLE + 1)}


CPT_DESCRIPTOR_SHINGLES = frozenset(
    [
        "022588f6f0cfe6e0",
        "02ec09ef6d4696d6",
        "04d1a3c0bf61a223",
        "19943d109d68c14d",
        "201ac288797a2a9f",
        "23f288433e9467c5",
        "29f39fcdedd555ca",
        "31cba3eb27cb32f1",
        "3459b0ad2e764455",
        "3518509944431620",
        "3b48a59ce3bce1e6",
        "3fb155280058987b",
        "412494cf0745913c",
        "4700f3aa34684f83",
        "4c5ef653938446c9",
        "517582160098ab6c",
        "5530e1d6ffce9792",
        "57f16151729fef55",
        "58d3714899cf630f",
        "6562cc6bc95a7f71",
        "66888651b8285bb8",
        "696ba67403d59649",
        "6c3430a99dac7d06",
        "6dcda9783f0e380e",
        "6e0d34e44f064b83",
        "72385a58ff97f325",
        "7268c01f10bd5f0d",
        "746e84cf80e92da3",
        "7dad60624110ad61",
        "807ec4621fbf8294",
        "8578ad4fec51069d",
        "8f0bb495afa0f5dc",
        "8fb1fb96262def82",
        "90d85f980c186ea2",
        "9a081bf403e112ad",
        "9d16449093377e03",
        "9e0b238f8098887d",
        "a67ab6656040aac6",
        "a74908cba8dc8f60",
        "aaaa51dcc7ce656c",
        "ae0db726d8c867ba",
        "b25bc2eaa6947ded",
        "b315c196c2ab3ba9",
        "b5790e9b08f15987",
        "b798a35554832159",
        "b7a6e0097db8fc7c",
        "bba628f7ead57ee8",
        "c03044c683bb1327",
        "c06ce44796f8a4ef",
        "c602fac84d9df697",
        "c660f50742baf602",
        "c8351b11bfd5496f",
        "cb57681046c8cd74",
        "cb95191e76500bdd",
        "ce0be58b3f17c90f",
        "ceb5c7a8b199549a",
        "d1b3a3602610b89e",
        "d648e77f33220d0e",
        "da370c662168161b",
        "dcfb4c40c39a7755",
        "e01aa0d8020db91e",
        "e1ee0964feb993fb",
        "e5bfc32e80fc9f1b",
        "e9db76abeac3dd50",
        "f0a38877601ec7ef",
        "f345c671098f3f0d",
        "f720211c6ae3b997",
        "f771b89afd1e9d7f",
        "faa2e4793ec93376",
    ]
)


def _yaml_files(kdir: Path) -> list[Path]:
    return sorted(kdir.rglob("*.yaml"))


def test_no_ten_word_run_of_a_cpt_descriptor(kdir: Path) -> None:
    assert len(CPT_DESCRIPTOR_SHINGLES) > 50
    for path in _yaml_files(kdir):
        found = _shingles(path.read_text(encoding="utf-8")) & CPT_DESCRIPTOR_SHINGLES
        assert not found, f"{path}: text matches a CPT descriptor"


def test_key_phrases_are_still_quoted(kdir: Path) -> None:
    text = " ".join(p.read_text(encoding="utf-8") for p in _yaml_files(kdir))
    assert "without the patient present" in text
    assert "multiple sets of caregivers" in text


@pytest.mark.skipif(not FACTS.is_file(), reason="shared domain facts not available")
def test_long_descriptor_sentences_from_the_facts_are_absent(kdir: Path) -> None:
    facts = FACTS.read_text(encoding="utf-8")
    section = facts[facts.index("### 1.1") : facts.index("Sources:", facts.index("### 1.1"))]
    rows = [line for line in section.splitlines() if re.match(r"\| \*\*\+?9755\d", line)]
    descriptors = [row.split("|")[2].replace("**", "").strip() for row in rows]
    assert len(descriptors) == 3
    corpus = " ".join(" ".join(_words(p.read_text(encoding="utf-8"))) for p in _yaml_files(kdir))
    for descriptor in descriptors:
        sentence = " ".join(_words(descriptor))
        assert len(sentence.split()) > 10
        assert sentence not in corpus
        lead = " ".join(_words(descriptor.split("(without")[0]))  # the long leading sentence, where there is one
        assert not lead or lead not in corpus
        assert _shingles(descriptor) <= CPT_DESCRIPTOR_SHINGLES  # the stored digests are current
