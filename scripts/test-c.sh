#!/usr/bin/env bash
# The C/C++ part of the test suite, from a fresh clone: builds libpayroc and payroc-mock,
# checks the header is current, compiles the C test, the C++ wrapper test and the C and
# C++ examples with -Wall -Wextra -Werror; `make install`s the (debug) library into a
# temporary prefix, checks its soname and that Cargo.toml, payroc.pc and payroc_version()
# agree on the version, builds the repeat-payment example against the prefix with
# pkg-config and the CMake example project with find_package(payroc); runs them against
# payroc-mock on free ports (the installed programs load the installed library), then
# `make uninstall`s and checks no file is left; then runs the C and C++ tests, again under
# valgrind memcheck (zero errors, zero definite/indirect leaks), and last the C fault soak
# (100 repeat payments under 30 % injected faults, checked against the emulator's ledger
# and counters). Also compiles the C benchmark so it keeps building.
# Installs gcc, g++, make, cmake, pkg-config, valgrind, curl and python3 with apt-get only
# if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

missing=()
for tool in gcc g++ make cmake valgrind pkg-config curl python3; do
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
# The one version: [workspace.package] in the root Cargo.toml.
version=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)
major=${version%%.*}
# libpayroc.so has the soname libpayroc.so.<major>, which programs linked against it ask for:
# the symlink lets those linked in the build tree load it from there (as `make libpayroc` does).
ln -sf libpayroc.so "$lib/libpayroc.so.$major"
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
gcc "${cflags[@]}" -DPAYROC_TEST_VERSION="\"$version\"" bindings/c/tests/test_payroc.c \
  -o "$work/test_payroc" "${ldflags[@]}"
gcc "${cflags[@]}" bindings/c/tests/soak.c -o "$work/soak" "${ldflags[@]}"
gcc "${cflags[@]}" bindings/c/tests/test_small_stack.c -o "$work/test_small_stack" "${ldflags[@]}"
g++ -std=c++17 -Wall -Wextra -Werror -g -I bindings/c/include -I bindings/c/tests \
  bindings/c/tests/test_payroc_hpp.cpp -o "$work/test_payroc_hpp" "${ldflags[@]}"
# The benchmark is not run here (BENCHMARKS.md says how); compiling it keeps it building.
gcc -std=c11 -O2 -Wall -Wextra -Werror -I bindings/c/include bindings/c/bench/bench_create_payment.c \
  -o "$work/bench_create_payment" "${ldflags[@]}"
gcc "${cflags[@]}" bindings/c/examples/cloud_sale.c -o "$work/cloud_sale" "${ldflags[@]}"
gcc "${cflags[@]}" bindings/c/examples/repeat_payment.c -o "$work/repeat_payment" "${ldflags[@]}"
gcc "${cflags[@]}" bindings/c/examples/payment_plan.c -o "$work/payment_plan" "${ldflags[@]}"
g++ -std=c++17 -Wall -Wextra -Werror -g -I bindings/c/include bindings/c/examples/cloud_sale.cpp \
  -o "$work/cloud_sale_cpp" "${ldflags[@]}"
# The static library links too (what a POS build that ships one binary uses).
gcc "${cflags[@]}" bindings/c/examples/cloud_sale.c -o "$work/cloud_sale_static" \
  "$lib/libpayroc.a" -lpthread -ldl -lm

# The install a POS build does: `make install` into a fresh prefix (the debug build just made,
# so no release build here), then programs built against that prefix only: with pkg-config
# (run below against the emulator) and with CMake's find_package(payroc).
step "make install PROFILE=debug PREFIX=<temporary>; build against the prefix"
prefix="$work/prefix"
make --no-print-directory install PROFILE=debug PREFIX="$prefix" >"$work/install.log"
readelf -d "$prefix/lib/libpayroc.so.$version" | grep -q "(SONAME).*\[libpayroc.so.$major\]" ||
  { echo "FAIL: libpayroc.so.$version has no soname libpayroc.so.$major" >&2; exit 1; }
[ "$(readlink "$prefix/lib/libpayroc.so")" = "libpayroc.so.$major" ] &&
  [ "$(readlink "$prefix/lib/libpayroc.so.$major")" = "libpayroc.so.$version" ] ||
  { echo "FAIL: libpayroc.so symlinks" >&2; ls -l "$prefix/lib" >&2; exit 1; }
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
pc_version=$(pkg-config --modversion payroc)
pc_rpath=(-Wl,-rpath,"$prefix/lib")
# shellcheck disable=SC2046
gcc -std=c11 -Wall -Wextra -Werror bindings/c/examples/repeat_payment.c -o "$work/repeat_payment_pc" \
  $(pkg-config --cflags --libs payroc) "${pc_rpath[@]}"
# shellcheck disable=SC2046
gcc -std=c11 -Wall -Wextra -Werror bindings/c/tests/print_version.c -o "$work/print_version" \
  $(pkg-config --cflags --libs payroc) "${pc_rpath[@]}"
for program in repeat_payment_pc print_version; do
  loaded=$(ldd "$work/$program" | sed -n 's/.*libpayroc[^ ]* => \([^ ]*\).*/\1/p')
  [ "$loaded" = "$prefix/lib/libpayroc.so.$major" ] ||
    { echo "FAIL: $program loads libpayroc from '$loaded', not the prefix" >&2; exit 1; }
done
read -r lib_version _ < <("$work/print_version")
echo "versions: Cargo.toml $version, payroc.pc $pc_version, payroc_version() $lib_version"
[ "$pc_version" = "$version" ] && [ "$lib_version" = "$version" ] ||
  { echo "FAIL: the versions differ" >&2; exit 1; }
