#!/usr/bin/env bash
# The web app: builds it into one folder of static files that any static host or CDN can
# serve (the folder is the deployable artifact), or serves that folder on 127.0.0.1.
#   scripts/web.sh [OUT]          build the site into OUT (default target/site)
#   scripts/web.sh serve [PORT]   build, then serve it on http://127.0.0.1:PORT/ (default 8080)
# Installs what it needs when missing: the wasm32 target, clang-19 (SQLite for wasm),
# wasm-bindgen-cli at the version in Cargo.lock, and binaryen from npm (web/package.json). Serve the folder over HTTPS in production:
# browsers keep a site offline (service worker) only on https:// and on localhost.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
setup_packages web

mode=build
if [ "${1:-}" = serve ]; then mode=serve; shift; port=${1:-8080}; out=target/site
else out=${1:-target/site}; fi

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2)" != "$bindgen_version" ]; then
  echo "web: installing wasm-bindgen-cli $bindgen_version (a few minutes, once)"
  cargo install --quiet wasm-bindgen-cli --version "$bindgen_version"
fi

export CC_wasm32_unknown_unknown=clang-19 AR_wasm32_unknown_unknown=llvm-ar-19
cargo build --profile web --target wasm32-unknown-unknown --no-default-features --features web --bin merhaba
app=target/web-app
rm -rf "$app"
wasm-bindgen --target web --no-typescript --out-dir "$app" --out-name merhaba \
  target/wasm32-unknown-unknown/web/merhaba.wasm
# binaryen's wasm-opt (npm): about a fifth smaller, for phones on slow connections.
[ -x web/node_modules/.bin/wasm-opt ] || (cd web && npm ci --no-audit --no-fund --silent)
web/node_modules/.bin/wasm-opt -Oz "$app/merhaba_bg.wasm" -o "$app/merhaba_bg.wasm"
cargo run --quiet -p merhaba-pack -- site content/aydin "$out" --app "$app"

if [ "$mode" = serve ]; then
  echo "web: http://127.0.0.1:$port/ (Ctrl-C stops)"
  exec node scripts/serve-site.mjs "$out" "$port"
fi
