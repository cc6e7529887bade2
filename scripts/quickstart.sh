#!/usr/bin/env bash
# Sets everything up, then runs the main job on real documents: extracts every recommendation
# of the 212 Working Group reports and Slovenia's four reviews in ../shared/corpora into out/,
# and scores the reports against the UPR Info export.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
corpora="${UPRX_CORPORA:-../shared/corpora}"
if [ ! -f "$corpora/wg-reports.tsv" ]; then
  echo "quickstart: no corpus at $corpora (set UPRX_CORPORA)" >&2
  exit 1
fi
mkdir -p out
./build/uprx extract "$corpora/wg-reports" --out out/wg-reports --jobs 2 || true
./build/uprx extract "$corpora/slovenia" --out out/slovenia --jobs 2 || true
./build/uprx eval --uprinfo "$corpora/labels/uprinfo" out/wg-reports \
  --per-report out/eval-per-report.tsv --failures out/eval-failures.tsv
echo "quickstart: JSON in out/wg-reports and out/slovenia; per-report scores in out/eval-per-report.tsv"
