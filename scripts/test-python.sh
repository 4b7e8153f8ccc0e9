#!/usr/bin/env bash
# The Python part of the test suite, from a fresh clone: a virtual environment at
# .venv with maturin, pytest, mypy, ziglang and auditwheel; the portable wheel
# (manylinux2014, built with maturin's zig linker, checked by `auditwheel show`)
# installed into it; payroc-mock built for the fixtures; mypy --strict on the package
# and the examples, and pytest against the installed wheel; then the ways a user
# installs it: `pip install ./crates/payroc-py` into a fresh venv, and an sdist.
# Wheels here are built in the dev profile: a release build (fat LTO) of pyo3 + the
# core costs minutes on 2 cores, and the tests measure behaviour, not speed; the
# profile does not change which glibc symbols the wheel needs. `scripts/test-all.sh`
# calls it. PAYROC_PY_SDIST_INSTALL=1 also builds and installs the sdist from scratch
# in a fresh venv (a cold build of every dependency: minutes; see crates/payroc-py/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

step() { printf '\n==> %s\n' "$*"; }
t0=$SECONDS
lap() { printf '    (%ds)\n' $((SECONDS - t0)); t0=$SECONDS; }

step "python: virtual environment (.venv) with maturin, pytest, mypy, ziglang, auditwheel"
if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -c 'import ensurepip' >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check "maturin>=1.5,<2" "pytest>=7" "mypy>=1.8" \
  "ziglang>=0.17,<0.18" "auditwheel>=6"
export VIRTUAL_ENV="$root/.venv"
export PATH="$VIRTUAL_ENV/bin:$PATH"
target_dir=$(cargo metadata --format-version 1 --no-deps | python -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
version=$(python -c 'import tomllib; print(tomllib.load(open("Cargo.toml", "rb"))["workspace"]["package"]["version"])' 2>/dev/null ||
          sed -n '/^\[workspace.package\]/,/^\[/s/^version *= *"\(.*\)"/\1/p' Cargo.toml)
lap

step "python: payroc-mock for the fixtures, libpayroc for the C-and-Python operation list test"
cargo build --quiet --locked -p payroc-mock -p payroc-ffi
export PAYROC_MOCK_BIN="$target_dir/debug/payroc-mock"
export PAYROC_LIB="$target_dir/debug/libpayroc.so"
lap

step "python: the portable wheel (abi3, manylinux2014 via zig), auditwheel show, installed into .venv"
# Zig links against glibc 2.17's symbols (and compiles ring's and psm's C/assembly for
# that target), so the wheel runs on RHEL/Rocky 8, Ubuntu 20.04, Debian 11 and newer.
wheels="$target_dir/python-wheels"
rm -rf "$wheels"
(cd crates/payroc-py && maturin build --quiet --locked --profile dev --zig --compatibility manylinux2014 -o "$wheels")
wheel=$(echo "$wheels"/payroc_rs-*.whl)
case "$wheel" in
  */payroc_rs-"$version"-cp39-abi3-manylinux2014_x86_64.manylinux_2_17_x86_64.whl) ;;
  *) echo "unexpected wheel name: $wheel (version $version)" >&2; exit 1 ;;
esac
report=$(auditwheel show "$wheel")
echo "$report"
# "... is consistent with the following platform tag: "manylinux_2_17_x86_64"."
tag=$(echo "$report" | tr '\n' ' ' | sed -n 's/.*consistent with the following platform tag: *"\([^"]*\)".*/\1/p')
case "$tag" in
  manylinux_2_5_x86_64 | manylinux_2_12_x86_64 | manylinux_2_17_x86_64) echo "auditwheel: $tag (manylinux2014 or older)" ;;
  *) echo "auditwheel: the wheel needs a newer glibc than 2.17: ${tag:-no tag found}" >&2; exit 1 ;;
esac
python -m pip install -q --disable-pip-version-check --force-reinstall --no-deps "$wheel"
lap

