#!/usr/bin/env bash
# Type-checks the app and every crate it uses for Android (aarch64-linux-android, feature
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
  cargo check --target aarch64-linux-android -p merhaba --no-default-features --features mobile

# The manifest dx really writes: Dioxus.toml's android_manifest, used as it is (dioxus-cli
# 0.7.10, src/build/android.rs). It must keep everything out of backups, name the activity
# and library dx builds, and declare the provider the activity shares slips through.
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
# The share sheet for slips: the activity dx builds is android/MainActivity.kt, whose
# provider the manifest declares (not exported, one-file grants), and whose method the Rust
# side calls by name and signature (src/platform/hand_out.rs).
with open("Dioxus.toml", "rb") as f:
    toml = tomllib.load(f)
activity_file = toml.get("application", {}).get("android_main_activity")
identifier = toml.get("bundle", {}).get("identifier")
kotlin = open(activity_file).read() if activity_file else ""
rust = open("src/platform/hand_out.rs").read()
for needed in ["class MainActivity : WryActivity()", "fun shareSlip(name: String, mime: String)",
               "class SlipProvider : ContentProvider()", 'const val AUTHORITY = "org.merhaba.app.slips"',
               f"typealias BuildConfig = {identifier}.BuildConfig"]:
    if needed not in kotlin:
        problems.append(f"{activity_file or 'Dioxus.toml android_main_activity'}: no `{needed}`")
if '"shareSlip",' not in rust or '"(Ljava/lang/String;Ljava/lang/String;)V"' not in rust:
    problems.append("src/platform/hand_out.rs: does not call shareSlip(String, String)")
providers = {p.get(A + "name"): p for p in (app.findall("provider") if app is not None else [])}
slips = providers.get("dev.dioxus.main.SlipProvider")
if slips is None:
    problems.append("no <provider> dev.dioxus.main.SlipProvider")
else:
    for name, value in [("authorities", "org.merhaba.app.slips"), ("exported", "false"), ("grantUriPermissions", "true")]:
        if slips.get(A + name) != value:
            problems.append(f'the slips <provider> must say android:{name}="{value}", says {slips.get(A + name)!r}')
perms = {p.get(A + "name") for p in root.findall("uses-permission")}
for wanted in ["android.permission.INTERNET", "android.permission.ACCESS_COARSE_LOCATION"]:
    if wanted not in perms:
        problems.append(f"missing <uses-permission> {wanted}")
if "android.permission.ACCESS_FINE_LOCATION" in perms:
    problems.append("ACCESS_FINE_LOCATION: Nearby needs coarse location only")
if problems:
    sys.exit(f"{path}: " + "; ".join(problems))
print(f"android: {path} is the manifest dx writes: no backup, coarse location, {len(perms)} permissions; "
      f"{activity_file} shares slips through its provider")
PY
