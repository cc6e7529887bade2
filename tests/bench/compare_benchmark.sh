#!/usr/bin/env bash
# Benchmark (not a test): `uprx compare` of two reviews of 250 recommendations each on one core
# (taskset -c 0 when available), the issue-14 budget being 1 s. The reviews are Slovenia's
# cycle 3 and cycle 4 (uprx run), each cut or topped up to 250 recommendations from the other
# cycles, so every one of the 62,500 pairs is a real pair of UPR texts. Reports the best of three
# runs of the whole command (reading both files, scoring every pair, writing the JSON) in CPU
# seconds, and the time per pair.
# Usage: tests/bench/compare_benchmark.sh [path/to/uprx]   (default build/uprx)
set -euo pipefail
cd "$(dirname "$0")/../.."
uprx="$(realpath "${1:-build/uprx}")"
corpora="${UPRX_CORPORA:-../shared/corpora}"
[ -d "$corpora/slovenia" ] || { echo "benchmark: no Slovenia documents under $corpora" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$uprx" run "$corpora/slovenia" --out "$tmp/svn" -q -j 2 2>/dev/null || true
python3 - "$tmp/svn" "$tmp" <<'PY'
import copy, json, sys
svn, out = sys.argv[1:]
cycles = {c: json.load(open(f"{svn}/SVN-c{c}.json")) for c in (1, 2, 3, 4)}
def sized(cycle, extra):
    doc = copy.deepcopy(cycles[cycle])
    recs = doc["reviews"][0]["recommendations"]
    spare = [r for c in extra for r in cycles[c]["reviews"][0]["recommendations"]]
    for i, r in enumerate(spare[: max(0, 250 - len(recs))]):
        r = copy.deepcopy(r)
        r["id"] = f"SVN-c{cycle}-900.{i + 1}"
        r["number"] = r["printed_number"] = f"900.{i + 1}"
        recs.append(r)
    del recs[250:]
    return doc
json.dump(sized(3, (2, 1)), open(f"{out}/old.json", "w"))
json.dump(sized(4, (1, 2)), open(f"{out}/new.json", "w"))
PY
pin=(); command -v taskset >/dev/null && pin=(taskset -c 0)
best=""; best_wall=""
for run in 1 2 3; do
  # CPU time (user + system) is what the budget is about; wall time also counts waiting for a
  # busy machine, so both are reported.
  /usr/bin/time -f "%e %U %S" -o "$tmp/time" "${pin[@]}" "$uprx" compare "$tmp/old.json" \
      "$tmp/new.json" -o "$tmp/out.json"
  read -r wall user sys < "$tmp/time"
  cpu=$(echo "$user + $sys" | bc -l)
  if [ -z "$best" ] || [ "$(echo "$cpu < $best" | bc -l)" = 1 ]; then best=$cpu; best_wall=$wall; fi
done
pairs=$((250 * 250))
printf 'compare 250 x 250 recommendations (%d pairs) on one core: %.2f s CPU (%.2f s wall), budget 1 s; %.2f us per pair\n' \
  "$pairs" "$best" "$best_wall" "$(echo "$best * 1000000 / $pairs" | bc -l)"
