#!/usr/bin/env bash
# Builds everything with AddressSanitizer + UndefinedBehaviorSanitizer in build-asan/ and runs
# the whole test suite there (unit tests and the corpus tests over ../shared/corpora, or
# $UPRX_CORPORA): any memory error, leak or undefined behaviour fails the test that hit it.
# Usage: scripts/sanitize.sh [ctest options, e.g. -R Corpus]
set -euo pipefail
cd "$(dirname "$0")/.."
werror=OFF
[ "${CI:-}" = "true" ] && werror=ON
# -O1..-O2 with -g keeps stacks readable and the corpus tests within minutes.
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DUPRX_SANITIZE=ON \
  -DUPRX_BUILD_BENCHMARKS=OFF -DUPRX_WERROR=$werror >/dev/null
cmake --build build-asan -j2
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
cd build-asan
ctest --output-on-failure -j2 --timeout 1800 "$@"
