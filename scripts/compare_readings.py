"""One reading of the judged pairs of `uprx compare` (corpora/compare_gold*.tsv): the reader
both scripts/compare-agreement.sh and scripts/compare-adjudicate.sh use."""
import sys

LABELS = ("same", "partial", "different")


def read(path):
    """{(old_id, new_id): (label, reason)} in file order; exits naming path:line on a bad row."""
    rows = {}
    for number, line in enumerate(open(path, encoding="utf-8"), 1):
        if line.startswith("#") or line.startswith("old_id\t") or not line.strip():
            continue
        cells = line.rstrip("\n").split("\t")
        if len(cells) != 4 or cells[2] not in LABELS:
            sys.exit(f"{path}:{number}: expected old_id, new_id, a label of {LABELS} and a reason")
        if (cells[0], cells[1]) in rows:
            sys.exit(f"{path}:{number}: pair given twice")
        rows[(cells[0], cells[1])] = (cells[2], cells[3])
    return rows
