#!/usr/bin/env python3
"""Checks uprx's flat and human-facing outputs of one review against its JSON output.

Usage: check_outputs.py JSON CSV IMPACT_CSV XLSX HTML RECOMMENDATIONS [SUPPORTED NOTED]

JSON is `uprx run --format json` of the review; the other files are the same run in the other
formats. RECOMMENDATIONS (and SUPPORTED, NOTED when given) are the figures the documents state,
passed in by the caller: they come from DOMAIN.md, not from any output. Every count the XLSX
shows is recomputed here from the JSON, so a writer that drops, duplicates or miscounts
recommendations fails. The XLSX is read with openpyxl (python3-openpyxl).

Prints one line per failed check and exits 1 when any failed, 0 otherwise, 2 on usage errors.
"""
import collections
import csv
import json
import sys

try:
    import openpyxl
except ImportError:
    print("check_outputs.py: python3-openpyxl is not installed", file=sys.stderr)
    sys.exit(2)

NOT_CLASSIFIED = "not classified"
NO_THEME = "no theme"
NO_LEAD = "No lead institution"
NO_INSTITUTION_ID = "NONE"  # the ministry stage's explicit "no clear institution" lead
POSITIONS = ["supported", "noted", "supported_in_part", "pending", "unknown"]
# What people read for each position value and stage (written here, not taken from a workbook).
POSITION_WORDS = {"supported": "supported", "noted": "noted",
                  "supported_in_part": "supported in part", "pending": "pending",
                  "unknown": "unknown"}
STAGE_WORDS = {"working_group": "Working Group report", "addendum": "addendum",
               "thematic_list": "thematic list"}
PLAN_HEADERS = ["Planned action", "Indicator", "Status"]

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def lead_of(rec):
    labels = rec.get("labels") or {}
    for m in labels.get("ministries") or []:
        if m["role"] == "lead" and m["id"] != NO_INSTITUTION_ID:
            return m["name"]
    return NO_LEAD


def themes_of(rec):
    labels = rec.get("labels") or {}
    themes = labels.get("themes")
    if themes is None:
        return [NOT_CLASSIFIED]
    return [t["name"] for t in themes] or [NO_THEME]


def expected_from_json(recs):
    """Every count the overview shows, from the JSON."""
    positions = collections.Counter(r["position"]["value"] for r in recs)
    themes = collections.Counter(t for r in recs for t in themes_of(r))
    leads = collections.Counter(lead_of(r) for r in recs)
    groups = collections.Counter(s["regional_group"] or "unknown"
                                 for r in recs for s in r["recommending_states"])
    return positions, themes, leads, groups


def overview_tables(ws):
    """{title: [row values...]} for every titled table of the overview sheet."""
    tables, rows = {}, list(ws.iter_rows(values_only=True))
    i = 0
    while i < len(rows):
        first = rows[i][0] if rows[i] else None
        if first and i + 1 < len(rows) and rows[i + 1] and rows[i + 1][0] and \
                isinstance(first, str) and first.startswith(("Recommendations by", "Rows by")):
            body, j = [], i + 2
            while j < len(rows) and rows[j] and rows[j][0] is not None:
                body.append(rows[j])
                j += 1
            tables[first] = body
            i = j
        else:
            i += 1
    return tables


def check_overview(wb, recs):
    positions, themes, leads, groups = expected_from_json(recs)
    tables = overview_tables(wb["Overview"])
    got = {row[0]: row[1] for row in tables.get("Recommendations by position", [])}
    check(got == {POSITION_WORDS[p]: positions.get(p, 0) for p in POSITIONS},
          f"overview positions {got} != JSON {dict(positions)}")
    got = {row[0]: row[1] for row in tables.get("Recommendations by theme", [])}
    check(got == dict(themes), f"overview themes differ from JSON: {got} vs {dict(themes)}")
    lead_rows = tables.get("Recommendations by lead institution", [])
    got = {row[0]: row[1] for row in lead_rows}
    check(got == dict(leads), f"overview institutions {got} != JSON {dict(leads)}")
    got = {row[0]: row[1] for row in tables.get("Rows by regional group", [])}
    check(got == dict(groups), f"overview regional groups {got} != JSON {dict(groups)}")
    return {row[0]: row[2] for row in lead_rows}  # institution -> sheet name


