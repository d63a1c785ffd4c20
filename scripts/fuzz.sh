#!/usr/bin/env bash
# Runs the fuzz targets of fuzz/ (fuzz/README.md) with cargo-fuzz, installing it when missing.
#
#   scripts/fuzz.sh TARGET SECONDS   one target for SECONDS of CPU time (one core)
#   scripts/fuzz.sh all SECONDS      every target, one after the other, SECONDS each
#   scripts/fuzz.sh seeds            (re)writes the seed corpora in fuzz/corpus/
#   scripts/fuzz.sh list             the targets
#
# New inputs a run finds go to $FUZZ_WORK/corpus/TARGET (default target/corpus/), not
# into the repository; crashes go to fuzz/artifacts/TARGET/. Save a crash that you fixed as
# fuzz/regressions/TARGET/NAME: `cargo test -p merhaba-fuzz` replays it from then on.
# Runs on stable Rust: RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass its -Z flags.
set -euo pipefail
cd "$(dirname "$0")/.."

targets() { sed -n 's/^name = "\(.*\)"$/\1/p' fuzz/Cargo.toml | grep -v '^merhaba-fuzz$'; }

export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
work="${FUZZ_WORK:-$CARGO_TARGET_DIR}"
# The workspace's release profile is for shipping (fat LTO, one codegen unit, size): linking
# seven fuzzers with it takes most of an hour on two cores. Fuzzers want a fast build.
export CARGO_PROFILE_RELEASE_LTO="${CARGO_PROFILE_RELEASE_LTO:-false}"
export CARGO_PROFILE_RELEASE_CODEGEN_UNITS="${CARGO_PROFILE_RELEASE_CODEGEN_UNITS:-16}"
export CARGO_PROFILE_RELEASE_OPT_LEVEL="${CARGO_PROFILE_RELEASE_OPT_LEVEL:-3}"
export CARGO_PROFILE_RELEASE_STRIP="${CARGO_PROFILE_RELEASE_STRIP:-false}"

if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install --locked cargo-fuzz
fi

seeds() {
  cargo run --quiet -p merhaba-fuzz --example seeds
  mkdir -p fuzz/corpus/{content_service,content_city,hours}
  cp crates/pack/tests/fixtures/mini/services/*.toml fuzz/corpus/content_service/
  # A handful of the real services: one of each shape is enough for the fuzzer to start.
  for f in $(ls content/*/services/*.toml | awk 'NR % 8 == 1'); do
    cp "$f" "fuzz/corpus/content_service/$(basename "$(dirname "$(dirname "$f")")")-$(basename "$f")"
  done
  cp crates/pack/tests/fixtures/mini/city.toml fuzz/corpus/content_city/mini-city.toml
  for city in content/*/; do
    cp "$city/city.toml" "fuzz/corpus/content_city/$(basename "$city")-city.toml"
  done
  # Every distinct opening-hours string of the real content, one file each.
  grep -h '^opening_hours *=' content/*/services/*.toml crates/pack/tests/fixtures/mini/services/*.toml |
    sed 's/^opening_hours *= *"\(.*\)"$/\1/' | sort -u | awk '{ printf "%s", $0 > sprintf("fuzz/corpus/hours/h%03d", NR) }'
  # And one of each part of the grammar the real content does not use yet.
  local i=0
  for s in 'Mo-Fr 08:00-12:00,13:00-17:00; PH off' 'Sa 09:00-13:00 "by appointment"' \
    'week 1-53/2 Mo 10:00-12:00' 'Jan-Mar,Oct-Dec Mo-Fr 09:00+' 'sunrise-sunset' \
    '2026 Apr 23 off; Mo-Su 08:00-24:00' 'Mo[1,-1] 10:00-14:00' 'easter -2 days off' \
    'Mo-Fr 22:00-06:00' '00:00-24:00 unknown' 'SH off; Tu,Th 14:00-16:00'; do
    printf '%s' "$s" > "fuzz/corpus/hours/g$((i++))"
  done
}

run() {
  local target=$1 seconds=$2
  mkdir -p "$work/corpus/$target"
  # One process on one core; -timeout catches hangs, the limits unbounded allocations.
  cargo fuzz run --fuzz-dir fuzz --features fuzzing "$target" \
    "$work/corpus/$target" "fuzz/corpus/$target" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=512 \
    -print_final_stats=1 2>&1 | tee "$work/$target.log" | grep -E '^#[0-9]+.*(DONE|pulse)|^(==|SUMMARY|stat::)|panicked|Done|cov:.*ft:' | tail -20
}

case "${1:-}" in
  list) targets ;;
  seeds) seeds ;;
  # A finding stops that target (libFuzzer stops at the first); the others still run.
  all) for t in $(targets); do
         run "$t" "${2:?seconds}" || echo "$t: stopped by a finding, see fuzz/artifacts/$t/"
       done ;;
  "") sed -n '2,12p' "$0"; exit 2 ;;
  *) targets | grep -qx "$1" || { echo "no target $1 (scripts/fuzz.sh list)" >&2; exit 2; }
     run "$1" "${2:?seconds}" ;;
esac
