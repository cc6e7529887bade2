#!/bin/sh
# Writes the judged pairs `uprx eval --compare-gold` reads (corpora/compare_gold.tsv) from the
# blind readings of every pair: the first (corpora/compare_gold_first.tsv) and the second
# (corpora/compare_gold_second.tsv) reader judged all of them; a third reader
# (corpora/compare_gold_third.tsv) judged, blind, each pair the first two labelled differently.
# A pair's label is the one two readers gave; when all three differ it is `partial` (the labels
# are ordered same > partial > different, and partial is the middle). The reason is that of the
# first reader who gave the label. The header comment of the output says how it was made.
# Fails, naming the pair, when a pair the first two split has no third reading, or when the two
# full readings do not hold the same pairs.
# Usage: scripts/compare-adjudicate.sh [OUT.tsv]       (default corpora/compare_gold.tsv)
set -eu
cd "$(dirname "$0")/.."
out=${1:-corpora/compare_gold.tsv}
PYTHONPATH=scripts python3 - corpora/compare_gold_first.tsv corpora/compare_gold_second.tsv \
  corpora/compare_gold_third.tsv "$out" <<'PY'
import sys

from compare_readings import LABELS, read

first, second, third = (read(p) for p in sys.argv[1:4])
if set(first) != set(second):
    missing = sorted(set(first) ^ set(second))[0]
    sys.exit(f"{sys.argv[1]} and {sys.argv[2]} do not hold the same pairs: {' '.join(missing)}")
counts = {"agreed": 0, "two of three": 0, "split three ways": 0}
with open(sys.argv[4], "w", encoding="utf-8") as out:
    out.write("# The judged pairs `uprx eval --compare-gold` reads: recommendations of two reviews of one\n"
              "# State, judged by reading both texts under ../shared/design/COMPARE.md (ids as `uprx run`\n"
              "# writes them). Written by scripts/compare-adjudicate.sh; do not edit by hand. Each pair\n"
              "# was judged blind by two readers (compare_gold_first.tsv, which says how the pairs were\n"
              "# chosen, and compare_gold_second.tsv); the pairs they labelled differently by a third\n"
              "# (compare_gold_third.tsv). The label is the one two readers gave (partial when all three\n"
              "# differ), the reason that reader's. Labels: same (a repeat), partial (part of the same\n"
              "# ask), different. Scope (from the first reading): rec when the new recommendation was\n"
              "# judged against every old one it might repeat, pair for a pair sampled on its own.\n")
    out.write("old_id\tnew_id\tlabel\treason\tscope\n")
    for key, (label, reason, scope) in first.items():  # the first reading's order
        readings = [(label, reason), second[key][:2]]
        if readings[0][0] == readings[1][0]:
            counts["agreed"] += 1
            chosen = readings[0]
        else:
            if key not in third:
                sys.exit(f"{sys.argv[3]}: no third reading of {key[0]} {key[1]}, "
                         f"which the first two label {readings[0][0]} and {readings[1][0]}")
            readings.append(third[key][:2])
            votes = [r[0] for r in readings]
            winner = next((l for l in LABELS if votes.count(l) >= 2), None)
            if winner is None:
                counts["split three ways"] += 1
                chosen = ("partial", "readers split three ways; " + reason)
            else:
                counts["two of three"] += 1
                chosen = next(r for r in readings if r[0] == winner)
        out.write(f"{key[0]}\t{key[1]}\t{chosen[0]}\t{chosen[1]}\t{scope}\n")
print(f"{sys.argv[4]}: {len(first)} pairs; " + ", ".join(f"{v} {k}" for k, v in counts.items()))
PY
