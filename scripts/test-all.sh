#!/usr/bin/env bash
# Every test of payroc-rs, from a fresh clone: formatting, lints, Rust tests (unit,
# integration, doc tests, examples). It installs what it needs itself. `make test` runs it.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "rustfmt / clippy components"
# Only ask rustup when a component is missing: it may need a network this machine lacks.
if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
  rustup component add rustfmt clippy
fi

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy --all-targets -- -D warnings"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo test (Rust: unit, integration, doc tests)"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
cargo test --workspace --locked 2>&1 | tee "$log"

step "examples: the quickstart and one example per flow, on the embedded emulator"
env -u PAYROC_API_KEY bash -c '
  set -euo pipefail
  for example in quickstart save_card repeat_payments cloud_sale payment_link payment_plan paytrace_recurrence reconcile; do
    echo "--- $example"
    cargo run --quiet --locked -p payroc-examples --bin "$example" >/dev/null
  done'

step "cargo doc (no warnings)"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked --quiet

step "C/C++: libpayroc, make install, examples, C test, valgrind"
bash scripts/test-c.sh

step "Python: payroc_rs (manylinux2014 wheel into .venv, pip install, sdist, mypy --strict, pytest against payroc-mock)"
bash scripts/test-python.sh

# One closing line for the whole run: the Rust test counts.
awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
     END { printf "\nrust: %d passed, %d failed\n", p, f }' "$log"
