#!/usr/bin/env bash
# Create .venv and install the assistant with its test tools. Idempotent; offline at run time.
# torch is pinned to the CPU build (2.13.0): unpinned, pip would resolve a multi-GB CUDA build.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q "torch==2.13.0"
.venv/bin/python -m pip install -q -e ".[embed,dev]"
