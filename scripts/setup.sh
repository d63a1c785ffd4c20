#!/usr/bin/env bash
# Installs what Merhaba needs on Debian when it is missing. Sourced by scripts/run.sh and
# scripts/test.sh; safe to run again (it only installs what is not there).
#   setup_packages run   - libraries to build and show the desktop window
#   setup_packages web   - those, plus clang for SQLite on wasm32 and node (scripts/web.sh)
#   setup_packages test  - all of those, plus Xvfb, xdotool, ImageMagick and tesseract for the
#                          e2e test of the window, and Chromium and npm for the web app's
set -euo pipefail

# libspeechd-dev and libclang-dev build "Listen" (speech-dispatcher's client, through bindgen);
# speech-dispatcher with espeak-ng gives it voices in English, Turkish, Arabic, Persian,
# Russian, Ukrainian and Kurmanji (none in Pashto). fonts-noto-core has the Pashto letters.
# clang-19 and lld-19 link every host binary (.cargo/config.toml).
RUN_PACKAGES=(libwebkit2gtk-4.1-dev libxdo-dev libgtk-3-dev pkg-config fonts-noto-core fonts-noto-color-emoji
  libspeechd-dev libclang-dev speech-dispatcher speech-dispatcher-espeak-ng espeak-ng clang-19 lld-19)
WEB_PACKAGES=(llvm-19)
TEST_PACKAGES=(nginx-light xvfb xdotool imagemagick tesseract-ocr tesseract-ocr-eng tesseract-ocr-tur tesseract-ocr-ara tesseract-ocr-fas python3 python3-venv faketime chromium sox
  poppler-utils zbar-tools)

setup_packages() {
  local wanted=("${RUN_PACKAGES[@]}")
  case "${1:-run}" in
    web) wanted+=("${WEB_PACKAGES[@]}") ;;
    test) wanted+=("${WEB_PACKAGES[@]}" "${TEST_PACKAGES[@]}") ;;
  esac
  local missing=()
  for pkg in "${wanted[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  # node and npm by command, not by package: a machine may have them from elsewhere (a
  # nodesource nodejs carries its own npm, which Debian's npm package conflicts with).
  if [ "${1:-run}" != run ]; then
    command -v node >/dev/null || missing+=(nodejs)
    command -v npm >/dev/null || missing+=(npm)
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  if ! command -v cargo >/dev/null; then
    echo "setup: cargo is missing; install Rust with rustup (https://rustup.rs) first" >&2
    exit 1
  fi
  if [ "${1:-run}" = test ]; then
    cargo fmt --version >/dev/null 2>&1 || rustup component add rustfmt
    cargo clippy --version >/dev/null 2>&1 || rustup component add clippy
  fi
}
