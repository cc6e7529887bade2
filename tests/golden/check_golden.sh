#!/bin/sh
# Golden files: the whole uprx/1 JSON of short fixtures written for the project, compared byte
# for byte with tests/golden/expected/. A change to any output shows here as a diff to review.
# Usage: check_golden.sh UPRX SOURCE_DIR [--refresh]   (scripts/refresh-golden.sh refreshes)
set -u
uprx=$1
here=$2/tests/golden
refresh=${3:-}
cd "$here" || exit 1
failed=0
# name|command (run in tests/golden, so the file names in the JSON are relative)
cases='wg_report_short.extract.json|extract fixtures/wg_report_short.txt
review_short.extract.json|extract fixtures/wg_report_short.txt fixtures/addendum_short.txt
review_short.run.json|run fixtures/wg_report_short.txt fixtures/addendum_short.txt'
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
echo "$cases" | while IFS='|' read -r name args; do
  # shellcheck disable=SC2086
  if ! "$uprx" $args -q -o "$tmp/$name"; then
    echo "golden: uprx $args failed" >&2
    echo 1 >"$tmp/failed"
    continue
  fi
  if [ "$refresh" = "--refresh" ]; then
    cp "$tmp/$name" "expected/$name"
    echo "golden: refreshed expected/$name"
  elif ! cmp -s "$tmp/$name" "expected/$name"; then
    echo "golden: expected/$name differs from uprx $args:" >&2
    diff -u "expected/$name" "$tmp/$name" | head -40 >&2
    echo 1 >"$tmp/failed"
  fi
done
[ -f "$tmp/failed" ] && failed=1
[ $failed -eq 0 ] && [ "$refresh" != "--refresh" ] && echo "golden: 3 outputs as expected"
exit $failed
