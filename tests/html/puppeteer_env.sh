# Sourced by the browser tests that drive Debian's Chromium with puppeteer-core (edit_report.sh,
# compare_report.sh), whose arguments are UPRX_BINARY SOURCE_DIR ARTIFACT_DIR: it reads them
# into `uprx`, `src` and `artifacts`, sets `corpora` (UPRX_CORPORA, or ../shared/corpora beside
# the source tree), `chromium` and `here` (this folder), defines skip (exit 77 with a message,
# or fail when CI=true), need_corpus and work_dir, and installs puppeteer-core with `npm ci`
# here when missing (pinned in package.json and package-lock.json; node_modules/ is ignored by
# git; the browser is never downloaded).
# Usage: . "$2/tests/html/puppeteer_env.sh"; need_corpus FILE_OR_DIR...; work_dir NAME
set -u
uprx=$1
src=$2
artifacts=$3
corpora=${UPRX_CORPORA:-$src/../shared/corpora}
here=$src/tests/html

skip() {
  if [ "${CI:-}" = true ]; then echo "FAIL: $1"; exit 1; fi
  echo "SKIP: $1"; exit 77
}

# need_corpus PATH...: skip unless every path exists under the corpora.
need_corpus() {
  for p in "$@"; do
    [ -e "$corpora/$p" ] || skip "corpora not found at $corpora (set UPRX_CORPORA): no $p"
  done
}

# work_dir NAME: a fresh temporary folder in `out`, removed when the test exits.
work_dir() {
  out=$(mktemp -d "${TMPDIR:-/tmp}/uprx-$1.XXXXXX")
  trap 'rm -rf "$out"' EXIT
}

chromium=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chromium" ] || skip "chromium not installed (apt-get install chromium)"
command -v node >/dev/null && command -v npm >/dev/null ||
  skip "Node.js or npm not installed (apt-get install nodejs npm)"
if [ ! -f "$here/node_modules/puppeteer-core/package.json" ]; then
  echo "installing puppeteer-core (npm ci in $here)"
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --prefix "$here" --no-audit --no-fund --ignore-scripts \
    >/dev/null || skip "npm ci failed: puppeteer-core could not be installed"
fi
