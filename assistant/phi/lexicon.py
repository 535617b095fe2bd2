"""Word knowledge for the name finder: how common a word is in English, and how common as a name.

Two data files, both read from installed packages or this package, each checked against a pinned
SHA-256 before use (a changed file raises `KnowledgeError` rather than silently changing what
gets scrubbed):

* ``data/names.tsv.gz``: first and last names with their best per-country popularity rank,
  derived from the names-dataset wheel by ``scripts/build_phi_names.py`` (MIT);
* English word frequencies from the ``wordfreq`` package's own data file (``large_en``), as a
  Zipf value: 7+ for "the", about 4.3 for "maria", 0 for a word it never saw.

Nothing is downloaded; loading takes a few hundred milliseconds, once per process.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from assistant.errors import KnowledgeError

NAMES_FILE = Path(__file__).parent / "data" / "names.tsv.gz"
NAMES_SHA256 = "eb33f14c5865a96d072f758e2cc85095ced4e00380737342894568926de6800f"
WORDFREQ_FILE = ("wordfreq", "data/large_en.msgpack.gz")
WORDFREQ_SHA256 = "dffae8066b78dce0a6667cf5f58e567054f902674667090a7ac8a8a44628b05c"


def _verified(data: bytes, expected: str, what: str) -> bytes:
    digest = hashlib.sha256(data).hexdigest()
    if digest != expected:
        raise KnowledgeError(f"{what}: checksum {digest[:12]}… does not match the pinned {expected[:12]}…",
                             hint="reinstall the pinned package version or rebuild the file")  # fmt: skip
    return data


def _load_names() -> tuple[dict[str, int], dict[str, int]]:
    raw = _verified(NAMES_FILE.read_bytes(), NAMES_SHA256, str(NAMES_FILE))
    first: dict[str, int] = {}
    last: dict[str, int] = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        name, f, s = line.split("\t")
        if f != "0":
            first[name] = int(f)
        if s != "0":
            last[name] = int(s)
    return first, last


def _load_zipf() -> dict[str, float]:
    import msgpack

    package, member = WORDFREQ_FILE
    try:
        raw = (resources.files(package) / member).read_bytes()
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise KnowledgeError("the wordfreq package is not installed", hint="pip install wordfreq==3.1.1") from exc
    buckets = msgpack.unpackb(gzip.decompress(_verified(raw, WORDFREQ_SHA256, f"{package}/{member}")), raw=False)
    # cBpack: bucket i holds the words whose frequency is -i centibels, i.e. Zipf 9 - i/100.
    return {word: 9 - i / 100 for i, bucket in enumerate(buckets[1:], start=1) for word in bucket}


@dataclass(frozen=True)
class Lexicon:
    first: dict[str, int]
    last: dict[str, int]
    zipf_en: dict[str, float]

    def zipf(self, word: str) -> float:
        return self.zipf_en.get(word.lower(), 0.0)

    def name_rank(self, word: str) -> int:
        """Best popularity rank as a first or last name (lower is more common); 0 when unlisted."""
        low = word.lower()
        ranks = [r for r in (self.first.get(low, 0), self.last.get(low, 0)) if r]
        return min(ranks) if ranks else 0

    def first_rank(self, word: str) -> int:
        return self.first.get(word.lower(), 0)


_shared: Lexicon | None = None
_lock = threading.Lock()


def get_lexicon() -> Lexicon:
    """The process-wide lexicon, loaded and verified on first use."""
    global _shared
    if _shared is None:
        with _lock:
            if _shared is None:
                first, last = _load_names()
                _shared = Lexicon(first=first, last=last, zipf_en=_load_zipf())
    return _shared
