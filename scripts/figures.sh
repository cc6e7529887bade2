#!/usr/bin/env bash
# Writes the figures tables of README.md (rows shown "readme") and docs/figures.md (every row)
# from corpora/figures.tsv, between the markers <!-- figures:begin --> and <!-- figures:end -->.
#   bash scripts/figures.sh           rewrite both tables
#   bash scripts/figures.sh --check   exit 1, with a diff, when a table is out of date
# Either way the file is checked first: 8 fields a row, unique ids, bars and floors written
# "OP VALUE" (>=, <=, =) or "-", every measured value within its floor, and every floor read by
# a corpus test (tests/corpus/*.cc names its id), so that no floor is checked by nobody.
set -euo pipefail
cd "$(dirname "$0")/.."
tsv=corpora/figures.tsv
mode=${1:-write}
case "$mode" in write | --check) ;; *)
  echo "usage: scripts/figures.sh [--check]" >&2
  exit 2
  ;;
esac

# Shared awk: holds(value, "OP X") says whether a measured value satisfies a bar or floor.
lib='
function trim(s) { sub(/^ +/, "", s); sub(/ +$/, "", s); return s }
function numeric(s) { return s ~ /^-?[0-9]+(\.[0-9]+)?$/ }
function op(b) { split(b, p, " "); return p[1] }
function operand(b) { return trim(substr(b, length(op(b)) + 2)) }
function wellformed(b) {
  return b == "-" || ((op(b) == ">=" || op(b) == "<=" || op(b) == "=") && operand(b) != "")
}
function holds(m, b,    o, x) {
  o = op(b); x = operand(b)
  if (o == "=") return numeric(m) && numeric(x) ? m + 0 == x + 0 : m == x
  if (!numeric(m) || !numeric(x)) return 0
  return o == ">=" ? m + 0 >= x + 0 : m + 0 <= x + 0
}
function shown_bar(b) {
  if (b == "-") return "—"
  sub(/^>= /, "≥ ", b); sub(/^<= /, "≤ ", b); return b
}
function met(m, b) { return b == "-" ? "no bar" : holds(m, b) ? "met" : "**not met**" }
# A "|" inside a table cell, even in a code span, ends the cell unless escaped.
function cell(s) { gsub(/\|/, "\\|", s); return s }
'

# The file's rows as id<TAB>...; fails with file:line: why.
rows=$(awk -F'\t' "$lib"'
  /^#/ || /^$/ { next }
  $1 == "id" { next }
  {
    where = FILENAME ":" FNR ": "
    if (NF != 8) { print where NF " fields, want 8" > "/dev/stderr"; bad = 1; next }
    if ($1 in seen) { print where "duplicate id " $1 > "/dev/stderr"; bad = 1 }
    seen[$1] = 1
    if (!wellformed($3)) { print where "bar \"" $3 "\" is not \"OP VALUE\" or \"-\"" > "/dev/stderr"; bad = 1 }
    if (!wellformed($5)) { print where "floor \"" $5 "\" is not \"OP VALUE\" or \"-\"" > "/dev/stderr"; bad = 1 }
    if ($5 != "-" && !holds($4, $5)) {
      print where $1 ": measured " $4 " is not within its floor " $5 > "/dev/stderr"; bad = 1
    }
    if ($7 != "readme" && $7 != "docs") { print where "shown must be readme or docs" > "/dev/stderr"; bad = 1 }
    print
  }
  END { exit bad }' "$tsv")

# Every floor is read by a test.
unread=0
while IFS=$'\t' read -r id _ _ _ floor _; do
  [ "$floor" = "-" ] && continue
  if ! grep -qF "\"$id\"" tests/corpus/*.cc; then
    echo "$tsv: the floor of $id is read by no test in tests/corpus/" >&2
    unread=1
  fi
done <<<"$rows"
[ "$unread" = 0 ] || exit 1

readme_table() {
  echo "| figure | bar | measured | met? |"
  echo "|---|---|---|---|"
  awk -F'\t' "$lib"'$7 == "readme" {
    printf "| %s | %s | %s | %s |\n", cell($2), shown_bar($3), $4, met($4, $3) }' <<<"$rows"
}

full_table() {
  echo "| id | figure | bar | measured | met? | test floor | issue | command |"
  echo "|---|---|---|---|---|---|---|---|"
  awk -F'\t' "$lib"'{
    printf "| `%s` | %s | %s | %s | %s | %s | %s | `%s` |\n",
      $1, cell($2), shown_bar($3), $4, met($4, $3), shown_bar($5), $6 == "-" ? "—" : "#" $6, cell($8) }' <<<"$rows"
}

# Prints FILE with the lines between the markers replaced by the table on stdin.
splice() {
  awk -v table="$(cat)" '
    /<!-- figures:begin/ { print; print table; skip = 1; found++; next }
    /<!-- figures:end/ { skip = 0 }
    !skip { print }
    END { if (found != 1) { print FILENAME ": want one <!-- figures:begin --> marker" > "/dev/stderr"; exit 1 } }
  ' "$1"
}

status=0
for target in README.md docs/figures.md; do
  if [ "$target" = README.md ]; then new=$(readme_table | splice "$target"); else new=$(full_table | splice "$target"); fi
  if [ "$mode" = --check ]; then
    if ! diff -u "$target" <(printf '%s\n' "$new") >&2; then
      echo "$target: figures table out of date with $tsv; run bash scripts/figures.sh" >&2
      status=1
    fi
  else
    printf '%s\n' "$new" >"$target"
  fi
done
exit "$status"
