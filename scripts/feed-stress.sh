#!/usr/bin/env bash
# Kills `merhaba-pack pull` at 1,000 random moments of an update (the test suite does 200)
# and checks after each that the phone holds exactly one sound version and an intact user
# database. Pass MERHABA_KILL_SEED=<n> to repeat a run; the seed is printed first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
setup_packages test
MERHABA_KILL_RUNS="${MERHABA_KILL_RUNS:-1000}" cargo test -p merhaba-pack --test feed \
  killed_at_random_points -- --nocapture
