#!/usr/bin/env bash
# The bindings against the Rust call, like for like (BENCHMARKS.md): ONE release
# payroc-mock, and against it, in turn, ROUNDS times: the Rust benchmark of the
# create-payment call (async, and through the blocking facade the bindings use), then
# the paired benchmark, where the Rust blocking facade, the C benchmark (payroc_call)
# and payroc_rs (beside plain httpx) take turns in blocks, so each ratio comes from the
# same moments of the machine. The paired benchmark runs twice: with the scheduler
# free to place every process, and pinned (the emulator on all CPUs but the last, the
# sides on the last), because where the scheduler puts a small client next to the
# emulator moves its time by a third (BENCHMARKS.md). A measurement, not a test; run
# it on an otherwise idle machine.
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
  paired=(python bindings/python/bench/bench_create_payment.py --url "$url" --blocks 20 --block 100
          --rust "$target/release/blocking-calls" --c "$work/bench_c")
  taskset -apc "0-$(($(nproc) - 1))" "$mock_pid" >/dev/null
  "${paired[@]}"
  if [ "$(nproc)" -ge 2 ]; then
    taskset -apc "0-$(($(nproc) - 2))" "$mock_pid" >/dev/null
    "${paired[@]}" --pin
  fi
done
