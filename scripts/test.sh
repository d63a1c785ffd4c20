#!/usr/bin/env bash
# Runs every test: formatting and lints, the content of every shipped city, unit and
# integration tests (core, publisher, views rendered with dioxus-ssr), then the end-to-end
# test of the real window under Xvfb. Screenshots of the e2e run land in e2e-out/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
setup_packages test

step() { echo; echo "== $*"; }

step "format"
cargo fmt --all --check

step "lints"
cargo clippy --workspace --all-targets -- -D warnings

step "shipped content"
for city in content/*/; do
  cargo run --quiet -p merhaba-pack -- validate "$city"
done

step "core for the web: wasm32, without the feed client"
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
CC_wasm32_unknown_unknown=clang-19 AR_wasm32_unknown_unknown=llvm-ar-19 \
  cargo check -p merhaba-core --no-default-features --target wasm32-unknown-unknown

step "unit, integration and view tests"
cargo test --workspace

step "end-to-end: the real window under Xvfb"
cargo build -p merhaba -p merhaba-pack --bins   # the app, and the publisher for the update walk
python3 tests/e2e/run.py target/debug/merhaba e2e-out
