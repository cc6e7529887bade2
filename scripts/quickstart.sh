#!/usr/bin/env bash
# Sets everything up, then runs the main job on real documents: every recommendation of the 212
# Working Group reports, labelled, into out/wg-reports, scored against the UPR Info export;
# Slovenia's four reviews (report, addendum, OHCHR list) joined into out/slovenia and its 2019
# and 2025 reviews compared; Cambodia's two reviews shared out to its ministries (out/khm).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
corpora="${UPRX_CORPORA:-../shared/corpora}"
if [ ! -f "$corpora/wg-reports.tsv" ]; then
  echo "quickstart: no corpus at $corpora (set UPRX_CORPORA)" >&2
  exit 1
fi
uprx=./build/uprx
mkdir -p out/khm out/compare
$uprx run "$corpora/wg-reports" --out out/wg-reports --jobs 2
# Slovenia's folders hold every document of four reviews, among them a PDF that is broken on
# purpose (c1/g0917123.pdf): uprx names it, writes the rest, and exits 1 for it.
$uprx run "$corpora/slovenia" --out out/slovenia --jobs 2 || true
$uprx compare out/slovenia/SVN-c3.json out/slovenia/SVN-c4.json --format md -o out/compare/SVN-c3-c4.md
$uprx compare out/slovenia/SVN-c3.json out/slovenia/SVN-c4.json --format html -o out/compare/SVN-c3-c4.html
khm=("$corpora/wg-reports/cambodia2010.pdf" "$corpora/wg-reports/cambodia2014.pdf")
$uprx run "${khm[@]}" --profile KHM --out out/khm --summary out/khm/summary.md
$uprx run "${khm[1]}" --profile KHM --format xlsx -o out/khm/KHM-c2.xlsx -q
$uprx run "${khm[1]}" --profile KHM --format html -o out/khm/KHM-c2.html -q
$uprx eval --uprinfo "$corpora/labels/uprinfo" out/wg-reports \
  --per-report out/eval-per-report.tsv --failures out/eval-failures.tsv
echo "quickstart: labelled JSON in out/wg-reports and out/slovenia (SVN-c1..c4.json);"
echo "            Cambodia with ministries, workbook, report and summary in out/khm;"
echo "            Slovenia 2019 -> 2025 in out/compare; scores in out/eval-per-report.tsv"