def check_banner(wb, review):
    """The overview opens with a warning exactly when positions may not be final."""
    kinds = {d["kind"]: d["symbol"] for d in review["documents"]}
    pending = sum(r["position"]["value"] == "pending" for r in review["recommendations"])
    second = wb["Overview"]["A2"].value or ""
    if "addendum" not in kinds and "wg_report" in kinds:
        wanted = f"positions are those of the working group report {kinds['wg_report']}".lower()
        check(wanted in second.lower() and "give the addendum" in second,
              f"no Working Group banner on the overview: {second!r}")
        if pending:
            check(second.startswith(f"{pending} recommendations are pending"),
                  f"the banner does not count {pending} pending: {second!r}")
    elif "addendum" in kinds and not pending:
        check("pending" not in second and "give the addendum" not in second,
              f"a banner on a review with its addendum and nothing pending: {second!r}")


def check_recommendations_sheet(wb, recs):
    ws = wb["Recommendations"]
    rows = list(ws.iter_rows(values_only=True))
    header = list(rows[0])
    check(len(rows) - 1 == len(recs), f"Recommendations sheet has {len(rows) - 1} rows, "
                                      f"JSON {len(recs)}")
    check(ws.freeze_panes == "A2", f"header not frozen (freeze_panes={ws.freeze_panes})")
    check(ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:"),
          f"no autofilter ({ws.auto_filter.ref})")
    text_col = header.index("Recommendation") + 1
    letter = openpyxl.utils.get_column_letter(text_col)
    check((ws.column_dimensions[letter].width or 0) >= 50, "Recommendation column is narrow")
    check(ws.cell(row=2, column=text_col).alignment.wrap_text, "Recommendation text not wrapped")
    col = {name: header.index(name) for name in header}
    for rec, row in zip(recs, rows[1:]):
        if not check(row[col["id"]] == rec["id"], f"row order: {row[col['id']]} != {rec['id']}"):
            break
        check(row[col["Recommendation"]] == rec["text"], f"{rec['id']}: text differs")
        position = rec["position"]
        check(row[col["Position"]] == POSITION_WORDS[position["value"]],
              f"{rec['id']}: position {row[col['Position']]!r} for {position['value']!r}")
        source = f"{STAGE_WORDS[position['stage']]} {position['document']}"
        check(row[col["Position given in"]] == source,
              f"{rec['id']}: position given in {row[col['Position given in']]!r}, not {source!r}")
        lead = lead_of(rec)
        shown = row[col["Lead institution"]]
        if (rec.get("labels") or {}).get("ministries") is None:
            check(shown == NOT_CLASSIFIED, f"{rec['id']}: lead {shown!r}, not 'not classified'")
        else:
            check((shown or NO_LEAD) == lead, f"{rec['id']}: lead {shown!r} != {lead!r}")


def check_institution_sheets(wb, recs, sheet_of):
    by_lead = collections.defaultdict(list)
    for rec in recs:
        by_lead[lead_of(rec)].append(rec["id"])
    check(wb.sheetnames[:2] == ["Overview", "Recommendations"], f"sheets {wb.sheetnames[:2]}")
    check(len(wb.sheetnames) == 2 + len(by_lead),
          f"{len(wb.sheetnames) - 2} institution sheets for {len(by_lead)} lead institutions")
    for lead, ids in by_lead.items():
        name = sheet_of.get(lead)
        if not check(name in wb.sheetnames, f"no sheet for {lead!r} ({name!r})"):
            continue
        ws = wb[name]
        rows = list(ws.iter_rows(values_only=True))
        check(rows[0][0] == lead, f"sheet {name!r} is titled {rows[0][0]!r}")
        header = list(rows[1])
        check(all(h in header for h in PLAN_HEADERS), f"sheet {name!r} lacks the planning block")
        got = [r[header.index("id")] for r in rows[2:]]
        check(got == ids, f"sheet {name!r}: {len(got)} recommendations, expected {len(ids)}")
        plan = [r[header.index(h)] for r in rows[2:] for h in PLAN_HEADERS]
        check(all(v is None for v in plan), f"sheet {name!r}: planning block not empty")
        check(ws.freeze_panes == "A3", f"sheet {name!r}: header not frozen")


