#!/usr/bin/env bash
# Installs uprx's build dependencies (Debian 12 packages) and builds it into build/.
# Usage: scripts/setup.sh [extra cmake -D options]
# Root installs the packages; as another user, install them first (see the list below).
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libre2-dev libicu-dev libboost-program-options-dev nlohmann-json3-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libpoppler-cpp-dev libzip-dev libpugixml-dev
  libxlsxwriter-dev   # --format xlsx
  libsqlite3-dev sqlite3   # --format sqlite; the sqlite3 CLI runs docs/sqlite.md's queries in tests
  nodejs npm   # the IMPACT import test parses --format impact-csv with the client's papaparse
  chromium python3-openpyxl   # the HTML report rendered headless; the XLSX read back in tests
  poppler-utils time bc   # pdftotext, GNU time: the benchmark's baseline and measures
  clang-format    # the format check in the test suite
  python3 python3-jsonschema   # validates every JSON output against pipeline/formats/schema
  clang libclang-rt-14-dev llvm   # libFuzzer, sanitizer runtimes, symbolizer (scripts/fuzz.sh)
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js and npm run only the edit-mode browser test (tests/html/edit_report.sh installs its
# pinned puppeteer-core); any install of them will do. Root gets Debian's when there is none; a
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
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DUPRX_WERROR=$werror "$@" >/dev/null
cmake --build build -j2
