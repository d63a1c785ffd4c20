#!/usr/bin/env bash
# Runs every test: formatting and lints, the content of every shipped city, unit and
# integration tests (core, publisher, views rendered with dioxus-ssr), then the end-to-end
# test of the real window under Xvfb (screenshots in e2e-out/); the Android type check; the
# web app built as a static site and walked in a phone-sized Chromium (screenshots in
# web-out/).
set -euo pipefail
cd "$(dirname "$0")/.."
# CI builds once from a clean tree: incremental caches only cost time and disk there.
if [ -n "${CI:-}" ]; then export CARGO_INCREMENTAL=0; fi

# Each step's elapsed time, printed as it ends and again together at the end (pass or fail),
# so the next step that grows shows.
started=$(date +%s); step_started=$started; step_name=""; times=()
step() {
  local now; now=$(date +%s)
  if [ -n "$step_name" ]; then
    times+=("$(printf '%6d s  %s' $((now - step_started)) "$step_name")")
    echo "-- $((now - step_started)) s"
  fi
  step_started=$now; step_name="$*"
  [ -z "$*" ] || { echo; echo "== $*"; }
}
report_times() {
  step ""
  echo; echo "== time per step"
  printf '%s\n' "${times[@]}"
  printf '%6d s  total\n' $(( $(date +%s) - started ))
}
trap report_times EXIT

step "what the tests need: Debian packages, Rust components"
source scripts/setup.sh
setup_packages test

step "format"
cargo fmt --all --check

step "lints"
cargo clippy --workspace --all-targets -- -D warnings

step "shipped content"
for city in content/*/; do
  cargo run --quiet -p merhaba-pack -- validate "$city"
done

step "the app for Android phones: type-checked (no NDK here; docs/mobile.md)"
bash scripts/check-android.sh

step "the web app: built as the static site (wasm32, release profile)"
bash scripts/web.sh target/site
CC_wasm32_unknown_unknown=clang-19 AR_wasm32_unknown_unknown=llvm-ar-19 \
  cargo clippy -p merhaba --target wasm32-unknown-unknown --no-default-features --features web -- -D warnings

step "unit, integration and view tests"
cargo test --workspace

step "the TUF conformance suite against the phone's update code (tests/tuf-conformance)"
bash scripts/tuf-conformance.sh

step "end-to-end: the real window under Xvfb, two walks at a time"
# The app and the publisher (for the update walk) are the binaries `cargo test` just built.
# A walk waits on the screen more than it computes (about one core in all): two groups run
# side by side, each on an X display of its own, and say what they saw when both are done.
rm -rf e2e-out; mkdir -p e2e-out
E2E_ONLY=guide,restart,nearby,updates E2E_FIRST_DISPLAY=90 \
  python3 tests/e2e/run.py target/debug/merhaba e2e-out/1 > e2e-out/1.log 2>&1 & first=$!
E2E_ONLY=speech,intake,courses E2E_FIRST_DISPLAY=110 \
  python3 tests/e2e/run.py target/debug/merhaba e2e-out/2 > e2e-out/2.log 2>&1 & second=$!
e2e=0
wait $first || e2e=1
wait $second || e2e=1
cat e2e-out/1.log e2e-out/2.log
[ $e2e -eq 0 ]

step "end-to-end: the web app in a phone-sized Chromium, online, offline and updating"
{ [ -d tests/web/node_modules/playwright-core ] && [ -d tests/web/node_modules/axe-core ]; } || (cd tests/web && npm ci --no-audit --no-fund)
node tests/web/run.mjs target/site target/web-app target/debug/merhaba-pack web-out
node tests/web/a11y.mjs target/site web-out/a11y