step "python: stubs up to date; mypy.stubtest (stubs against the installed package); mypy --strict (package and examples)"
python crates/payroc-py/stubgen.py --check
python -m mypy.stubtest payroc_rs --allowlist crates/payroc-py/stubtest-allowlist.txt
mypy --strict crates/payroc-py/python/payroc_rs bindings/python/examples
lap

step "python: pytest (the installed wheel) against payroc-mock"
python -m pytest -q bindings/python/tests
lap

step "python: pip install ./crates/payroc-py into a fresh venv (PEP 517, build isolation)"
# The venv sits at a fixed path so the host build in target/debug stays warm between
# runs; MATURIN_PEP517_ARGS asks for the dev profile (pip's default is the release build).
fresh="$target_dir/python-install-check"
rm -rf "$fresh"
python3 -m venv "$fresh"
MATURIN_PEP517_ARGS="--profile dev --locked" \
  "$fresh/bin/python" -m pip install -q --no-cache-dir --disable-pip-version-check ./crates/payroc-py
(cd "$fresh" && bin/python -c '
import importlib.metadata, sys, payroc_rs
print("import payroc_rs:", payroc_rs.__version__, "from", payroc_rs.__file__)
assert payroc_rs.__version__ == sys.argv[1], (payroc_rs.__version__, sys.argv[1])
assert importlib.metadata.version("payroc-rs") == sys.argv[1]
' "$version")
lap

step "python: sdist (maturin sdist): the workspace pieces it needs, the locked dependency versions"
sdists="$target_dir/python-sdist"
rm -rf "$sdists"
(cd crates/payroc-py && maturin sdist -o "$sdists" >/dev/null)
sdist="$sdists/payroc_rs-$version.tar.gz"
tar -tzf "$sdist" | sed "s|^payroc_rs-$version/||" | sort > "$sdists/contents"
# Every tracked source of the crates the module is built from, the workspace manifest
# and lock file, and the Python package (without the native module a develop build leaves).
{
  printf '%s\n' Cargo.toml Cargo.lock pyproject.toml
  git ls-files crates/payroc-model crates/payroc-core crates/payroc-py/Cargo.toml crates/payroc-py/src |
    grep -E '(^|/)(Cargo\.toml|README\.md)$|/src/'
  git ls-files crates/payroc-py/python | sed 's|^crates/payroc-py/||'
} | sort -u > "$sdists/needed"
missing=$(comm -23 "$sdists/needed" "$sdists/contents")
[ -z "$missing" ] || { echo "the sdist lacks:" >&2; echo "$missing" >&2; exit 1; }
if grep -E '\.(so|pyd)$' "$sdists/contents"; then echo "the sdist carries a built module" >&2; exit 1; fi
# The sdist's Cargo.lock still lists the packages of the members maturin leaves out
# (payroc-ffi, benches, ...), so a build from it cannot pass --locked; cargo only prunes
# those entries. Check that it resolves to exactly the versions the checkout builds with.
tar -xzf "$sdist" -C "$sdists"
deps() { cargo tree "$@" -p payroc-py -e normal,build --prefix none --offline | sed 's/ (.*//' | sort -u; }
diff <(deps --manifest-path "$sdists/payroc_rs-$version/Cargo.toml") <(deps --locked) ||
  { echo "the sdist resolves other dependency versions than Cargo.lock" >&2; exit 1; }
echo "sdist: $(basename "$sdist"), $(wc -l < "$sdists/contents") files, $(du -k "$sdist" | cut -f1) KiB"
lap

if [ "${PAYROC_PY_SDIST_INSTALL:-0}" = 1 ]; then
  step "python: pip install the sdist into a fresh venv (its own target dir: a cold build)"
  check=$(mktemp -d)
  python3 -m venv "$check/venv"
  CARGO_TARGET_DIR="$check/target" MATURIN_PEP517_ARGS="--profile dev" \
    "$check/venv/bin/python" -m pip install -q --no-cache-dir --disable-pip-version-check "$sdist"
  (cd "$check" && venv/bin/python -c 'import payroc_rs; print("import payroc_rs:", payroc_rs.__version__)')
  rm -rf "$check"
  lap
fi
