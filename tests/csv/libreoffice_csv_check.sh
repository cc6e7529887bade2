#!/bin/sh
# The spreadsheet-safety check of `--format csv` with a real spreadsheet: LibreOffice Calc
# (Debian 12 package libreoffice-calc-nogui) opens the CSV that uprx writes for a Working Group
# report whose recommendations begin like formulas (tests/data/formula-cells-wg-report.txt),
# converts it to XLSX headless, and openpyxl (python3-openpyxl) reads the cells back:
#   - the default CSV: every Text cell is text (no formula), and the text is there;
#   - the same document with --csv-raw (the control, so the check can fail): the =HYPERLINK
#     cell *is* a formula once LibreOffice evaluates formulas on import.
# LibreOffice is asked to evaluate formulas (CSV filter option 13), the riskiest way a person
# can open the file. Usage: libreoffice_csv_check.sh UPRX SOURCE_DIR. Exit 77 (skip) without
# soffice or openpyxl, unless CI=true.
set -u
uprx=$1
src=$2
skip() {
  echo "SKIP: $1"
  [ "${CI:-}" = "true" ] && exit 1
  exit 77
}
command -v soffice >/dev/null 2>&1 || skip "soffice missing (apt-get install libreoffice-calc-nogui)"
# A Python with Debian's python3-openpyxl (a python3 earlier on PATH may not have it).
python=
for p in python3 /usr/bin/python3; do
  if "$p" -c 'import openpyxl' 2>/dev/null; then python=$p; break; fi
done
[ -n "$python" ] || skip "python3-openpyxl missing"
out=$(mktemp -d "${TMPDIR:-/tmp}/uprx-lo-csv.XXXXXX")
trap 'rm -rf "$out"' EXIT
fixture="$src/tests/data/formula-cells-wg-report.txt"
"$uprx" extract "$fixture" --format csv -o "$out/safe.csv" -q || { echo "FAIL: uprx csv"; exit 1; }
"$uprx" extract "$fixture" --format csv --csv-raw -o "$out/raw.csv" -q || { echo "FAIL: uprx csv-raw"; exit 1; }
# Separator ',', text delimiter '"', UTF-8 (76), from line 1, ..., token 13: evaluate formulas.
filter='CSV Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1,true'
for name in safe raw; do
  HOME="$out" soffice --headless --norestore --infilter="$filter" --convert-to xlsx \
    --outdir "$out" "$out/$name.csv" >"$out/$name.log" 2>&1
  [ -f "$out/$name.xlsx" ] || { echo "FAIL: LibreOffice did not convert $name.csv"; cat "$out/$name.log"; exit 1; }
done
"$python" - "$out/safe.xlsx" "$out/raw.xlsx" <<'PY'
import sys
import openpyxl

def text_cells(path):
    ws = openpyxl.load_workbook(path).active
    header = [c.value for c in ws[1]]
    col = header.index("Text") + 1
    return [ws.cell(row=r, column=col) for r in range(2, ws.max_row + 1)]

failed = False
safe = text_cells(sys.argv[1])
if len(safe) != 5:
    print(f"FAIL: {len(safe)} rows in the safe CSV, want 5"); failed = True
for cell in safe:
    if cell.data_type == "f" or not isinstance(cell.value, str):
        print(f"FAIL: safe CSV: {cell.coordinate} is a formula or not text: {cell.value!r}")
        failed = True
if safe and "HYPERLINK" not in str(safe[0].value):
    print(f"FAIL: safe CSV: the text is lost: {safe[0].value!r}"); failed = True
raw = text_cells(sys.argv[2])
if not raw or raw[0].data_type != "f":
    print("FAIL: control: the raw =HYPERLINK cell is not a formula, so this check proves nothing:",
          repr(raw[0].value if raw else None))
    failed = True
if not failed:
    print(f"OK: all {len(safe)} Text cells are text in the CSV, none a formula "
          f"(first: {safe[0].value!r}); raw, LibreOffice reads {raw[0].value!r} as a formula")
sys.exit(1 if failed else 0)
PY
