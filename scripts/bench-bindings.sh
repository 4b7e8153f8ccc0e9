#!/usr/bin/env bash
# The bindings against the Rust call, like for like (BENCHMARKS.md): ONE release
# payroc-mock, and against it, in turn, ROUNDS times: the Rust benchmark of the
# create-payment call (async, and through the blocking facade the bindings use), the C
# benchmark (payroc_call) and the Python benchmark (payroc_rs beside plain httpx, in
# blocks that take turns with the Rust blocking facade's: the ratio comes from the same
# moments of the machine). A measurement, not a test; run it on an otherwise idle machine.
#
#   bash scripts/bench-bindings.sh [ROUNDS]     (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}

. scripts/bench-env.sh

cargo build --quiet --locked --release -p payroc-ffi -p payroc-mock
cargo build --quiet --locked --release -p payroc-benches --bin blocking-calls
cargo bench --quiet --locked -p payroc-benches --bench loopback --no-run
(cd crates/payroc-py && maturin develop --quiet --locked --release)
start_release_mock
# libpayroc.so's soname is libpayroc.so.<major> (0 at 0.x): the program asks for that name.
major=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\([0-9]*\)\..*"/\1/p' Cargo.toml)
ln -sf libpayroc.so "$target/release/libpayroc.so.$major"
gcc -std=c11 -O2 -I bindings/c/include bindings/c/bench/bench_create_payment.c \
  -L "$target/release" -Wl,-rpath,"$target/release" -lpayroc -lpthread -ldl -lm -o "$work/bench_c"

for round in $(seq "$rounds"); do
  echo "== round $round"
  PAYROC_BENCH_MOCK_URL=$url cargo bench --quiet --locked -p payroc-benches --bench loopback -- \
    "emulator in its own process" 2>&1 | awk '
      /^emulator/ && /time: +\[/ { print; next }   # name and figure on one line
      /^emulator/ { name = $0; next }               # a long name, its figure below
      /^ +time: +\[/ { print name $0 }'
  "$work/bench_c" "$url" 5000 500
  python bindings/python/bench/bench_create_payment.py --url "$url" --rust "$target/release/blocking-calls" \
    --blocks 20 --block 100
done
