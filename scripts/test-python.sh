#!/usr/bin/env bash
# The Python part of the test suite, from a fresh clone: a virtual environment at
# .venv with maturin, pytest and mypy; the payroc_rs module built into it (debug:
# a release build of pyo3 + the core costs minutes on 2 cores and the tests measure
# behaviour, not speed); payroc-mock built for the fixtures; then mypy --strict on the
# package and the examples, and pytest. `scripts/test-all.sh` calls it.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

step() { printf '\n==> %s\n' "$*"; }

step "python: virtual environment (.venv) with maturin, pytest, mypy"
if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -c 'import ensurepip' >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check "maturin>=1.5,<2" "pytest>=7" "mypy>=1.8"
export VIRTUAL_ENV="$root/.venv"
export PATH="$VIRTUAL_ENV/bin:$PATH"

step "python: payroc-mock for the fixtures"
cargo build --quiet --locked -p payroc-mock
target_dir=$(cargo metadata --format-version 1 --no-deps | python -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
export PAYROC_MOCK_BIN="$target_dir/debug/payroc-mock"

step "python: maturin develop (payroc_rs into .venv)"
(cd crates/payroc-py && maturin develop --quiet --locked)

step "python: stubs up to date; mypy --strict (package and examples)"
python crates/payroc-py/stubgen.py --check
mypy --strict crates/payroc-py/python/payroc_rs bindings/python/examples

step "python: pytest against payroc-mock"
python -m pytest -q bindings/python/tests
