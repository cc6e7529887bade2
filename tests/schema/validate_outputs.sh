#!/bin/sh
# Every JSON output uprx produces in the test suite validates against the uprx/1 JSON Schema,
# and deliberately broken copies do not (so this test can fail).
#
# Usage: validate_outputs.sh UPRX_BINARY SOURCE_DIR
# The corpora are $UPRX_CORPORA, else ../shared/corpora beside SOURCE_DIR. When they are missing
# the test is skipped (exit 77) with a message, and fails when CI=true.
set -u
uprx=$1
src=$2
corpora=${UPRX_CORPORA:-$src/../shared/corpora}
schema=$src/pipeline/formats/schema/uprx-1.schema.json
validate="python3 $src/tests/schema/validate.py"

if ! python3 -c 'import jsonschema' 2>/dev/null; then
  echo "python3-jsonschema missing (apt-get install python3-jsonschema)"; exit 1
fi
if [ ! -f "$corpora/wg-reports/cambodia2014.pdf" ] || [ ! -d "$corpora/slovenia" ]; then
  if [ "${CI:-}" = true ]; then echo "corpora missing at $corpora"; exit 1; fi
  echo "SKIP: corpora not found at $corpora (set UPRX_CORPORA)"; exit 77
fi

out=$(mktemp -d "${TMPDIR:-/tmp}/uprx-schema.XXXXXX")
trap 'rm -rf "$out"' EXIT
failed=0

# run NAME EXPECTED_EXIT ARGS...: one uprx invocation whose exit status must be EXPECTED_EXIT.
run() {
  name=$1 want=$2; shift 2
  "$uprx" "$@" --quiet 2>"$out/$name.stderr"
  got=$?
  if [ "$got" -ne "$want" ]; then
    echo "FAIL: uprx $* exited $got, expected $want:"; cat "$out/$name.stderr"; failed=1
  fi
}

run khm2014 0 extract "$corpora/wg-reports/cambodia2014.pdf" -o "$out/khm2014.json"
run khm2010 0 extract "$corpora/wg-reports/cambodia2010.pdf" -o "$out/khm2010.json"
"$uprx" extract "$corpora/wg-reports/cambodia2014.pdf" --quiet >"$out/khm2014-stdout.json"
# Slovenia c1-c4: every document of four cycles, one file per review plus errors.json (the
# folder holds unreadable and non-outcome documents, hence exit status 1).
run slovenia 1 run "$corpora/slovenia" --out "$out/slovenia" --jobs 2

# Issue 13: a 2026 draft (documents[].status "draft") and a bare list named by --state/--cycle.
drafts=$corpora/drafts-2026
if [ -d "$drafts" ]; then
  run drafts 0 extract "$drafts/Somalia - Draft report circulated on 12 May 2026_original.docx" \
    "$drafts/Namibia - Draft report circulated on 6 May 2026.docx" --state NAM --cycle 4 \
    -o "$out/drafts.json"
fi

# A bad-input batch: the reviews that could be read and the errors of those that could not.
mkdir -p "$out/bad"
: >"$out/bad/empty.pdf"
printf 'caf\351 au lait\n' >"$out/bad/latin1.txt"
printf '%%PDF-1.4\n1 0 obj\n' >"$out/bad/truncated.pdf"
printf 'PK\003\004garbage garbage' >"$out/bad/report.docx"
run bad 1 extract "$out/bad" "$corpora/wg-reports/cambodia2014.pdf" -o "$out/bad.json"

# The other formats, once the CLI offers them: JSONL lines validate as recommendations.
if "$uprx" extract --help 2>/dev/null | grep -q -- '--format'; then
  run khm2014-jsonl 0 extract "$corpora/wg-reports/cambodia2014.pdf" --format jsonl \
    -o "$out/khm2014.jsonl"
  run svn4-jsonl 0 extract "$corpora/slovenia/c4/g2502644.pdf" "$corpora/slovenia/c4/g2505828.pdf" \
    "$corpora/slovenia/c4/upr48-slovenia-thematic-list-of-recommendatio.docx" --format jsonl \
    -o "$out/svn4.jsonl"
fi

outputs=$(find "$out" -name '*.json' -o -name '*.jsonl' | sort)
[ "$(echo "$outputs" | grep -c slovenia/SVN-c)" -eq 4 ] || {
  echo "FAIL: expected SVN-c1..c4.json in $out/slovenia"; ls "$out/slovenia"; failed=1; }
# shellcheck disable=SC2086  # file names come from mktemp and uprx; no spaces
$validate "$schema" $outputs || failed=1

mkdir -p "$out/broken"
$validate --make-broken "$out/khm2014.json" "$out/broken" &&
  $validate --expect-invalid "$schema" "$out"/broken/* || failed=1

# uprx compare writes uprx.compare/1: two comparisons validate, a copy without "matches" and one
# with a score above 1 do not.
compare_schema=$src/pipeline/formats/schema/uprx-compare-1.schema.json
mkdir -p "$out/compare"
run compare-svn 0 compare "$out/slovenia/SVN-c3.json" "$out/slovenia/SVN-c4.json" -o "$out/compare/svn.json"
run compare-khm 0 compare "$out/khm2010.json" "$out/khm2014.json" -o "$out/compare/khm.json"
python3 - "$compare_schema" "$out/compare/svn.json" "$out/compare/khm.json" <<'PY' || failed=1
import copy, json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema)
ok = True
for path in sys.argv[2:]:
    doc = json.load(open(path))
    errors = [f"{path}/{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in v.iter_errors(doc)]
    print("\n".join(errors) if errors else f"valid: {path}")
    ok &= not errors
    no_matches = copy.deepcopy(doc); no_matches.pop("matches")
    big_score = copy.deepcopy(doc); big_score["method"]["repeat_threshold"] = 2
    for name, broken in (("without matches", no_matches), ("threshold 2", big_score)):
        if v.is_valid(broken):
            print(f"FAIL: {path} {name} validates"); ok = False
sys.exit(0 if ok else 1)
PY

[ "$failed" -eq 0 ] && echo "all outputs validate against $schema"
exit "$failed"
