#!/usr/bin/env bash
# Sets everything up, builds, and runs the whole test suite (unit tests and the corpus tests
# over ../shared/corpora, or $UPRX_CORPORA), then the sanitizer build and a short fuzz run.
# Corpus tests skip when the corpus is missing, and fail instead under CI=true.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
(cd build && ctest --output-on-failure -j2 --timeout 1200)
# The same suite under AddressSanitizer + UndefinedBehaviorSanitizer, then every fuzz target
# for 10 s from seeds made out of the corpus, with a fixed seed so CI runs are repeatable; the
# fuzz targets come from the sanitizer build (one clang build for both).
# UPRX_QUICK=1 skips both (more than half of the suite's time on 2 cores).
if [ "${UPRX_QUICK:-0}" != "1" ]; then
  scripts/sanitize.sh
  UPRX_FUZZ_BUILD=build-asan UPRX_FUZZ_SEED="${UPRX_FUZZ_SEED:-1}" scripts/fuzz.sh 10
fi
