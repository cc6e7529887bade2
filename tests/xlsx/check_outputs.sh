#!/bin/sh
# Every output format for Cambodia 2014 and Slovenia c4, as `uprx run` writes them: the JSON and
# JSONL validate against the uprx/1 schema; the CSV, IMPACT CSV, XLSX (read with openpyxl) and
# HTML hold the same recommendations and counts as the JSON (check_outputs.py); a copy of a
# workbook with a row removed must fail the check (so the check can fail).
#
# Usage: check_outputs.sh UPRX_BINARY SOURCE_DIR
# Corpora: $UPRX_CORPORA, else ../shared/corpora beside SOURCE_DIR. Missing corpora or
# python3-openpyxl: skipped (exit 77) with a message, failed when CI=true.
set -u
uprx=$1
src=$2
corpora=${UPRX_CORPORA:-$src/../shared/corpora}
here=$src/tests/xlsx

skip() {
  if [ "${CI:-}" = true ]; then echo "FAIL: $1"; exit 1; fi
  echo "SKIP: $1"; exit 77
}
# A Python with Debian's python3-openpyxl and python3-jsonschema (a python3 earlier on PATH, such
# as a pyenv one, may lack them).
python=
for p in python3 /usr/bin/python3; do
  if "$p" -c 'import openpyxl, jsonschema' 2>/dev/null; then python=$p; break; fi
done
[ -n "$python" ] ||
  skip "python3-openpyxl or python3-jsonschema missing (apt-get install python3-openpyxl python3-jsonschema)"
[ -f "$corpora/wg-reports/cambodia2014.pdf" ] && [ -d "$corpora/slovenia/c4" ] ||
  skip "corpora not found at $corpora (set UPRX_CORPORA)"

out=$(mktemp -d "${TMPDIR:-/tmp}/uprx-outputs.XXXXXX")
trap 'rm -rf "$out"' EXIT
failed=0

# outputs NAME INPUT: every format of one review into $out/NAME/<format>/.
outputs() {
  for format in json jsonl csv xlsx html impact-csv; do
    "$uprx" run "$2" --format "$format" --out "$out/$1/$format" --quiet --jobs 2 \
      2>"$out/$1-$format.stderr" || {
      echo "FAIL: uprx run $2 --format $format exited $?:"; cat "$out/$1-$format.stderr"; failed=1; }
  done
}

# check NAME ISO3-CYCLE FIGURES...: the files exist under their names and agree.
check() {
  name=$1 base=$2; shift 2
  d=$out/$name
  for f in json/$base.json jsonl/$base.jsonl csv/$base.csv xlsx/$base.xlsx html/$base.html \
           impact-csv/$base.impact.csv; do
    [ -s "$d/$f" ] || { echo "FAIL: $name: $f missing"; ls -R "$d"; failed=1; return; }
  done
  "$python" "$src/tests/schema/validate.py" "$src/pipeline/formats/schema/uprx-1.schema.json" \
    "$d/json/$base.json" "$d/jsonl/$base.jsonl" || failed=1
  "$python" "$here/check_outputs.py" "$d/json/$base.json" "$d/csv/$base.csv" \
    "$d/impact-csv/$base.impact.csv" "$d/xlsx/$base.xlsx" "$d/html/$base.html" "$@" || failed=1
}

outputs khm2014 "$corpora/wg-reports/cambodia2014.pdf"
outputs svn-c4 "$corpora/slovenia/c4"
# Cambodia 2014: 205 recommendations, 171 supported and 34 pending at the WG stage (A/HRC/26/16;
# its addendum is not in the corpus).
check khm2014 KHM-c2 205 171 0
# Slovenia c4: 254 recommendations, 217 supported and 37 noted (the addendum's declared totals).
check svn-c4 SVN-c4 254 217 37

# The check can fail: the same workbook with one recommendation row deleted.
"$python" - "$out/khm2014/xlsx/KHM-c2.xlsx" "$out/broken.xlsx" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
wb["Recommendations"].delete_rows(5)
wb.save(sys.argv[2])
EOF
d=$out/khm2014
if "$python" "$here/check_outputs.py" "$d/json/KHM-c2.json" "$d/csv/KHM-c2.csv" \
     "$d/impact-csv/KHM-c2.impact.csv" "$out/broken.xlsx" "$d/html/KHM-c2.html" 205 >/dev/null; then
  echo "FAIL: a workbook with a row removed passed the check"; failed=1
fi

[ "$failed" -eq 0 ] && echo "every format agrees for Cambodia 2014 and Slovenia c4"
exit "$failed"
