#!/usr/bin/env bash
# Create .venv and install the assistant. Idempotent; nothing downloads at run time.
#   bash scripts/setup.sh         the product only (check, search, appeal, serve; no torch, no test tools)
#   bash scripts/setup.sh --dev   also the optional MiniLM embedder and the test tools
# torch is pinned to the CPU build (2.13.0) for --dev: unpinned, pip would resolve a multi-GB CUDA build.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
case "${1:-}" in
  --dev)
    .venv/bin/python -m pip install -q "torch==2.13.0"
    .venv/bin/python -m pip install -q -e ".[embed,dev]"
    ;;
  "")
    .venv/bin/python -m pip install -q -e .
    ;;
  *)
    echo "usage: bash scripts/setup.sh [--dev]" >&2
    exit 2
    ;;
esac
