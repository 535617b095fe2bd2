"""Build assistant/phi/data/names.tsv.gz, the name list the de-identifier ships as data.

Source: the ``names-dataset`` wheel 3.3.1 on PyPI (MIT licence, Philippe Remy): first and last
names from 105 countries with their per-country popularity rank. The wheel's SHA-256 is pinned
below and checked before anything is read. Kept: single-word names (letters, inner hyphen or
apostrophe) ranked within MAX_RANK in at least one country; each line is
``name<TAB>best first-name rank<TAB>best last-name rank`` (0 = not ranked as that kind), lower
case, sorted. Nothing is downloaded at run time: the output file is committed.

    pip download --no-deps names-dataset==3.3.1 -d /tmp/nd
    python scripts/build_phi_names.py /tmp/nd/names_dataset-3.3.1-py3-none-any.whl
"""

from __future__ import annotations

import gzip
import hashlib
import io
import pickle
import re
import sys
import zipfile
from pathlib import Path

WHEEL_SHA256 = "9fb1b60a82de8bea004e7755b6133df0b4a029f93b9ee18bfa37f356f2b8c75e"
MAX_RANK = 2000
OUT = Path(__file__).resolve().parents[1] / "assistant" / "phi" / "data" / "names.tsv.gz"
WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


def best_ranks(wheel: zipfile.ZipFile, member: str) -> dict[str, int]:
    data = pickle.loads(gzip.decompress(wheel.read(member)))
    out: dict[str, int] = {}
    for name, info in data.items():
        ranks = (info or {}).get("rank") or {}
        if not ranks or not WORD.fullmatch(name):
            continue
        rank = min(ranks.values())
        if rank <= MAX_RANK:
            key = name.lower()
            out[key] = min(rank, out.get(key, rank))
    return out


def main(wheel_path: str) -> int:
    raw = Path(wheel_path).read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != WHEEL_SHA256:
        print(f"checksum mismatch: {digest} != pinned {WHEEL_SHA256}", file=sys.stderr)
        return 1
    with zipfile.ZipFile(io.BytesIO(raw)) as wheel:
        first = best_ranks(wheel, "names_dataset/v3/first_names.pkl.gz")
        last = best_ranks(wheel, "names_dataset/v3/last_names.pkl.gz")
    lines = [f"{n}\t{first.get(n, 0)}\t{last.get(n, 0)}" for n in sorted(first.keys() | last.keys())]
    header = f"# names-dataset 3.3.1 (MIT, Philippe Remy), wheel sha256 {WHEEL_SHA256}; rank <= {MAX_RANK}\n"
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(gzip.compress((header + "\n".join(lines) + "\n").encode("utf-8"), mtime=0))
    print(f"{OUT}: {len(lines)} names, {OUT.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]) if len(sys.argv) == 2 else 2)