cmake -S bindings/c/cmake -B "$work/cmake" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_C_FLAGS="-Wall -Wextra -Werror" -DCMAKE_CXX_FLAGS="-Wall -Wextra -Werror" >"$work/cmake.log"
grep -q "Found payroc $version in $prefix/lib/cmake/payroc" "$work/cmake.log" ||
  { echo "FAIL: find_package(payroc) did not find $version in the prefix" >&2; cat "$work/cmake.log" >&2; exit 1; }
cmake --build "$work/cmake" >/dev/null
echo "built against $prefix with pkg-config and with find_package(payroc)"

# Starts payroc-mock with the given flags; prints its base URL. Its stdin is a FIFO this
# shell holds open and --exit-with-parent makes it exit when that closes, so the emulator
# also exits if this script dies.
start_mock() {
  local name=$1; shift
  mkfifo "$work/$name.in"
  "$mock" --port 0 --exit-with-parent "$@" <"$work/$name.in" >"$work/$name.out" 2>"$work/$name.err" &
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
"$work/payment_plan" "$base"
"$work/cloud_sale_cpp" "$base"
"$work/repeat_payment_pc" "$base" >/dev/null       # built against the installed prefix
"$work/cmake/repeat_payment" "$base" >/dev/null
"$work/cmake/cloud_sale_static" "$base" >/dev/null

step "make uninstall PREFIX=<temporary>: nothing left"
make --no-print-directory uninstall PREFIX="$prefix" >>"$work/install.log"
left=$(find "$prefix" ! -type d)
[ -z "$left" ] || { echo "FAIL: make uninstall left $left" >&2; exit 1; }
echo "the prefix holds no files"

step "C test"
"$work/test_payroc" "$base" "$slow"

step "C++ wrapper test"
"$work/test_payroc_hpp" "$base"

step "calls from threads with 64 KiB and 128 KiB stacks"
"$work/test_small_stack" "$base"

memcheck=(valgrind --quiet --leak-check=full --show-leak-kinds=definite,indirect
  --errors-for-leak-kinds=definite,indirect --error-exitcode=1)
step "C and C++ tests under valgrind memcheck"
"${memcheck[@]}" "$work/test_payroc" "$base" "$slow"
"${memcheck[@]}" "$work/test_payroc_hpp" "$base"
"${memcheck[@]}" "$work/test_small_stack" "$base"

step "C fault soak: 100 repeat payments, 4 threads, 30 % faults, 1 s tokens"
start_mock soak --api-key c-soak-key --token-lifetime 1 --latency-ms 5 --seed 2026 \
  --fault-500 0.06 --fault-503 0.06 --fault-429 0.06 --retry-after 0 \
  --fault-reset 0.06 --fault-commit-then-drop 0.06 >"$work/soak.url"
soak_url=$(cat "$work/soak.url")
"$work/soak" "$soak_url" "$work/soak.txt"
for what in counters ledger requests; do
  curl -fsS "$soak_url/_mock/$what" >"$work/soak-$what.json"
done
# The emulator's books against what the C program saw: exactly one payment per orderId,
# each call (succeeded at once, or on its retry under the same key) there with its amount;
# and no call that was charged reported itself unprocessed.
python3 - "$work/soak.txt" "$work/soak-counters.json" "$work/soak-ledger.json" \
  "$work/soak-requests.json" <<'PY'
import json, sys
calls = [line.split() for line in open(sys.argv[1])]
counters, ledger, requests = (json.load(open(p)) for p in sys.argv[2:5])
per_order = counters["paymentsPerOrderId"]
amounts = {}
for p in ledger["payments"]:
    p = p.get("payment", p)
    amounts.setdefault(p["order"]["orderId"], []).append(p["order"]["amount"])
problems = []
if len(calls) != 100:
    problems.append(f"{len(calls)} calls, not 100")
twice = {o: n for o, n in per_order.items() if n != 1}
if twice:
    problems.append(f"charged more than once: {twice}")
# A retry answered from the idempotency store was of a call charged before it failed.
replayed = {r.get("idempotencyKey") for r in requests if r.get("replayed")}
charged_then_failed = 0
for order_id, amount, first, final, key, maybe in calls:
    if first not in ("ok", "late") and key in replayed:
        charged_then_failed += 1
    if first not in ("ok", "late") and key in replayed and maybe != "1":
        problems.append(f"{order_id} was charged but its error said it was not processed ({first})")
    if final != "ok":
        problems.append(f"{order_id} still failed ({first}, then {final})")
    if amounts.get(order_id) != [int(amount)]:
        problems.append(f"{order_id}: ledger holds {amounts.get(order_id)}, expected [{amount}]")
    if per_order.get(order_id) != 1:
        problems.append(f"{order_id}: paymentsPerOrderId {per_order.get(order_id)}")
extra = set(per_order) - {c[0] for c in calls}
if extra:
    problems.append(f"payments nobody asked for: {sorted(extra)}")
faults = {}
for r in requests:
    if r.get("fault"):
        faults[r["fault"]] = faults.get(r["fault"], 0) + 1
if len(faults) < 5:
    problems.append(f"not every kind of fault was injected: {faults}")
if counters["authorize"] < 3:
    problems.append("tokens never expired and were refreshed during the soak")
for p in problems:
    print("FAIL", p, file=sys.stderr)
print(f"soak ledger: {len(per_order)} orders, one payment each; {sum(faults.values())} faults "
      f"injected {faults}; {counters['idempotentReplays']} idempotent replays; "
      f"{counters['authorize']} tokens issued; {charged_then_failed} calls charged before "
      f"they failed, each saying so; {len(problems)} problems")
sys.exit(1 if problems else 0)
PY
