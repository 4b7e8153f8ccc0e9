# The front door. `make quickstart` runs the main job; `make test` runs every test;
# `make bench` runs the benchmarks (figures in BENCHMARKS.md); `make header` regenerates payroc.h.
.PHONY: quickstart test fmt lint bench header

quickstart:
	cargo run --quiet -p payroc-examples --bin quickstart

test:
	bash scripts/test-all.sh

fmt:
	cargo fmt --all

lint:
	cargo clippy --workspace --all-targets -- -D warnings

bench:
	cargo bench -p payroc-benches

header:
	bash scripts/regen-header.sh