def check_csv(path, review):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    pairs = [(r, s) for r in review["recommendations"] for s in (r["recommending_states"] or [None])]
    check(len(rows) == len(pairs), f"CSV has {len(rows)} rows, JSON {len(pairs)} pairs")
    for row, (rec, state) in zip(rows, pairs):
        same = (row["id"] == rec["id"] and row["Text"] == rec["text"] and
                row["From"] == (state["name"] if state else "") and
                row["position"] == rec["position"]["value"])
        if not check(same, f"CSV row {rec['id']} differs from the JSON"):
            break
        labels = rec.get("labels") or {}
        action = labels.get("action")
        check(row["Action"] == (str(action["category"]) if action else ""),
              f"CSV {rec['id']}: Action {row['Action']!r}")
        themes = "; ".join(t["name"] for t in labels.get("themes") or [])
        check(row["themes"] == themes, f"CSV {rec['id']}: themes {row['themes']!r} != {themes!r}")


def check_impact(path, recs):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    check(len(rows) == len(recs), f"IMPACT CSV has {len(rows)} rows, JSON {len(recs)}")
    titles = rows[0].keys() if rows else []
    key = {c.split("[database:")[1].rstrip("]"): c for c in titles if "[database:" in c}
    check(sorted(key) == ["description", "framework_id", "reference", "response", "support_level",
                          "title"], f"IMPACT columns {sorted(key)}")
    state = next((c for c in titles if c.startswith("Recommending State [rel:")), None)
    check(state is not None, "IMPACT CSV has no Recommending State link column")
    for row, rec in zip(rows, recs):
        want = {"supported": "2", "supported_in_part": "1", "noted": "0"}
        first = next((s["iso3"] for s in rec["recommending_states"] if s["iso3"]), "")
        if not check(row[key["reference"]] == rec["id"] and row[key["title"]] == rec["text"] and
                     row[key["support_level"]] == want.get(rec["position"]["value"], "") and
                     row[key["framework_id"]] == "1" and
                     row[state] == {"SSD": "SDS"}.get(first, first),
                     f"IMPACT row {rec['id']} differs from the JSON"):
            break


def check_html(path, recs):
    with open(path, encoding="utf-8") as f:
        html = f.read()
    check(html.count("<tr id=\"") == len(recs), "HTML rows differ from the JSON")
    check(html.count("class=\"uprx-chart\"") == 3, "HTML has not three charts")
    for external in ("src=\"http", "href=\"http", "<link"):
        check(external not in html, f"HTML loads something external ({external})")


def main(argv):
    if len(argv) not in (7, 9):
        print(__doc__, file=sys.stderr)
        return 2
    json_path, csv_path, impact_path, xlsx_path, html_path = argv[1:6]
    with open(json_path, encoding="utf-8") as f:
        doc = json.load(f)
    check(len(doc["reviews"]) == 1, f"{len(doc['reviews'])} reviews in {json_path}")
    review = doc["reviews"][0]
    recs = review["recommendations"]
    check(len(recs) == int(argv[6]), f"{len(recs)} recommendations, the documents state {argv[6]}")
    if len(argv) == 9:
        counts = collections.Counter(r["position"]["value"] for r in recs)
        check(counts["supported"] == int(argv[7]) and counts["noted"] == int(argv[8]),
              f"positions {dict(counts)}, the documents state {argv[7]} supported, {argv[8]} noted")
    wb = openpyxl.load_workbook(xlsx_path)
    sheet_of = check_overview(wb, recs)
    check_banner(wb, review)
    check_recommendations_sheet(wb, recs)
    check_institution_sheets(wb, recs, sheet_of)
    check_csv(csv_path, review)
    check_impact(impact_path, recs)
    check_html(html_path, recs)
    for message in failures:
        print(f"FAIL {xlsx_path}: {message}")
    if not failures:
        print(f"ok {xlsx_path}: sheets {wb.sheetnames}; CSV, IMPACT CSV and HTML agree with the JSON")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
