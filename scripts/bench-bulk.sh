#!/usr/bin/env bash
# A bulk billing run, Rust beside Python (BENCHMARKS.md): ONE release payroc-mock, and
# against it, in turn, ROUNDS times: 10,000 payments through one Rust client with 256 in
# flight (benches/src/bin/bulk-billing.rs), then the same through one Python AsyncClient
# (bindings/python/bench/bench_bulk.py). A measurement, not a test; run it on an
# otherwise idle machine.
#
#   bash scripts/bench-bulk.sh [ROUNDS] [PAYMENTS] [IN_FLIGHT]    (defaults 3, 10000, 256)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
payments=${2:-10000}
in_flight=${3:-256}

. scripts/bench-env.sh

cargo build --quiet --locked --release -p payroc-mock -p payroc-benches --bin bulk-billing
(cd crates/payroc-py && maturin develop --quiet --locked --release)
start_release_mock
for round in $(seq "$rounds"); do
  echo "== round $round"
  "$target/release/bulk-billing" "$url" "$payments" "$in_flight"
  (cd bindings/python/bench && python bench_bulk.py --url "$url" --payments "$payments" --in-flight "$in_flight")
done
