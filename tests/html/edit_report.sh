#!/bin/sh
# The HTML report's edit mode in headless Chromium (edit_report.js, puppeteer-core from npm,
# pinned in package.json and package-lock.json here): two recommendations of Cambodia 2014
# corrected, kept across a reload, exported as the overrides CSV, and carried by the next
# `uprx run --overrides`. A screenshot of the report in edit mode is kept as an artefact.
#
# Usage: edit_report.sh UPRX_BINARY SOURCE_DIR ARTIFACT_DIR
# puppeteer-core is installed here (npm ci, node_modules/ is ignored by git) when missing; the
# browser is Debian's chromium, never a download. Chromium, Node.js/npm or the corpora missing:
# skipped (exit 77) with a message, failed when CI=true.
. "$2/tests/html/puppeteer_env.sh"
need_corpus wg-reports/cambodia2014.pdf

work_dir edit
CHROMIUM=$chromium timeout 300 node "$here/edit_report.js" "$uprx" \
  "$corpora/wg-reports/cambodia2014.pdf" "$out" "$artifacts"
