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

# The manifest dx really writes: Dioxus.toml's android_manifest, used as it is (dioxus-cli
# 0.7.10, src/build/android.rs). It must keep everything out of backups and name the
# activity and library dx builds.
python3 - <<'PY'
import sys, tomllib, xml.etree.ElementTree as ET
A = "{http://schemas.android.com/apk/res/android}"
with open("Dioxus.toml", "rb") as f:
    path = tomllib.load(f).get("application", {}).get("android_manifest")
if not path:
    sys.exit("Dioxus.toml: [application] android_manifest is missing: dx would write its own manifest, which allows backups")
try:
    root = ET.parse(path).getroot()
except (OSError, ET.ParseError) as e:
    sys.exit(f"{path}: {e}")
app = root.find("application")
problems = []
if app is None:
    problems.append("no <application>")
else:
    for name, value in [("allowBackup", "false"), ("fullBackupContent", "false"), ("supportsRtl", "true")]:
        if app.get(A + name) != value:
            problems.append(f'<application> must say android:{name}="{value}", says {app.get(A + name)!r}')
    activity = app.find("activity")
    metas = {m.get(A + "name"): m.get(A + "value") for m in (activity.findall("meta-data") if activity is not None else [])}
    if activity is None or activity.get(A + "name") != "dev.dioxus.main.MainActivity":
        problems.append("the activity must be dev.dioxus.main.MainActivity (dx writes it)")
    if metas.get("android.app.lib_name") != "main":
        problems.append('android.app.lib_name must be "main" (dx\'s default lib_name)')
perms = {p.get(A + "name") for p in root.findall("uses-permission")}
for wanted in ["android.permission.INTERNET", "android.permission.ACCESS_COARSE_LOCATION"]:
    if wanted not in perms:
        problems.append(f"missing <uses-permission> {wanted}")
if "android.permission.ACCESS_FINE_LOCATION" in perms:
    problems.append("ACCESS_FINE_LOCATION: Nearby needs coarse location only")
if problems:
    sys.exit(f"{path}: " + "; ".join(problems))
print(f"android: {path} is the manifest dx writes: no backup, coarse location, {len(perms)} permissions")
PY
