#!/bin/sh
# The IMPACT OSS import file as IMPACT's client reads it: Cambodia 2010 and 2014 written with
# `uprx run --format impact-csv` into one file, parsed by papaparse (the client's pinned version,
# tests/impact/package.json, installed with npm into the build directory), every column an
# importable field, support_level as the JSON's positions, references unique over both cycles,
# no malformed row, every recommending State linked to a seeded category. A damaged copy must
# fail, so the check can fail.
#
# Usage: check_impact.sh UPRX_BINARY SOURCE_DIR BUILD_DIR
# The corpora missing: skipped (exit 77), failed when CI=true. node, npm or papaparse missing
# (npm cannot reach its registry): failed.
set -u
uprx=$1
src=$2
build=$3
corpora=${UPRX_CORPORA:-$src/../shared/corpora}
here=$src/tests/impact

if [ ! -f "$corpora/wg-reports/cambodia2014.pdf" ] || [ ! -f "$corpora/wg-reports/cambodia2010.pdf" ]; then
  if [ "${CI:-}" = true ]; then echo "FAIL: corpora not found at $corpora"; exit 1; fi
  echo "SKIP: corpora not found at $corpora (set UPRX_CORPORA)"; exit 77
fi
command -v node >/dev/null && command -v npm >/dev/null || { echo "FAIL: node and npm needed"; exit 1; }

npmdir=$build/impact-npm
if ! cmp -s "$here/package.json" "$npmdir/package.json" || [ ! -d "$npmdir/node_modules/papaparse" ]; then
  mkdir -p "$npmdir" && cp "$here/package.json" "$npmdir/package.json" &&
    (cd "$npmdir" && npm install --no-audit --no-fund --silent) ||
    { echo "FAIL: npm could not install papaparse"; exit 1; }
fi

out=$(mktemp -d "${TMPDIR:-/tmp}/uprx-impact.XXXXXX")
trap 'rm -rf "$out"' EXIT
inputs="$corpora/wg-reports/cambodia2010.pdf $corpora/wg-reports/cambodia2014.pdf"
"$uprx" run $inputs --quiet -o "$out/khm.json" || { echo "FAIL: uprx run (json)"; exit 1; }
"$uprx" run $inputs --quiet --format impact-csv -o "$out/khm.csv" ||
  { echo "FAIL: uprx run (impact-csv)"; exit 1; }

failed=0
node "$here/check_impact.js" "$npmdir" "$out/khm.csv" "$out/khm.json" "$here/seeded_states.txt" \
  >"$out/report.txt" 2>&1 || failed=1
cat "$out/report.txt"
# The figures of the documents: 91 + 205 recommendations; 171 supported at the WG stage of 2014
# and 34 pending (A/HRC/26/16); all 91 of 2010 pending at the WG stage (A/HRC/13/4).
grep -q ": 296 rows, 296 unique references" "$out/report.txt" || { echo "FAIL: not 296 rows"; failed=1; }
level2=$(grep -o '"2":[0-9]*' "$out/report.txt" | cut -d: -f2)
pending=$(grep -o '"":[0-9]*' "$out/report.txt" | cut -d: -f2)
[ "${level2:-0}" -eq 171 ] && [ "${pending:-0}" -eq 125 ] ||
  { echo "FAIL: support_level 2 x${level2:-0}, empty x${pending:-0}"; failed=1; }

# A copy with one unbalanced quote and one short row must be refused.
{ head -n 3 "$out/khm.csv"; printf 'KHM-c9-1.1,"broken\r\nKHM-c9-1.2,short\r\n'; } > "$out/bad.csv"
node "$here/check_impact.js" "$npmdir" "$out/bad.csv" "$out/khm.json" >"$out/bad.txt" 2>&1
grep -q "FAIL: papaparse reports" "$out/bad.txt" ||
  { echo "FAIL: papaparse did not refuse a malformed file"; cat "$out/bad.txt"; failed=1; }
[ $failed -eq 0 ] && echo "ok: IMPACT import file"
exit $failed
