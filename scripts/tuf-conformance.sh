#!/usr/bin/env bash
# Runs the TUF conformance suite (github.com/theupdateframework/tuf-conformance) against the
# phone's update code through `merhaba-pack tuf-client` (scripts/tuf-client; its expected
# failures, explained in docs/publishing.md, are in scripts/tuf-client.xfails).
#
#   scripts/tuf-conformance.sh [SUITE_DIR] [PYTEST ARGS...]
#
# SUITE_DIR (default: ../tuf-conformance beside the project) is a checkout of the suite,
# cloned from GitHub when missing; it is not part of this repository. Installs faketime and
# the suite's Python packages (in SUITE_DIR/env) when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
suite="$(realpath -m "${1:-../tuf-conformance}")"
shift || true
if [ ! -d "$suite/tuf_conformance" ]; then
  git clone --depth 1 https://github.com/theupdateframework/tuf-conformance "$suite"
fi
command -v faketime >/dev/null || apt-get install -y faketime
if [ ! -x "$suite/env/bin/pytest" ]; then
  python3 -m venv "$suite/env"
  "$suite/env/bin/pip" install -e "$suite"
fi
cargo build -p merhaba-pack
cd "$suite"
exec env/bin/pytest tuf_conformance --entrypoint "$OLDPWD/scripts/tuf-client" -p no:cacheprovider -q "$@"
