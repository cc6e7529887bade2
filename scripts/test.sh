#!/usr/bin/env bash
# Sets everything up, builds, and runs the whole test suite (unit tests and the corpus tests
# over ../shared/corpora, or $UPRX_CORPORA). Corpus tests skip when the corpus is missing,
# and fail instead under CI=true.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cd build
ctest --output-on-failure -j2 --timeout 1200
