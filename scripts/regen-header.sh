#!/usr/bin/env bash
# Regenerates bindings/c/include/payroc.h from crates/payroc-ffi with the pinned cbindgen
# (the same code path as the drift test, so the two can never disagree).
set -euo pipefail
cd "$(dirname "$0")/.."
PAYROC_REGEN_HEADER=1 cargo test --quiet -p payroc-ffi --test header
echo "wrote bindings/c/include/payroc.h"
