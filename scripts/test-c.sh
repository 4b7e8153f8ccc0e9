#!/usr/bin/env bash
# The C/C++ part of the test suite, from a fresh clone: builds libpayroc and payroc-mock,
# checks the header is current, compiles the C test, the C and C++ examples with
# -Wall -Wextra -Werror, runs them against payroc-mock on free ports, then runs the C
# test again under valgrind memcheck (zero errors, zero definite/indirect leaks).
# Installs gcc, g++, pkg-config and valgrind with apt-get only if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

step() { printf '\n==> %s\n' "$*"; }

missing=()
for tool in gcc g++ valgrind pkg-config; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]})); then
  step "installing ${missing[*]}"
  pkgs=()
  for tool in "${missing[@]}"; do
    case "$tool" in gcc) pkgs+=(gcc libc6-dev) ;; *) pkgs+=("$tool") ;; esac
  done
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${pkgs[@]}" >/dev/null
fi

step "cargo build -p payroc-ffi -p payroc-mock; header drift test"
cargo build --locked -p payroc-ffi -p payroc-mock
cargo test --locked -p payroc-ffi --test header
target=$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
lib="$target/debug"
mock="$lib/payroc-mock"

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

step "compile (gcc/g++ -Wall -Wextra -Werror)"
cflags=(-std=c11 -Wall -Wextra -Werror -g -I bindings/c/include -I bindings/c/tests)
ldflags=(-L "$lib" -Wl,-rpath,"$lib" -lpayroc -lpthread -ldl -lm)
gcc "${cflags[@]}" bindings/c/tests/test_payroc.c -o "$work/test_payroc" "${ldflags[@]}"
gcc "${cflags[@]}" bindings/c/examples/cloud_sale.c -o "$work/cloud_sale" "${ldflags[@]}"
gcc "${cflags[@]}" bindings/c/examples/repeat_payment.c -o "$work/repeat_payment" "${ldflags[@]}"
g++ -std=c++17 -Wall -Wextra -Werror -g -I bindings/c/include bindings/c/examples/cloud_sale.cpp \
  -o "$work/cloud_sale_cpp" "${ldflags[@]}"
# The static library links too (what a POS build that ships one binary uses).
gcc "${cflags[@]}" bindings/c/examples/cloud_sale.c -o "$work/cloud_sale_static" \
  "$lib/libpayroc.a" -lpthread -ldl -lm

# The pkg-config file, filled in for this build tree; a POS build finds the library by it.
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
sed -e "s|@PREFIX@|$root/bindings/c|" -e "s|@LIBDIR@|$lib|" -e "s|@VERSION@|$version|" \
  bindings/c/payroc.pc.in >"$work/payroc.pc"
export PKG_CONFIG_PATH="$work"
# shellcheck disable=SC2046
gcc -std=c11 -Wall -Wextra -Werror bindings/c/examples/repeat_payment.c -o "$work/repeat_payment_pc" \
  $(pkg-config --cflags --libs payroc) -lpthread
if command -v cmake >/dev/null 2>&1; then
  cmake -S bindings/c/cmake -B "$work/cmake" -DCMAKE_C_FLAGS="-Wall -Wextra -Werror" >/dev/null
  cmake --build "$work/cmake" >/dev/null
  echo "CMake example built"
fi

# Starts payroc-mock with the given flags; prints its base URL. Its stdin is a FIFO this
# shell holds open, so the emulator also exits if this script dies.
start_mock() {
  local name=$1; shift
  mkfifo "$work/$name.in"
  "$mock" --port 0 "$@" <"$work/$name.in" >"$work/$name.out" 2>"$work/$name.err" &
  pids+=($!)
  exec {fd}>"$work/$name.in"
  for _ in $(seq 100); do
    if [ -s "$work/$name.out" ]; then head -n1 "$work/$name.out"; return; fi
    sleep 0.1
  done
  echo "payroc-mock did not start: $(cat "$work/$name.err")" >&2
  return 1
}

step "start payroc-mock (one normal, one slow) on free ports"
start_mock main --api-key c-test-key --instruction-delay-ms 50 --long-poll-ms 2000 >"$work/main.url"
start_mock slow --api-key c-test-key --latency-ms 1500 >"$work/slow.url"
base=$(cat "$work/main.url"); slow=$(cat "$work/slow.url")
echo "emulators at $base and $slow"

step "examples"
export PAYROC_API_KEY=c-test-key
"$work/cloud_sale" "$base"
"$work/cloud_sale_static" "$base" >/dev/null
"$work/repeat_payment" "$base"
"$work/repeat_payment_pc" "$base" >/dev/null
"$work/cloud_sale_cpp" "$base"

step "C test"
"$work/test_payroc" "$base" "$slow"

step "C test under valgrind memcheck"
valgrind --quiet --leak-check=full --show-leak-kinds=definite,indirect \
  --errors-for-leak-kinds=definite,indirect --error-exitcode=1 \
  "$work/test_payroc" "$base" "$slow"
