#!/usr/bin/env bash
# Runs the TUF conformance suite (github.com/theupdateframework/tuf-conformance) against the
# phone's update code through `merhaba-pack tuf-client` (scripts/tuf-client; its expected
# failures, explained in docs/publishing.md, are in scripts/tuf-client.xfails).
#
#   scripts/tuf-conformance.sh [SUITE_DIR] [PYTEST ARGS...]
#
# SUITE_DIR (default: tests/tuf-conformance, the copy vendored here, VENDORED.md) is a
# checkout of the suite. Installs faketime and the suite's Python packages (in
# target/tuf-conformance-env) when missing; scripts/test.sh runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
suite="$(realpath -m "${1:-tests/tuf-conformance}")"
shift || true
if [ ! -d "$suite/tuf_conformance" ]; then
  echo "$suite: no tuf_conformance/ (the suite's checkout)" >&2
  exit 2
fi
command -v faketime >/dev/null || apt-get install -y faketime
env="$PWD/target/tuf-conformance-env"
if [ ! -x "$env/bin/pytest" ]; then
  python3 -m venv "$env"
  # The suite's own pins (its pyproject.toml), installed without building the suite itself.
  "$env/bin/pip" install -q "securesystemslib[crypto]==1.4.0" "tuf==7.0.0" "pytest==9.1.1" \
    "pytest-json-report==1.5.0"
fi
cargo build -q -p merhaba-pack
cd "$suite"
exec "$env/bin/python" -m pytest tuf_conformance --entrypoint "$OLDPWD/scripts/tuf-client" \
  -p no:cacheprovider -q "$@"
