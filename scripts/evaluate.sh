#!/usr/bin/env bash
# For researchers: how well uprx reads and labels the real documents, against the labels others
# made. Needs the corpus at ../shared/corpora (or $UPRX_CORPORA). Builds `uprx` alone, then
#  - extraction: the 212 Working Group reports against the UPR Info export (pairs of
#    recommendation x recommending State; per report in out/eval/per-report.tsv, every unmatched
#    pair in out/eval/failures.tsv);
#  - labels: UPR Info issues and the action category (rules alone, WG sessions 17-20), and UHRI
#    themes, affected persons and SDGs against OHCHR's six thematic lists.
# The figures and what they mean are in the README's Figures and Classification sections.
set -euo pipefail
cd "$(dirname "$0")/.."
corpora="${UPRX_CORPORA:-../shared/corpora}"
if [ ! -f "$corpora/wg-reports.tsv" ]; then
  echo "evaluate: no corpus at $corpora (set UPRX_CORPORA); see docs/getting-documents.md" >&2
  exit 1
fi
scripts/setup.sh --uprx-only
uprx=./build/uprx
out=out/eval
mkdir -p "$out/th"

echo "== Extraction: 212 Working Group reports against UPR Info"
$uprx extract "$corpora/wg-reports" --out "$out/wg-reports" --jobs 2 -q
$uprx eval --uprinfo "$corpora/labels/uprinfo" "$out/wg-reports" \
  --per-report "$out/per-report.tsv" --failures "$out/failures.tsv"

echo "== Labels: UPR Info issues and action category (rules; WG sessions 17-20)"
$uprx eval-labels --uprinfo "$corpora/labels/uprinfo" --taxonomy uprinfo
$uprx eval-labels --uprinfo "$corpora/labels/uprinfo" --taxonomy action

echo "== Labels: UHRI themes, affected persons, SDGs against OHCHR's thematic lists"
# Slovenia's folders hold a broken PDF on purpose (c1/g0917123.pdf): uprx names it and exits 1.
$uprx run "$corpora/slovenia" --out "$out/th/svn" -q || true
$uprx run "$corpora/matrices/Matrix_recommendations_2013.docx" -o "$out/th/chn2.json" -q
$uprx run "$corpora/matrices/Matrix_recommendations_2018.docx" -o "$out/th/chn3.json" -q
$uprx run "$corpora/matrices/EgyptMatriceRecommendations.docx" -o "$out/th/egy2.json" -q
$uprx eval-labels --thematic "$out/th/svn/SVN-c2.json" "$out/th/svn/SVN-c3.json" \
  "$out/th/svn/SVN-c4.json" "$out/th/chn2.json" "$out/th/chn3.json" "$out/th/egy2.json" --worst 8
