#!/usr/bin/env bash
# Benchmark (not a test): classifying the 41,066 UPR Info texts with every compiled-in taxonomy,
# rules alone and with the uprinfo and action models, against a plain regular-expression scan of
# the same texts (grep -E with one alternation of the 54 issue names), in the same run.
# Reports recommendations per second per core, and the ratio of uprx's time to grep's.
# `uprx classify` runs on one thread; the review it reads is Cambodia 2014's extracted review
# with its recommendations replaced by the UPR Info texts (so reading and writing the JSON is
# included in its time; `eval-labels`, which times classification alone, is reported too).
# Usage: tests/bench/classify_benchmark.sh [path/to/uprx]   (default build/uprx)
set -euo pipefail
cd "$(dirname "$0")/../.."
uprx="$(realpath "${1:-build/uprx}")"
corpora="${UPRX_CORPORA:-../shared/corpora}"
labels="$corpora/labels/uprinfo"
[ -d "$labels" ] || { echo "benchmark: no UPR Info labels under $labels" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

now() { date +%s.%N; }
seconds() { local s; s=$(now); "$@" >/dev/null 2>&1; echo "$(now) - $s" | bc -l; }

"$uprx" extract "$corpora/wg-reports/cambodia2014.pdf" -o "$tmp/khm.json" -q
python3 - "$labels" "$tmp/khm.json" "$tmp/all.json" "$tmp/texts.txt" "$tmp/names.txt" <<'PY'
import copy, csv, glob, io, json, sys
labels, khm, out, texts_out, names_out = sys.argv[1:]
texts, names = [], set()
for path in sorted(glob.glob(labels + "/*.csv")):
    if path.endswith("voluntary.csv"):
        continue
    raw = open(path, "rb").read().decode("mac_roman").replace("\r\n", "\n").replace("\r", "\n")
    for row in csv.DictReader(io.StringIO(raw)):
        texts.append(row["Text"].replace("\n", " "))
        names.update(n.strip() for n in row["Issue"].split(",") if n.strip())
doc = json.load(open(khm))
review = doc["reviews"][0]
model = review["recommendations"][0]
recs = []
for i, text in enumerate(texts):
    r = copy.deepcopy(model)
    r["id"], r["number"], r["printed_number"], r["text"] = f"B-{i}", f"1.{i}", f"1.{i}", text
    recs.append(r)
review["recommendations"] = recs
json.dump(doc, open(out, "w"))
open(texts_out, "w").write("\n".join(texts) + "\n")
open(names_out, "w").write("|".join(sorted(names)))
PY
n=$(wc -l < "$tmp/texts.txt")

"$uprx" train --labels "$labels" --taxonomy uprinfo -o "$tmp/uprinfo.model" 2>/dev/null
"$uprx" train --labels "$labels" --taxonomy action -o "$tmp/action.model" 2>/dev/null

base=$(seconds grep -Eic "$(cat "$tmp/names.txt")" "$tmp/texts.txt")
rules=$(seconds "$uprx" classify "$tmp/all.json" -o "$tmp/rules.json")
models=$(seconds "$uprx" classify "$tmp/all.json" -o "$tmp/models.json" \
  --model "$tmp/uprinfo.model" --model "$tmp/action.model")

rate() { echo "$n / $1" | bc -l; }
printf 'texts                                           %d\n' "$n"
printf 'grep -Ei, 54 issue names (baseline)   %7.2f s  %9.0f texts/s\n' "$base" "$(rate "$base")"
for run in "rules:$rules" "models:$models"; do
  name=${run%%:*}; t=${run#*:}
  printf 'uprx classify, all taxonomies, %-6s %7.2f s  %9.0f texts/s/core  time x%.1f\n' \
    "$name" "$t" "$(rate "$t")" "$(echo "$t / $base" | bc -l)"
done
echo "classification alone, one thread (uprx eval-labels --sessions all):"
for tax in uprinfo action; do
  "$uprx" eval-labels --uprinfo "$labels" --taxonomy "$tax" --sessions all \
    --model "$tmp/$tax.model" | grep '^==' | sed "s/^== /  $tax: /"
done
