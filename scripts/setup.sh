#!/usr/bin/env bash
# Create .venv and install the assistant. Idempotent; nothing downloads at run time.
#   bash scripts/setup.sh         the product only (check, search, appeal, serve; no torch, no test tools)
#   bash scripts/setup.sh --dev   also the optional MiniLM embedder and the test tools
# The product installs from requirements/product.txt (exact versions, --no-deps): that leaves out two
# of chromadb's declared dependencies the assistant never uses (its cluster client and ONNX embedder,
# about 200 MB; scripts/lock.py says why and regenerates the list).
# torch is pinned to the CPU build (2.13.0) for --dev: unpinned, pip would resolve a multi-GB CUDA build.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
case "${1:-}" in
  --dev|"") ;;
  *)
    echo "usage: bash scripts/setup.sh [--dev]" >&2
    exit 2
    ;;
esac
.venv/bin/python -m pip install -q --no-deps -r requirements/product.txt
.venv/bin/python -m pip install -q --no-deps -e .
if [ "${1:-}" = "--dev" ]; then
  .venv/bin/python -m pip install -q "torch==2.13.0"
  # The embed and dev extras, read from pyproject.toml (one list), resolved normally: none needs chromadb.
  .venv/bin/python - > .venv/dev-requirements.txt <<'PYEOF'
import tomllib
extras = tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]
print("\n".join(extras["embed"] + extras["dev"]))
PYEOF
  .venv/bin/python -m pip install -q -r .venv/dev-requirements.txt
fi
