#!/bin/sh
# The comparison page (`uprx compare --format html`) of Slovenia's third and fourth reviews in
# headless Chromium (compare_report.js, puppeteer-core from npm as in edit_report.sh): it opens
# with the committee's answer, its chart cuts no label, each position change shows its own texts
# under a header, headings are words, States are names, each item not raised again shows its
# closest new recommendation; every figure is taken from the JSON comparison. A screenshot is
# kept as an artefact.
#
# Usage: compare_report.sh UPRX_BINARY SOURCE_DIR ARTIFACT_DIR
# Chromium, Node.js/npm or the corpora missing: skipped (exit 77) with a message, failed when
# CI=true.
. "$2/tests/html/puppeteer_env.sh"
need_corpus slovenia/c3 slovenia/c4

work_dir compare
# A review folder holds documents that are not outcome documents (national report, letters);
# uprx names them and exits 1, writing the review all the same. Any other status fails.
for c in c3 c4; do
  "$uprx" run "$corpora/slovenia/$c" -o "$out/SVN-$c.json" --quiet 2>>"$out/uprx.log"
  status=$?
  [ "$status" -le 1 ] && [ -s "$out/SVN-$c.json" ] ||
    { echo "FAIL: uprx run $corpora/slovenia/$c (exit $status)"; cat "$out/uprx.log"; exit 1; }
done
CHROMIUM=$chromium timeout 300 node "$here/compare_report.js" "$uprx" "$out/SVN-c3.json" \
  "$out/SVN-c4.json" "$out" "$artifacts"
