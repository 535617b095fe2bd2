"""A few thousand generated inputs at the edges (benchmarks/fuzz.py runs 100,000): no 5xx, no
exception out of the app, no batch line answered with internal_error."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.fuzz import make_fuzzer, run


@pytest.mark.slow
@pytest.mark.parametrize("rng_seed", [1, 2])
def test_generated_inputs_never_crash(tmp_path: Path, rng_seed: int) -> None:
    fuzzer, client = make_fuzzer(tmp_path)
    try:
        run(fuzzer, 1_500, rng_seed)
    finally:
        client.__exit__(None, None, None)
    assert sum(fuzzer.runs.values()) == 1_500 and len(fuzzer.runs) == 5
    assert not fuzzer.crashes, fuzzer.examples
