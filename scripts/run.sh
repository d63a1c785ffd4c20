#!/usr/bin/env bash
# Runs the Merhaba desktop app with the shipped Aydın guide (built from content/aydin/ and
# embedded in the binary). Extra arguments go to cargo, e.g. `scripts/run.sh --release`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
setup_packages run
exec cargo run --bin merhaba "$@"
