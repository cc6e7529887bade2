#!/usr/bin/env bash
# Builds everything with AddressSanitizer + UndefinedBehaviorSanitizer in build-asan/ and runs
# the whole test suite there (unit tests and the corpus tests over ../shared/corpora, or
# $UPRX_CORPORA): any memory error, leak or undefined behaviour fails the test that hit it.
# The build uses clang and also holds the libFuzzer targets (-DUPRX_FUZZ=ON), so that
# `UPRX_FUZZ_BUILD=build-asan scripts/fuzz.sh` fuzzes without a third build of the project.
# Usage: scripts/sanitize.sh [ctest options, e.g. -R Corpus]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang++ >/dev/null || { echo "sanitize: clang++ missing (scripts/setup.sh)" >&2; exit 1; }
werror=OFF
[ "${CI:-}" = "true" ] && werror=ON
# -O1..-O2 with -g keeps stacks readable and the corpus tests within minutes.
cmake -S . -B build-asan -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DUPRX_SANITIZE=ON -DUPRX_FUZZ=ON -DUPRX_BUILD_BENCHMARKS=OFF -DUPRX_WERROR=$werror >/dev/null
cmake --build build-asan -j2
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
cd build-asan
ctest --output-on-failure -j2 --timeout 1800 "$@"
