#!/usr/bin/env bash
# Benchmark (not a test): uprx extract over the 212 Working Group reports against reading the
# same PDFs with pdftotext, in the same run. Reports wall time and peak memory as ratios to the
# pdftotext baseline, and uprx's peak memory over 50, 100 and 212 documents (it should stay
# flat: pages of finished documents are not kept).
# Usage: tests/bench/extract_benchmark.sh [path/to/uprx]   (default build/uprx)
set -euo pipefail
cd "$(dirname "$0")/../.."
uprx="${1:-build/uprx}"
corpora="${UPRX_CORPORA:-../shared/corpora}"
mapfile -t pdfs < <(ls "$corpora"/wg-reports/*.pdf | sort)
[ ${#pdfs[@]} -gt 0 ] || { echo "benchmark: no PDFs under $corpora/wg-reports" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

now() { date +%s.%N; }
# Peak resident memory (KiB) and wall seconds of one command, via GNU time.
measure() { /usr/bin/time -f "%M %e" -o "$tmp/m" "$@" >/dev/null 2>&1 || true; cat "$tmp/m"; }

# Baseline: pdftotext (raw order, what uprx's reader asks poppler for) over every file.
start=$(now); base_peak=0
for f in "${pdfs[@]}"; do
  read -r kib _ < <(measure pdftotext -raw "$f" "$tmp/out.txt")
  (( kib > base_peak )) && base_peak=$kib
done
base_time=$(echo "$(now) - $start" | bc -l)

read -r uprx_peak uprx_time < <(measure "$uprx" extract "${pdfs[@]}" -o "$tmp/all.json" -j 1 -q)
read -r uprx2_peak uprx2_time < <(measure "$uprx" extract "${pdfs[@]}" -o "$tmp/all2.json" -j 2 -q)

printf 'documents                      %d\n' "${#pdfs[@]}"
printf 'pdftotext -raw (baseline)      %7.2f s   peak %6d KiB\n' "$base_time" "$base_peak"
printf 'uprx extract --jobs 1          %7.2f s   peak %6d KiB   time x%.2f  memory x%.2f\n' \
  "$uprx_time" "$uprx_peak" "$(echo "$uprx_time / $base_time" | bc -l)" \
  "$(echo "$uprx_peak / $base_peak" | bc -l)"
printf 'uprx extract --jobs 2          %7.2f s   peak %6d KiB   time x%.2f  memory x%.2f\n' \
  "$uprx2_time" "$uprx2_peak" "$(echo "$uprx2_time / $base_time" | bc -l)" \
  "$(echo "$uprx2_peak / $base_peak" | bc -l)"
for n in 50 100 "${#pdfs[@]}"; do
  read -r kib _ < <(measure "$uprx" extract "${pdfs[@]:0:$n}" -o "$tmp/n.json" -j 1 -q)
  printf 'peak memory over %3d documents %6d KiB\n' "$n" "$kib"
done
