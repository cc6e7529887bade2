#!/usr/bin/env bash
# Sets everything up, then runs the main job on real documents: extracts every recommendation
# of the 212 Working Group reports into out/wg-reports and scores them against the UPR Info
# export; joins Slovenia's four reviews (report, addendum, OHCHR list) into out/slovenia.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
corpora="${UPRX_CORPORA:-../shared/corpora}"
if [ ! -f "$corpora/wg-reports.tsv" ]; then
  echo "quickstart: no corpus at $corpora (set UPRX_CORPORA)" >&2
  exit 1
fi
mkdir -p out
./build/uprx extract "$corpora/wg-reports" --out out/wg-reports --jobs 2
# Slovenia's folders hold every document of four reviews, among them a PDF that is broken on
# purpose (c1/g0917123.pdf): uprx names it, writes the rest, and exits 1 for it.
./build/uprx run "$corpora/slovenia" --out out/slovenia --jobs 2 || true
./build/uprx eval --uprinfo "$corpora/labels/uprinfo" out/wg-reports \
  --per-report out/eval-per-report.tsv --failures out/eval-failures.tsv
echo "quickstart: JSON in out/wg-reports and out/slovenia (SVN-c1..c4.json, final positions);"
echo "            per-report scores in out/eval-per-report.tsv, misses in out/eval-failures.tsv"
