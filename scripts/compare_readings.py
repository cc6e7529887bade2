"""One reading of the judged pairs of `uprx compare` (corpora/compare_gold*.tsv): the reader
both scripts/compare-agreement.sh and scripts/compare-adjudicate.sh use."""
import sys

LABELS = ("same", "partial", "different")


def read(path):
    """{(old_id, new_id): (label, reason, scope)} in file order, scope "rec" when the file has no
    fifth column (see compare_gold_first.tsv); exits naming path:line on a bad row."""
    rows = {}
    columns = 4
    for number, line in enumerate(open(path, encoding="utf-8"), 1):
        if line.startswith("old_id\t"):
            columns = len(line.rstrip("\n").split("\t"))
            continue
        if line.startswith("#") or not line.strip():
            continue
        cells = line.rstrip("\n").split("\t")
        if len(cells) != columns or cells[2] not in LABELS or cells[4:] not in ([], ["rec"], ["pair"]):
            sys.exit(f"{path}:{number}: expected old_id, new_id, a label of {LABELS}, a reason"
                     + (" and a scope (rec or pair)" if columns == 5 else ""))
        if (cells[0], cells[1]) in rows:
            sys.exit(f"{path}:{number}: pair given twice")
        rows[(cells[0], cells[1])] = (cells[2], cells[3], cells[4] if columns == 5 else "rec")
    return rows
