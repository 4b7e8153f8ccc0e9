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
root=$(pwd)
rounds=${1:-3}
payments=${2:-10000}
in_flight=${3:-256}

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check "maturin>=1.5,<2" "httpx>=0.27,<1"
export VIRTUAL_ENV="$root/.venv"
export PATH="$VIRTUAL_ENV/bin:$PATH"

cargo build --quiet --locked --release -p payroc-mock -p payroc-benches --bin bulk-billing
(cd crates/payroc-py && maturin develop --quiet --locked --release)
target=$(cargo metadata --format-version 1 --no-deps | python -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
work=$(mktemp -d)
trap 'exec {fd}>&-; kill $mock_pid 2>/dev/null; rm -rf "$work"' EXIT
mkfifo "$work/mock.in"
"$target/release/payroc-mock" --port 0 --exit-with-parent <"$work/mock.in" >"$work/mock.out" &
mock_pid=$!
exec {fd}>"$work/mock.in"
for _ in $(seq 100); do [ -s "$work/mock.out" ] && break; sleep 0.1; done
url=$(head -n1 "$work/mock.out")
echo "payroc-mock at $url; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$rounds"); do
  echo "== round $round"
  "$target/release/bulk-billing" "$url" "$payments" "$in_flight"
  (cd bindings/python/bench && python bench_bulk.py --url "$url" --payments "$payments" --in-flight "$in_flight")
done
