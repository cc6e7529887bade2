#!/bin/sh
# How far two careful readers agree on the judged pairs of `uprx compare`: the first blind
# reading (corpora/compare_gold_first.tsv) against the second (corpora/compare_gold_second.tsv)
# on the pairs both hold. Prints the 3x3 table, three-way agreement, Cohen's kappa, agreement on
# linked (same or partial) vs different, and the figures one reader gets when the other's labels
# are the truth, counted as `uprx eval --compare-gold` counts them: a claimed repeat is right when
# judged same or partial, recall is over the pairs judged same. This is the ceiling a matcher can
# be held to on these pairs.
# Usage: scripts/compare-agreement.sh [FIRST.tsv SECOND.tsv]
set -eu
cd "$(dirname "$0")/.."
first=${1:-corpora/compare_gold_first.tsv}
second=${2:-corpora/compare_gold_second.tsv}
PYTHONPATH=scripts python3 - "$first" "$second" <<'PY'
import sys

from compare_readings import read

readings = [read(p) for p in sys.argv[1:3]]
a, b = ({k: row[0] for k, row in r.items()} for r in readings)
whole = {k for k, row in readings[0].items() if row[2] == "rec"}
both = [k for k in a if k in b]
labels = ["same", "partial", "different"]
table = {(x, y): 0 for x in labels for y in labels}
for k in both:
    table[(a[k], b[k])] += 1
n = len(both)
print(f"{n} pairs judged twice ({sys.argv[1]} rows, {sys.argv[2]} columns)")
print("%-10s" % "" + "".join("%10s" % y for y in labels))
for x in labels:
    print("%-10s" % x + "".join("%10d" % table[(x, y)] for y in labels))
agree = sum(table[(x, x)] for x in labels)
expected = sum(sum(table[(x, y)] for y in labels) * sum(table[(y, x)] for y in labels)
               for x in labels) / (n * n)
linked = sum(v for (x, y), v in table.items() if (x == "different") == (y == "different"))
print(f"three-way agreement {agree / n:.3f}, Cohen's kappa {(agree / n - expected) / (1 - expected):.3f}, "
      f"linked vs different {linked / n:.3f}")
for truth, reader, name in ((a, b, "second"), (b, a, "first")):
    claimed = [k for k in both if reader[k] == "same"]
    right = sum(truth[k] != "different" for k in claimed)
    same = [k for k in both if truth[k] == "same"]
    found = sum(reader[k] == "same" for k in same)
    print(f"the {name} reader scored on the other's labels: repeats P {right / len(claimed):.3f} "
          f"R {found / len(same):.3f} ({right}/{len(claimed)}, {found}/{len(same)})")
# New recommendations: "repeated" when a judged pair is same (strict), linked when same or
# partial (loose); "clear" keeps those one reader settles (a same, or all different) and asks
# whether the other reader calls them repeated alike. Only new recommendations judged against
# every old one they might repeat count (a pair of scope "rec" in the first reading).
recs = {}
for k in both:
    recs.setdefault(k[1], []).append(k)
recs = {new: ks for new, ks in recs.items() if any(k in whole for k in ks)}
def repeated(labels, ks): return any(labels[k] == "same" for k in ks)
def linked(labels, ks): return any(labels[k] != "different" for k in ks)
strict = sum(repeated(a, ks) == repeated(b, ks) for ks in recs.values())
loose = sum(linked(a, ks) == linked(b, ks) for ks in recs.values())
clear = [ks for ks in recs.values() if repeated(a, ks) or not linked(a, ks)]
clear_right = sum(repeated(a, ks) == repeated(b, ks) for ks in clear)
print(f"{len(recs)} new recommendations: repeated or not alike {strict / len(recs):.3f} (strict), "
      f"linked or not alike {loose / len(recs):.3f} (loose); the second reader on the first's "
      f"clear ones {clear_right / len(clear):.3f} ({clear_right}/{len(clear)})")
PY
