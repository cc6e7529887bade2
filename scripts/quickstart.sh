#!/usr/bin/env bash
# Quick start for a committee: builds the `uprx` program alone (not the tests), then shows what
# a committee gets from a review's documents. With the real documents at ../shared/corpora (or
# $UPRX_CORPORA): Cambodia's reviews of 2010 and 2014 shared out to its ministries (--profile
# KHM) and Slovenia's review of 2025 (report, addendum and OHCHR's thematic list). Without
# them: the small sample review in corpora/sample/ (written for uprx; not UN documents).
# Everything goes to out/quickstart/. The research evaluation is scripts/evaluate.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
echo "quickstart: building uprx (about 3 minutes of processor time: 1.5 minutes on 2 idle cores the"
echo "            first time, longer on a busy machine; seconds after);"
echo "            Debian packages are installed first when missing (as root)"
scripts/setup.sh --uprx-only
echo "quickstart: uprx ready after $(( $(date +%s) - started )) s"

uprx=./build/uprx
corpora="${UPRX_CORPORA:-../shared/corpora}"
out=out/quickstart
rm -rf "$out"
mkdir -p "$out"

# One review in every format a committee opens: the JSON for tools, the workbook (one sheet per
# lead institution with a planning block), the self-contained HTML report. Each run ends with
# the files it wrote, the recommendations and the positions with the stage they come from.
# The JSON run also writes the per-institution table (institutions.md).
review() {
  local dir=$1
  shift
  $uprx run "$@" --out "$dir" --summary "$dir/institutions.md"
  $uprx run "$@" --out "$dir" --format xlsx
  $uprx run "$@" --out "$dir" --format html
}

if [ -f "$corpora/wg-reports/cambodia2014.pdf" ] && [ -d "$corpora/slovenia/c4" ]; then
  echo
  echo "== Cambodia 2010 and 2014 (Working Group reports only), institutions of the 2023 government"
  review "$out/cambodia" "$corpora/wg-reports/cambodia2010.pdf" "$corpora/wg-reports/cambodia2014.pdf" \
    --profile KHM
  echo
  echo "== Slovenia 2025: report, addendum and thematic list (other documents are named and skipped)"
  review "$out/slovenia" "$corpora/slovenia/c4" --profile auto
  echo
  echo "quickstart: done in $(( $(date +%s) - started )) s. Open $out/*/*.html in a browser and"
  echo "            $out/*/*.xlsx in a spreadsheet; the JSON follows the uprx/1 schema."
else
  echo
  echo "quickstart: no real documents at $corpora (set UPRX_CORPORA to their folder)."
  echo "== The sample review in corpora/sample/ (an invented review of 10 recommendations, written"
  echo "   for uprx: a Working Group report, the State's addendum and a thematic list)"
  review "$out/sample" corpora/sample --profile auto
  echo
  echo "quickstart: done in $(( $(date +%s) - started )) s. Open $out/sample/*.html in a browser."
  echo "            To get a real review's documents (a symbol such as A/HRC/26/16 is enough):"
  echo "            docs/getting-documents.md"
fi
