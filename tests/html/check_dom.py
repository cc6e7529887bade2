#!/usr/bin/env python3
"""Checks the DOM of a uprx HTML report after a browser ran it (chromium --dump-dom).

Usage: check_dom.py DOM_FILE ROWS [SCREENSHOT WIDTH HEIGHT]
       check_dom.py --expect-errors DOM_FILE

The report's own scripts leave their verdict on <html>: data-uprx-errors (uncaught errors and
console.error calls, recorded by the first script), data-uprx-ready="1" (the last script ran to
its end), data-uprx-charts and data-uprx-rows. This checks them, that the three charts are inline
<svg class="uprx-chart"> elements with bars, that the table has ROWS rows (the caller takes ROWS
from the JSON output, not from the page), and that SCREENSHOT is a PNG of WIDTH x HEIGHT.
--expect-errors: the page must have recorded at least one error (a negative check that the
recorder works). Exits 0 when every check passed, 1 otherwise, 2 on usage errors.
"""
import struct
import sys
from html.parser import HTMLParser


class Dom(HTMLParser):
    """The few facts the checks need, gathered in one pass."""

    def __init__(self):
        super().__init__()
        self.root = {}
        self.charts = []  # per svg.uprx-chart: number of <rect>
        self.rows = 0
        self._in_chart = False
        self._in_body = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.root = a
        elif tag == "svg" and "uprx-chart" in (a.get("class") or ""):
            self.charts.append(0)
            self._in_chart = True
        elif tag == "rect" and self._in_chart:
            self.charts[-1] += 1
        elif tag == "tbody":
            self._in_body = True
        elif tag == "tr" and self._in_body and a.get("id"):
            self.rows += 1

    def handle_endtag(self, tag):
        if tag == "svg":
            self._in_chart = False
        elif tag == "tbody":
            self._in_body = False


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", head[16:24])


def parse(path):
    dom = Dom()
    with open(path, encoding="utf-8") as f:
        dom.feed(f.read())
    return dom


def check(dom, rows, shot):
    problems = []
    root = dom.root
    if root.get("data-uprx-errors") != "0":
        problems.append(f"page errors: {root.get('data-uprx-errors')} "
                        f"({root.get('data-uprx-error-messages', '')})")
    if root.get("data-uprx-ready") != "1":
        problems.append("the report's script did not finish (no data-uprx-ready=1)")
    if len(dom.charts) != 3 or root.get("data-uprx-charts") != "3":
        problems.append(f"{len(dom.charts)} charts in the DOM, page counted "
                        f"{root.get('data-uprx-charts')}; expected 3")
    if any(n == 0 for n in dom.charts):
        problems.append(f"a chart has no bars: rects per chart {dom.charts}")
    if dom.rows != rows or root.get("data-uprx-rows") != str(rows):
        problems.append(f"{dom.rows} table rows (page says {root.get('data-uprx-rows')}), "
                        f"expected {rows}")
    if shot:
        path, width, height = shot
        size = png_size(path)
        if size != (width, height):
            problems.append(f"screenshot {path} is {size}, expected a {width}x{height} PNG")
    return problems


def main(argv):
    if len(argv) == 3 and argv[1] == "--expect-errors":
        errors = parse(argv[2]).root.get("data-uprx-errors", "0")
        if errors.isdigit() and int(errors) > 0:
            print(f"ok: the broken page recorded {errors} error(s)")
            return 0
        print(f"FAIL: a page with a script error recorded {errors} errors")
        return 1
    if len(argv) not in (3, 6):
        print(__doc__, file=sys.stderr)
        return 2
    shot = (argv[3], int(argv[4]), int(argv[5])) if len(argv) == 6 else None
    problems = check(parse(argv[1]), int(argv[2]), shot)
    for p in problems:
        print(f"FAIL {argv[1]}: {p}")
    if not problems:
        print(f"ok {argv[1]}: no page errors, 3 charts, {argv[2]} rows")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
