#!/bin/sh
# The HTML report rendered in headless Chromium: for Cambodia 2014 and Slovenia c4, the page's
# own scripts run without an error or console.error, the three SVG charts are there, the table
# has one row per recommendation of the JSON output, and a screenshot is saved as an artefact.
# A copy of a report with a failing script must be caught (so the test can fail).
#
# Usage: render_report.sh UPRX_BINARY SOURCE_DIR ARTIFACT_DIR
# Screenshots: ARTIFACT_DIR/report-KHM-c2.png and report-SVN-c4.png (kept after the test).
# Chromium (Debian package `chromium`) or the corpora missing: skipped (exit 77) with a message,
# failed when CI=true.
set -u
uprx=$1
src=$2
artifacts=$3
corpora=${UPRX_CORPORA:-$src/../shared/corpora}
width=1400
height=2400

skip() {
  if [ "${CI:-}" = true ]; then echo "FAIL: $1"; exit 1; fi
  echo "SKIP: $1"; exit 77
}
chromium=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chromium" ] || skip "chromium not installed (apt-get install chromium)"
[ -f "$corpora/wg-reports/cambodia2014.pdf" ] && [ -d "$corpora/slovenia/c4" ] ||
  skip "corpora not found at $corpora (set UPRX_CORPORA)"

out=$(mktemp -d "${TMPDIR:-/tmp}/uprx-html.XXXXXX")
trap 'rm -rf "$out"' EXIT
mkdir -p "$artifacts"
failed=0

# browse ARGS...: one headless Chromium run with its own throw-away profile.
browse() {
  timeout 120 "$chromium" --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --no-first-run --user-data-dir="$out/profile" --window-size="$width,$height" "$@" \
    2>>"$out/chromium.log"
}

# render NAME BASE INPUT: the report and JSON of one review, its DOM checked, its screenshot kept.
render() {
  name=$1 base=$2 input=$3
  # Documents that are not outcome documents are named on stderr: kept in a log, not shown.
  "$uprx" run "$input" --format html -o "$out/$base.html" --quiet --jobs 2 2>>"$out/uprx.log" &&
    "$uprx" run "$input" --format json -o "$out/$base.json" --quiet --jobs 2 2>>"$out/uprx.log" ||
    { echo "FAIL: uprx run $input"; cat "$out/uprx.log"; failed=1; return; }
  rows=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["reviews"][0]["recommendations"]))' "$out/$base.json")
  shot=$artifacts/report-$base.png
  rm -f "$shot"
  browse --dump-dom "file://$out/$base.html" >"$out/$base.dom.html"
  browse --screenshot="$shot" "file://$out/$base.html" >/dev/null
  python3 "$src/tests/html/check_dom.py" "$out/$base.dom.html" "$rows" "$shot" "$width" "$height" ||
    { failed=1; tail -5 "$out/chromium.log"; }
  echo "$name: screenshot $shot"
}

render "Cambodia 2014" KHM-c2 "$corpora/wg-reports/cambodia2014.pdf"
render "Slovenia c4" SVN-c4 "$corpora/slovenia/c4"

# The check can fail: the same report with a script that throws, and one that logs an error.
sed 's|</body>|<script>undefinedFunctionOfTheReport();</script></body>|' "$out/KHM-c2.html" \
  >"$out/throws.html"
sed 's|</body>|<script>console.error("report broken");</script></body>|' "$out/KHM-c2.html" \
  >"$out/logs.html"
for page in throws logs; do
  browse --dump-dom "file://$out/$page.html" >"$out/$page.dom.html"
  python3 "$src/tests/html/check_dom.py" --expect-errors "$out/$page.dom.html" || failed=1
done

[ "$failed" -eq 0 ] && echo "the HTML reports render in $("$chromium" --version 2>/dev/null) without errors"
exit "$failed"
