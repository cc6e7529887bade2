#!/usr/bin/env bash
# Rewrites tests/golden/expected/ from the current build, then shows what changed: review the
# diff before committing it (a golden file is only as good as the reading of its diff).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/uprx ] || { echo "refresh-golden: build/uprx missing (run scripts/setup.sh)" >&2; exit 1; }
sh tests/golden/check_golden.sh "$PWD/build/uprx" "$PWD" --refresh
git --no-pager diff --stat -- tests/golden/expected
