"""Benchmarks of the remittance import and of the worklist query (figures, not asserts).

    python benchmarks/era_bench.py [--claims 10000] [--items 100000] [--database-url URL] [--json]

1. A generated 10,000-claim 835 (benchmarks/era_generate.py) is parsed, then imported into a
   fresh worklist database, pinned to one CPU core. Targets: import < 10 s.
2. 100,000 items are bulk-inserted for one practice (due dates spread over -60..+365 days, mixed
   statuses), then `Assistant.worklist(due="14d")` (the query behind `assistant worklist --due 14d`)
   is timed warm; the whole CLI process is timed too, for context. Target: < 50 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from era_generate import generate_835  # noqa: E402

TODAY = date(2025, 6, 1)


def _one_core() -> str:
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
        return "pinned to one core"
    except (AttributeError, OSError):
        return "not pinned"


def bench_import(claims: int, url: str | None, folder: Path) -> dict[str, float | int]:
    from assistant import Assistant, Settings
    from assistant.remittance import parse_835

    data = generate_835(claims, seed=7).encode()
    started = time.perf_counter()
    remittance = parse_835(data)
    parse_s = time.perf_counter() - started
    assistant = Assistant(Settings(embedder="hash", data_dir=folder, database_url=url))
    assistant.worklist(today=TODAY)  # create and migrate the database outside the timing
    started = time.perf_counter()
    summary = assistant.import_era(data, today=TODAY)
    import_s = time.perf_counter() - started
    return {
        "claims": remittance.claims,
        "bytes": len(data),
        "parse_s": round(parse_s, 2),
        "import_s": round(import_s, 2),
        "items_created": summary.items_created,
        "other_denials": summary.other_denials,
        "reversals": summary.reversals,
    }


def _rows(practice_id: int, n: int) -> list[dict[str, object]]:
    rng = random.Random(11)
    now = datetime.now(UTC)
    statuses = ["new"] * 6 + ["drafted", "submitted", "won", "lost", "written_off"]
    rows = []
    for i in range(n):
        status = rng.choice(statuses)
        rows.append(
            dict(
                practice_id=practice_id,
                remittance_id=None,
                payer_key=f"PAYER{i % 7}",
                payer_name=f"SYNTHETIC PAYER {i % 7}",
                payer_type="medicare",
                patient_control_number=f"P{i:09d}",
                payer_claim_number=f"C{i:012d}",
                claim_status="1",
                patient_name="SYNTHETIC, PATIENT",
                member_id=f"M{i:010d}",
                rendering_npi="1245319599",
                line_key=f"L{i}",
                procedure=rng.choice(("97550", "97551", "97552", "G0541")),
                modifiers="GP",
                units=1,
                service_date=TODAY - timedelta(days=rng.randint(20, 200)),
                charge_cents=12000,
                paid_cents=0,
                allowed_cents=None,
                denied_cents=12000,
                adjustments=[{"group": "CO", "reason": "50", "amount": "120"}],
                remarks=["N115"],
                claim_lines=[],
                denial="CO-50 N115",
                pattern_id="medical_necessity",
                action="appeal",
                route="redetermination",
                notice_date=TODAY - timedelta(days=30),
                payer_deadline=None,
                due_date=TODAY + timedelta(days=rng.randint(-60, 365)),
                status=status,
                status_reason="",
                assignee=None,
                open=status in ("new", "drafted", "submitted"),
                reversed=False,
                created_at=now,
                updated_at=now,
            )
        )
    return rows


def bench_query(items: int, url: str | None, folder: Path) -> dict[str, float | int]:
    from sqlalchemy import insert

    from assistant import Assistant, Settings
    from assistant.worklist.db import Item

    assistant = Assistant(Settings(embedder="hash", data_dir=folder, database_url=url, practice="bench"))
    pid = assistant.store.practice_id("bench")
    started = time.perf_counter()
    with assistant.store.session() as s:
        rows = _rows(pid, items)
        for start in range(0, len(rows), 5_000):
            s.execute(insert(Item), rows[start : start + 5_000])
    fill_s = time.perf_counter() - started
    assistant.worklist(due="14d", today=TODAY)  # warm: engine, knowledge, statement cache
    times = []
    for _ in range(30):
        started = time.perf_counter()
        page = assistant.worklist(due="14d", today=TODAY)
        times.append((time.perf_counter() - started) * 1000)
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(folder), "ASSISTANT_PRACTICE": "bench", "PYTHONPATH": str(ROOT)}
    if url:
        env["ASSISTANT_DATABASE_URL"] = url
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "assistant.cli", "worklist", "--due", "14d", "--format", "json"],
        env=env,
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    cli_ms = (time.perf_counter() - started) * 1000
    return {
        "items": items,
        "fill_s": round(fill_s, 1),
        "matching": page.total,
        "query_ms_median": round(statistics.median(times), 1),
        "query_ms_max": round(max(times), 1),
        "cli_process_ms": round(cli_ms),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--database-url", default=None, help="PostgreSQL URL; a temporary SQLite file when omitted.")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    pinned = _one_core()
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        if args.database_url:
            _empty(args.database_url)
        imported = bench_import(args.claims, args.database_url, Path(a))
        if args.database_url:
            _empty(args.database_url)
        queried = bench_query(args.items, args.database_url, Path(b))
    result = {
        "cpu": pinned,
        "database": "postgresql" if args.database_url else "sqlite",
        "import": imported,
        "worklist_due_14d": queried,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"{result['database']}, {pinned}")
    print(
        f"import: {imported['claims']} claims ({imported['bytes'] / 1e6:.1f} MB): parse {imported['parse_s']} s, "
        f"parse + store {imported['import_s']} s (target < 10 s); {imported['items_created']} items, "
        f"{imported['other_denials']} other codes' denials, {imported['reversals']} reversals"
    )
    print(
        f"worklist --due 14d over {queried['items']} items ({queried['matching']} match): median "
        f"{queried['query_ms_median']} ms, max {queried['query_ms_max']} ms (target < 50 ms); whole CLI process "
        f"{queried['cli_process_ms']} ms; filling took {queried['fill_s']} s"
    )


def _empty(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(
            text("DROP TABLE IF EXISTS decisions, events, items, remittances, practices, alembic_version CASCADE")
        )
    engine.dispose()


if __name__ == "__main__":
    main()
