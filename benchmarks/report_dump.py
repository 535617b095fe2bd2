"""Dump the note check's reports for every notes set, the benchmark notes and notes beyond ASCII (a speed change's
byte-identity proof).

A speed change must not change any report. Run this on main and on the branch into two folders and diff them:

    python benchmarks/report_dump.py /tmp/dump_main      # in a worktree of main
    python benchmarks/report_dump.py /tmp/dump_branch
    diff -r /tmp/dump_main /tmp/dump_branch

One file per source: each notes set (development, held-out and every sealed regression set; labels are not read),
the ~2 KB notes of check_bench, and the development notes with characters beyond ASCII put in (accents, dashes,
curly quotes, non-breaking spaces, emoji: the shadow and stand-in paths). A line is one note's report as JSON, or
its exception's type and message.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATASETS = ROOT / "evals" / "datasets"

# deterministic ways to put characters beyond ASCII into a note; each makes one variant of every note
_VARIANTS = (
    ("accents", lambda t: t.replace("e", "é", 3).replace("a", "ä", 2).replace("o", "ø", 1)),
    ("dashes", lambda t: t.replace("-", "\u2013").replace("'", "\u2019")),
    ("nbsp", lambda t: t.replace(" ", "\u00a0", 5)),
    ("emoji", lambda t: t.replace("\n", " \U0001f642\n", 4)),
    ("quotes", lambda t: t.replace('"', "\u201c", 1).replace(":", "\uff1a", 1) + "\nNote by Zoë Łukasiewicz, PT"),
)


def _report_line(text: str, dos: str | None = None, billed: object = None, profile: str = "medicare") -> str:
    import assistant

    try:
        report = assistant.check_note(text, dos=dos, billed=billed, profile=profile)
    except Exception as exc:  # the same exception on both sides is the same behaviour
        return json.dumps({"error": f"{type(exc).__name__}: {exc}"})
    return report.model_dump_json()


def _sets() -> list[Path]:
    return sorted(DATASETS.glob("notes_*.yaml")) + sorted(DATASETS.glob("sealed*/notes_*.yaml"))


def dump(out: Path) -> int:
    from benchmarks.check_bench import two_kb_notes
    from evals.labels import load_notes

    out.mkdir(parents=True, exist_ok=True)
    count = 0
    dev_texts: list[str] = []
    for path in _sets():
        lines = []
        for item in load_notes(path):
            lines.append(_report_line(item.text, item.dos, item.billed, item.profile))
            if not path.parent.name.startswith("sealed"):
                dev_texts.append(item.text)
        name = path.relative_to(DATASETS).as_posix().replace("/", "__")
        (out / f"{name}.jsonl").write_text("\n".join(lines) + "\n")
        count += len(lines)
    bench = [_report_line(text) for text in two_kb_notes()]
    (out / "bench_two_kb.jsonl").write_text("\n".join(bench) + "\n")
    count += len(bench)
    for kind, change in _VARIANTS:
        lines = [_report_line(change(text)) for text in dev_texts]
        (out / f"beyond_ascii_{kind}.jsonl").write_text("\n".join(lines) + "\n")
        count += len(lines)
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write one .jsonl per source into")
    args = parser.parse_args()
    print(f"{dump(args.out)} reports in {args.out}")


if __name__ == "__main__":
    main()
