#!/usr/bin/env bash
# Installs uprx's build dependencies (Debian 12 packages) and builds it into build/.
# Usage: scripts/setup.sh [--uprx-only] [extra cmake -D options]
#   --uprx-only  only what the `uprx` program needs: its libraries' packages, and the `uprx`
#                target alone (no tests, benchmarks, browser or sanitizer tools); the quick start
# Root installs the packages; as another user, install them first (see the list below).
set -euo pipefail
cd "$(dirname "$0")/.."

uprx_only=0
if [ "${1:-}" = "--uprx-only" ]; then
  uprx_only=1
  shift
fi
PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libre2-dev libicu-dev libboost-program-options-dev nlohmann-json3-dev
  libpoppler-cpp-dev libzip-dev libpugixml-dev
  libxlsxwriter-dev   # --format xlsx
  libsqlite3-dev   # --format sqlite
)
if [ $uprx_only = 0 ]; then
  PACKAGES+=(
    libgtest-dev libgmock-dev libbenchmark-dev
    chromium python3-openpyxl   # the HTML report rendered headless; the XLSX read back in tests
    poppler-utils time bc   # pdftotext, GNU time: the benchmark's baseline and measures
    clang-format    # the format check in the test suite
    python3 python3-jsonschema   # validates every JSON output against pipeline/formats/schema
    clang libclang-rt-14-dev llvm   # libFuzzer, sanitizer runtimes, symbolizer (scripts/fuzz.sh)
    libreoffice-calc-nogui   # tests/csv/libreoffice_csv_check.sh: a CSV opened by a spreadsheet
    sqlite3   # the sqlite3 CLI runs docs/sqlite.md's queries in the corpus tests
  )
fi
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js and npm run the edit-mode browser test (tests/html/edit_report.sh installs its pinned
# puppeteer-core) and the IMPACT import test (tests/impact: the client's papaparse); any install
# of them will do. Root gets Debian's when there is none; a
# user is told, and the build goes on.
if ! command -v npm >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then missing+=(nodejs npm)
  else echo "setup: nodejs and npm missing: the edit-mode browser test will be skipped" >&2; fi
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: missing packages: ${missing[*]} (run as root, or apt-get install them)" >&2
    exit 1
  fi
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

werror=OFF
[ "${CI:-}" = "true" ] && werror=ON
if [ $uprx_only = 1 ]; then
  # A build dir made for the tests keeps them configured; only the program is built here.
  # A user's program needs no debug information: Release compiles about a third faster than
  # RelWithDebInfo (3.0 against 4.1 min of processor time here), which keeps the quick start short.
  tests=OFF
  type=Release
  if [ -f build/CMakeCache.txt ] && grep -q '^UPRX_BUILD_TESTS:BOOL=ON' build/CMakeCache.txt; then
    tests=ON
    type=RelWithDebInfo
  fi
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=$type -DUPRX_WERROR=$werror \
    -DUPRX_BUILD_TESTS=$tests -DUPRX_BUILD_BENCHMARKS=$tests "$@" >/dev/null
  cmake --build build -j2 --target uprx
else
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DUPRX_WERROR=$werror \
    -DUPRX_BUILD_TESTS=ON -DUPRX_BUILD_BENCHMARKS=ON "$@" >/dev/null
  cmake --build build -j2
fi
