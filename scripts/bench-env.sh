# Sourced by the measurement scripts (bench-bindings.sh, bench-bulk.sh), from the
# repository root: the .venv with maturin and httpx on PATH, and `start_release_mock`.

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check "maturin>=1.5,<2" "httpx>=0.27,<1"
export VIRTUAL_ENV="$PWD/.venv"
export PATH="$VIRTUAL_ENV/bin:$PATH"

# Starts the release payroc-mock (built by the caller) on a free port and sets
# `target`, `work` (a temporary directory) and `url`. Its stdin is a FIFO this shell
# holds open: it exits when the script does.
start_release_mock() {
  target=$(cargo metadata --format-version 1 --no-deps | python -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
  work=$(mktemp -d)
  trap 'exec {fd}>&-; kill $mock_pid 2>/dev/null; rm -rf "$work"' EXIT
  mkfifo "$work/mock.in"
  "$target/release/payroc-mock" --port 0 --exit-with-parent <"$work/mock.in" >"$work/mock.out" &
  mock_pid=$!
  exec {fd}>"$work/mock.in"
  for _ in $(seq 100); do [ -s "$work/mock.out" ] && break; sleep 0.1; done
  url=$(head -n1 "$work/mock.out")
  echo "payroc-mock at $url; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
}
