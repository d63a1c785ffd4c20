#!/usr/bin/env bash
# Type-checks every Rust crate of the app for Android (aarch64-linux-android, feature
# `mobile`). This machine has no Android NDK: the only C code (bundled SQLite) is compiled by
# a clang-19 wrapper against Debian's arm64 glibc headers, which is good enough to *check*
# the Rust code and never to build an APK. Building the APK needs the NDK and `dx bundle`.
set -euo pipefail
cd "$(dirname "$0")/.."

rustup target list --installed | grep -qx aarch64-linux-android || rustup target add aarch64-linux-android
missing=()
for pkg in clang-19 llvm-19 libc6-dev-arm64-cross; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

wrapper_dir="$PWD/target/android-check"
mkdir -p "$wrapper_dir"
cat > "$wrapper_dir/cc" <<'SH'
#!/bin/sh
exec clang-19 --target=aarch64-linux-gnu -D_GNU_SOURCE -isystem /usr/aarch64-linux-gnu/include "$@"
SH
chmod +x "$wrapper_dir/cc"

CC_aarch64_linux_android="$wrapper_dir/cc" \
AR_aarch64_linux_android=llvm-ar-19 \
  cargo check --target aarch64-linux-android --workspace --no-default-features --features mobile
