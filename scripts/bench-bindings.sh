#!/usr/bin/env bash
# The bindings against the Rust call, like for like (BENCHMARKS.md): ONE release
# payroc-mock, and against it, in turn, ROUNDS times: the Rust benchmark of the
# create-payment call (async, and through the blocking facade the bindings use), the C
# benchmark (payroc_call) and the Python benchmark (payroc_rs beside plain httpx). A
# measurement, not a test; run it on an otherwise idle machine.
#
#   bash scripts/bench-bindings.sh [ROUNDS]     (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
rounds=${1:-3}

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check "maturin>=1.5,<2" "httpx>=0.27,<1"
export VIRTUAL_ENV="$root/.venv"
export PATH="$VIRTUAL_ENV/bin:$PATH"

cargo build --quiet --locked --release -p payroc-ffi -p payroc-mock
cargo bench --quiet --locked -p payroc-benches --bench loopback --no-run
(cd crates/payroc-py && maturin develop --quiet --locked --release)
target=$(cargo metadata --format-version 1 --no-deps | python -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
work=$(mktemp -d)
trap 'exec {fd}>&-; kill $mock_pid 2>/dev/null; rm -rf "$work"' EXIT
gcc -std=c11 -O2 -I bindings/c/include bindings/c/bench/bench_create_payment.c \
  -L "$target/release" -Wl,-rpath,"$target/release" -lpayroc -lpthread -ldl -lm -o "$work/bench_c"

# The emulator's stdin is a FIFO this shell holds open: it exits when the script does.
mkfifo "$work/mock.in"
"$target/release/payroc-mock" --port 0 --exit-with-parent <"$work/mock.in" >"$work/mock.out" &
mock_pid=$!
exec {fd}>"$work/mock.in"
for _ in $(seq 100); do [ -s "$work/mock.out" ] && break; sleep 0.1; done
url=$(head -n1 "$work/mock.out")
echo "payroc-mock at $url; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

for round in $(seq "$rounds"); do
  echo "== round $round"
  PAYROC_BENCH_MOCK_URL=$url cargo bench --quiet --locked -p payroc-benches --bench loopback -- \
    "emulator in its own process" 2>&1 | awk '
      /^emulator/ && /time: +\[/ { print; next }   # name and figure on one line
      /^emulator/ { name = $0; next }               # a long name, its figure below
      /^ +time: +\[/ { print name $0 }'
  "$work/bench_c" "$url" 5000 500
  python bindings/python/bench/bench_create_payment.py --url "$url" --rounds 2 --calls 500
done
