#!/usr/bin/env bash
# Desktop start-up against the floor of its stack: the release app and a bare Dioxus 0.7
# desktop window that paints one block (examples/bare_window.rs), started in turns under Xvfb
# with an empty data folder each time; prints each median, the ratio, and both binaries'
# sizes. A benchmark, not a test: the figures go in the README's "Numbers".
#   scripts/bench-startup.sh [RUNS]   (default 15)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
setup_packages test
cargo build --release --bin merhaba --example bare_window
python3 tests/e2e/run.py target/release/merhaba target/bench-startup --measure-startup "${1:-15}" \
  --against target/release/examples/bare_window
for binary in target/release/merhaba target/release/examples/bare_window; do
  echo "$(basename "$binary"): $(stat -c %s "$binary") bytes"
done
