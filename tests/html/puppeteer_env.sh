# Sourced by the browser tests that drive Debian's Chromium with puppeteer-core (edit_report.sh,
# compare_report.sh), after they set `src` (the source tree) and `corpora`. Defines skip (exit 77
# with a message, or fail when CI=true), sets `chromium` and `here` (this folder), and installs
# puppeteer-core with `npm ci` here when missing (pinned in package.json and package-lock.json;
# node_modules/ is ignored by git; the browser is never downloaded).
# Usage: . "$src/tests/html/puppeteer_env.sh"; need_corpus FILE_OR_DIR...
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

chromium=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chromium" ] || skip "chromium not installed (apt-get install chromium)"
command -v node >/dev/null && command -v npm >/dev/null ||
  skip "Node.js or npm not installed (apt-get install nodejs npm)"
if [ ! -f "$here/node_modules/puppeteer-core/package.json" ]; then
  echo "installing puppeteer-core (npm ci in $here)"
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --prefix "$here" --no-audit --no-fund --ignore-scripts \
    >/dev/null || skip "npm ci failed: puppeteer-core could not be installed"
fi
