"""Run the eval suites, print their metrics and the diff against the committed baseline.

    python -m evals.run [--suite notes|retrieval|answers|appeals|rewrite|phi|all] [--update-baseline] [--json]
                        [--min notes.check_accuracy=0.95 ...] [--file PATH ...]

Suites are the modules of ``evals/suites/`` exposing ``NAME`` and ``run() -> dict`` (metric
name → float, plus a ``details`` list). A suite whose module is not present yet is skipped with a
note. The run reports; it exits 0 unless a ``--min`` threshold is not reached (exit 1) or an
argument is bad (exit 2).
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import pkgutil
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from evals import suites as suites_pkg

BASELINE = Path(__file__).parent / "baseline.json"
KNOWN_SUITES: tuple[str, ...] = ("notes", "retrieval", "appeals", "answers", "phi")
EPS = 1e-9


def discover() -> dict[str, str]:
    """Suite name → module name, for every module under evals/suites/ (private ones skipped)."""
    return {
        m.name: f"{suites_pkg.__name__}.{m.name}"
        for m in pkgutil.iter_modules(suites_pkg.__path__)
        if not m.name.startswith("_")
    }


def load_suite(module_name: str) -> Any:
    module = importlib.import_module(module_name)
    if not hasattr(module, "run"):
        raise AttributeError(f"{module_name} has no run()")
    return module


def split_result(result: Mapping[str, Any]) -> tuple[dict[str, float], list[Any]]:
    """Separate float metrics from ``details`` (anything non-numeric is ignored)."""
    metrics = {
        k: float(v)
        for k, v in result.items()
        if k != "details" and isinstance(v, int | float) and not isinstance(v, bool)
    }
    details = list(result.get("details") or [])
    return metrics, details


def parse_min(specs: Sequence[str]) -> dict[tuple[str, str], float]:
    """``suite.metric=value`` → {(suite, metric): value}; raises ValueError on a malformed spec."""
    out: dict[tuple[str, str], float] = {}
    for spec in specs:
        key, sep, value = spec.partition("=")
        suite, dot, metric = key.partition(".")
        if not sep or not dot or not suite or not metric:
            raise ValueError(f"--min expects suite.metric=value, got {spec!r}")
        out[(suite, metric)] = float(value)
    return out


def arrow(old: float | None, new: float) -> str:
    if old is None:
        return "new"
    if new > old + EPS:
        return f"↑ {new - old:+.3f}"
    if new < old - EPS:
        return f"↓ {new - old:+.3f}"
    return "="


def diff(
    baseline: Mapping[str, float], metrics: Mapping[str, float]
) -> list[tuple[str, float | None, float | None, str]]:
    """(metric, baseline value, new value, arrow) for every metric that changed or is new."""
    rows: list[tuple[str, float | None, float | None, str]] = []
    for name, value in metrics.items():
        old = baseline.get(name)
        mark = arrow(old, value)
        if mark != "=":
            rows.append((name, old, value, mark))
    for name in baseline:
        if name not in metrics:
            rows.append((name, baseline[name], None, "gone"))
    return rows


def check_thresholds(results: Mapping[str, Mapping[str, float]], mins: Mapping[tuple[str, str], float]) -> list[str]:
    """Messages for every threshold not reached (a metric that was not produced fails too)."""
    failures = []
    for (suite, metric), floor in mins.items():
        value = results.get(suite, {}).get(metric)
        if value is None:
            failures.append(f"{suite}.{metric}: not produced (need ≥ {floor})")
        elif value < floor - EPS:
            failures.append(f"{suite}.{metric} = {value:.4f} < {floor}")
    return failures


def read_baseline(path: Path = BASELINE) -> dict[str, dict[str, float]]:
    if not path.exists():
        return {}
    data: dict[str, dict[str, float]] = json.loads(path.read_text(encoding="utf-8"))
    return data


def write_baseline(results: Mapping[str, Mapping[str, float]], path: Path = BASELINE) -> None:
    data = read_baseline(path)
    data.update({suite: dict(sorted(m.items())) for suite, m in results.items()})
    path.write_text(json.dumps(dict(sorted(data.items())), indent=2, sort_keys=False) + "\n", encoding="utf-8")


def _print_suite(name: str, metrics: Mapping[str, float], base: Mapping[str, float], details: Sequence[Any]) -> None:
    """Plain metrics as rows; ``prefix.key`` metrics (e.g. ``acc.units``) as one table, a column per prefix."""
    print(f"\n== {name} ==")
    plain = {k: v for k, v in metrics.items() if "." not in k}
    grouped: dict[str, dict[str, float]] = {}
    prefixes: list[str] = []
    for key, value in metrics.items():
        if "." in key:
            prefix, _, row = key.partition(".")
            grouped.setdefault(row, {})[prefix] = value
            if prefix not in prefixes:
                prefixes.append(prefix)
    width = max((len(k) for k in plain), default=10)
    for key, value in plain.items():
        print(f"  {key.ljust(width)}  {value:8.4f}   {arrow(base.get(key), value) if base else ''}")
    if grouped:
        rwidth = max(len(r) for r in grouped)
        print("\n  " + "".ljust(rwidth) + "".join(p.rjust(11) for p in prefixes))
        for row, cols in grouped.items():
            cells = []
            for p in prefixes:
                cell = cols.get(p)
                prev = base.get(f"{p}.{row}")
                mark = "" if cell is None or prev is None or abs(cell - prev) <= EPS else ("↑" if cell > prev else "↓")
                cells.append(("-" if cell is None else f"{cell:.3f}{mark}").rjust(11))
            print("  " + row.ljust(rwidth) + "".join(cells))
    changes = diff(base, metrics) if base else []
    if base:
        print(f"\n  vs baseline: {len(changes)} metric(s) changed")
        for metric, old, new, mark in changes:
            print(
                f"    {metric}: {'—' if old is None else f'{old:.4f}'} → {'—' if new is None else f'{new:.4f}'} {mark}"
            )
    else:
        print("\n  (no baseline for this suite yet)")
    if details:
        print("  details:")
        for line in details:
            for i, part in enumerate(str(line).splitlines()):
                print(("    - " if i == 0 else "      ") + part)


def run_suite(module: Any, files: Sequence[Path]) -> Mapping[str, Any]:
    """The suite's own sets, or the given files: together where the suite takes `files`, else one `path`."""
    if not files:
        return dict(module.run())
    if "files" in inspect.signature(module.run).parameters:
        return dict(module.run(files=list(files)))
    if len(files) == 1:
        return dict(module.run(path=files[0]))
    raise ValueError(f"suite {module.NAME!r} scores one --file at a time")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m evals.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--suite", default="all", help="notes | retrieval | appeals | all (default all)")
    parser.add_argument(
        "--update-baseline", action="store_true", help="write the metrics of the suites run to evals/baseline.json"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    parser.add_argument(
        "--min", action="append", default=[], metavar="SUITE.METRIC=VALUE", help="fail (exit 1) below this value"
    )
    parser.add_argument(
        "--file",
        action="append",
        default=[],
        type=Path,
        metavar="PATH",
        help="score this labelled set instead of the suite's own (one suite; repeatable where the suite scores "
        "several sets together; not written to the baseline)",
    )
    parser.add_argument("--baseline", type=Path, default=BASELINE, help=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)

    try:
        mins = parse_min(args.min)
    except ValueError as exc:
        parser.error(str(exc))
    if args.file and (args.suite == "all" or args.update_baseline or not all(f.is_file() for f in args.file)):
        parser.error("--file needs one --suite, existing files, and no --update-baseline")

    available = discover()
    wanted = list(dict.fromkeys([*KNOWN_SUITES, *sorted(available)])) if args.suite == "all" else [args.suite]
    baseline = {} if args.file else read_baseline(args.baseline)  # another set: nothing to compare with

    results: dict[str, dict[str, float]] = {}
    all_details: dict[str, list[Any]] = {}
    skipped: dict[str, str] = {}
    for name in wanted:
        if name not in available:
            skipped[name] = "module not present yet"
            continue
        try:
            module = load_suite(available[name])
            metrics, details = split_result(run_suite(module, args.file))
        except (ImportError, AttributeError, NotImplementedError) as exc:
            skipped[name] = f"{type(exc).__name__}: {exc}"
            continue
        except Exception as exc:  # a crashing suite is reported, and the other suites still run
            skipped[name] = f"FAILED {type(exc).__name__}: {exc}"
            continue
        results[name], all_details[name] = metrics, details

    failures = check_thresholds(results, mins)
    if args.json:
        payload = {
            "results": results,
            "diff": {
                s: {m: {"baseline": o, "value": n} for m, o, n, _ in diff(baseline.get(s, {}), results[s])}
                for s in results
            },
            "details": all_details,
            "skipped": skipped,
            "threshold_failures": failures,
        }
        print(json.dumps(payload, indent=2, default=str))
    else:
        for name, metrics in results.items():
            _print_suite(name, metrics, baseline.get(name, {}), all_details[name])
        for name, why in skipped.items():
            print(f"\n== {name} == skipped ({why})")
        for failure in failures:
            print(f"\nBELOW THRESHOLD: {failure}")

    if args.update_baseline and results:
        write_baseline(results, args.baseline)
        if not args.json:
            print(f"\nbaseline updated: {args.baseline} ({', '.join(results)})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
