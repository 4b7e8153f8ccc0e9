#!/usr/bin/env bash
# Rewrites what is generated and checked in: everything the operation table makes
# (tests/tests/generated.rs), then payroc.h from the C ABI (cbindgen).
set -euo pipefail
cd "$(dirname "$0")/.."
PAYROC_REGEN=1 cargo test -q -p payroc-tests --test generated
PAYROC_REGEN_HEADER=1 cargo test -q -p payroc-ffi --test header
