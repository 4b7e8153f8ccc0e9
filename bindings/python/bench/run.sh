#!/usr/bin/env bash
# The Python benchmark (not part of the tests): payroc_rs built in release mode into
# .venv with httpx beside it, a release payroc-mock, then bench_create_payment.py and,
# for the figure it is compared with, the Rust loopback benchmark of the same call.
# Extra arguments go to bench_create_payment.py (e.g. --calls 1000 --rounds 10).
set -euo pipefail
cd "$(dirname "$0")/../../.."
root=$(pwd)

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check "maturin>=1.5,<2" "httpx>=0.27,<1"
export VIRTUAL_ENV="$root/.venv"
export PATH="$VIRTUAL_ENV/bin:$PATH"

cargo build --quiet --locked --release -p payroc-mock
target_dir=$(cargo metadata --format-version 1 --no-deps | python -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
(cd crates/payroc-py && maturin develop --quiet --locked --release)

python bindings/python/bench/bench_create_payment.py --mock "$target_dir/release/payroc-mock" "$@"
cargo bench --quiet --locked -p payroc-benches --bench loopback -- "create payment via payroc-core"
