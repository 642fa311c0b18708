#!/usr/bin/env python3
"""The privacy test across outputs: one suppression pattern everywhere.

Reads every artefact of a publication directory and finds each cell in each of them:
  - opendata/indicators.csv and indicators.json (the reference: status and value per cell), and
    opendata/series.csv (earlier years' cells) when the publication has it,
  - the Excel annex (every sheet, cells by ministry row and period/unit type/category column),
  - every HTML page: each element with data-cell="indicator|ministry|period|unit type|category"
    (table cells, the charts' data tables, tiles) and each chart SVG mark with data-cell (no bar,
    point or number for a suppressed or missing cell; a printed figure equals the published one),
  - the PDFs: text (pdftotext), and their tagged tables (pdfinfo -struct-text) matched with the
    print page they were printed from, by caption in order, row by row and cell by cell.
Fails when an output shows a value for a suppressed cell, or two outputs disagree on a cell.
The figure formatting is re-implemented here (not taken from jbr) so that it is checked too.

Usage: check_outputs.py PUBLICATION_DIR
(The store cannot help: it keeps no value for a suppressed cell.)
"""
import csv
import html.parser
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
import xml.etree.ElementTree as ET

failures = []


def fail(msg):
    failures.append(msg)
    if len(failures) <= 40 or os.environ.get("CHECK_ALL"):
        print("FAIL", msg)


def key_of(r):
    return (r["indicator"], r["ministry"], r["period"], r["unit_type"], r["category"])


def read_open_data(pub):
    cells = {}
    with open(os.path.join(pub, "opendata", "indicators.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            value = float(r["value"]) if r["value"] != "" else None
            # Last year's figure may stand beside a suppressed one (it was published last year,
            # under last year's pattern); this year's value, its parts and the change may not.
            if r["status"] != "published" and (r["value"] or r["numerator"] or r["denominator"]
                                               or r["change"]):
                fail(f"indicators.csv shows a number for {r['status']} cell {key_of(r)}")
            cells[key_of(r)] = (r["status"], value, r["unit"])
    with open(os.path.join(pub, "opendata", "indicators.json"), encoding="utf-8") as f:
        data = json.load(f)
    rows = data if isinstance(data, list) else data["values"]
    seen = 0
    for r in rows:
        k = key_of(r)
        seen += 1
        if k not in cells:
            fail(f"indicators.json has a cell the CSV has not: {k}")
            continue
        status, value, _ = cells[k]
        if r["status"] != status:
            fail(f"CSV and JSON disagree on the status of {k}: {status} / {r['status']}")
        if (r["value"] is None) != (value is None) or (value is not None and
                                                        not math.isclose(r["value"], value, rel_tol=1e-12)):
            fail(f"CSV and JSON disagree on the value of {k}")
    if seen != len(cells):
        fail(f"indicators.json has {seen} cells, the CSV {len(cells)}")
    read_series(pub, cells)
    return cells


def read_series(pub, cells):
    """opendata/series.csv (earlier years' values, when the publication has it): more cells of the
    reference, keyed the same way; a cell in both files must agree."""
    path = os.path.join(pub, "opendata", "series.csv")
    if not os.path.exists(path):
        return
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            value = float(r["value"]) if r["value"] != "" else None
            if r["status"] != "published" and value is not None:
                fail(f"series.csv shows a number for {r['status']} cell {key_of(r)}")
            k = key_of(r)
            if k in cells:
                status, v, _ = cells[k]
                if status != r["status"] or (v is None) != (value is None) or (
                        v is not None and not math.isclose(v, value, rel_tol=1e-12)):
                    fail(f"series.csv and indicators.csv disagree on {k}")
                continue
            cells[k] = (r["status"], value, r["unit"])


def decimals(unit):
    if unit in ("%", "days", "years", "EUR") or "/" in unit or " per " in unit:
        return 1
    return 0


def display(value, unit, lang):
    """The text a reader sees for a figure (independent of jbr's html.cc)."""
    v = value / 1e6 if unit == "EUR" else value
    d = decimals(unit)
    text = f"{abs(v):,.{d}f}"
    if lang == "nl":
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    if v < 0 and any(c not in "0.," for c in text):
        text = "-" + text
    if unit == "EUR":
        return f"€ {text} mln"
    if unit == "%":
        return text + "%"
    if unit == "t CO2":
        return text + " t"
    return text


def marks(lang):
    return (".", "n.g." if lang == "nl" else "n.a.")


SHAPES = {"rect", "circle", "ellipse", "path", "line", "polyline", "polygon", "use", "image"}


def norm_space(text):
    return " ".join(text.split())


class PageParser(html.parser.HTMLParser):
    """One HTML page: its cells (every element with data-cell outside SVG: table cells, tiles), its
    SVG marks with data-cell (the shapes drawn inside and the text) and its tables (caption, rows
    of (tag, text, key) cells, and whether the table is printed: not inside a closed <details>)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.cells, self.marks, self.tables = [], [], []
        self._open = []     # data-cell elements being read: [tag, depth, key, in_svg, shapes, text]
        self._svg = 0
        self._details = []  # per open <details>: whether it is closed
        self._table = None
        self._cell = None   # [tag, text, key] of the table cell being read
        self._caption = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for o in self._open:
            if o[0] == tag:
                o[1] += 1
            if tag in SHAPES:
                o[4].append(tag)
        if tag == "svg":
            self._svg += 1
        elif tag == "details":
            self._details.append("open" not in a)
        elif tag == "table":
            self._table = {"caption": "", "rows": [], "printed": not any(self._details)}
        elif tag == "caption" and self._table is not None:
            self._caption = True
        elif tag == "tr" and self._table is not None:
            self._table["rows"].append([])
        elif tag in ("td", "th") and self._table is not None and self._table["rows"]:
            self._cell = [tag, "", a.get("data-cell")]
        if a.get("data-cell") is not None:
            self._open.append([tag, 1, a["data-cell"], self._svg > 0, [], ""])

    def handle_endtag(self, tag):
        for o in list(self._open):
            if o[0] == tag:
                o[1] -= 1
                if o[1] == 0:
                    self._open.remove(o)
                    if o[3]:
                        self.marks.append((o[2], o[4], norm_space(o[5])))
                    else:
                        self.cells.append((o[2], o[5]))
        if tag == "svg":
            self._svg -= 1
        elif tag == "details" and self._details:
            self._details.pop()
        elif tag == "caption":
            self._caption = False
        elif tag in ("td", "th") and self._cell is not None:
            self._table["rows"][-1].append((self._cell[0], norm_space(self._cell[1]), self._cell[2]))
            self._cell = None
        elif tag == "table" and self._table is not None:
            self._table["caption"] = norm_space(self._table["caption"])
            self.tables.append(self._table)
            self._table = None

    def handle_data(self, data):
        for o in self._open:
            o[5] += data
        if self._cell is not None:
            self._cell[1] += data
        elif self._caption:
            self._table["caption"] += data


_pages = {}


def parse_page(path):
    if path not in _pages:
        p = PageParser()
        with open(path, encoding="utf-8") as f:
            p.feed(f.read())
        p.close()
        _pages[path] = p
    return _pages[path]


def lang_of(rel):
    return "en" if rel.startswith("en" + os.sep) else "nl"


def expected_text(cells, k, lang):
    status, value, unit = cells[k]
    suppressed, missing = marks(lang)
    if status == "suppressed":
        return suppressed
    return missing if value is None else display(value, unit, lang)


def html_pages(pub):
    """Every HTML page of the publication: (path relative to it, language, parsed page)."""
    for root, _, files in os.walk(pub):
        for name in sorted(files):
            if name.endswith(".html"):
                path = os.path.join(root, name)
                rel = os.path.relpath(path, pub)
                yield rel, lang_of(rel), parse_page(path)


def check_html(pub, cells):
    """Every element with data-cell on every page (table cells, the charts' data tables, tiles)."""
    checked = 0
    for rel, lang, page in html_pages(pub):
        for raw, text in page.cells:
            k = tuple(raw.split("|"))
            text = text.strip().rstrip("*")
            checked += 1
            if k not in cells:
                fail(f"{rel}: cell {k} is not in the open data")
                continue
            want = expected_text(cells, k, lang)
            if text != want:
                status, value, _ = cells[k]
                fail(f"{rel}: cell {k} shows {text!r}, the open data says {status} {value} ({want!r})")
    return checked


def check_svg(pub, cells):
    """Every chart mark with data-cell: a suppressed or missing cell draws no bar or point and no
    number, only its mark; a published one shows its figure when it prints one, and draws
    something."""
    checked = 0
    for rel, lang, page in html_pages(pub):
        for raw, shapes, text in page.marks:
            k = tuple(raw.split("|"))
            checked += 1
            if k not in cells:
                fail(f"{rel}: SVG mark of cell {k}, which is not in the open data")
                continue
            status, value, _ = cells[k]
            want = expected_text(cells, k, lang)
            if status != "published" or value is None:
                if shapes:
                    fail(f"{rel}: SVG draws {'/'.join(shapes)} for {status} cell {k}")
                if text not in ("", want):
                    fail(f"{rel}: SVG shows {text!r} for {status} cell {k} (expected {want!r})")
            elif text not in ("", want) or (text == "" and not shapes):
                fail(f"{rel}: SVG shows {text!r} ({len(shapes)} shapes) for cell {k}, the open "
                     f"data says {value} ({want!r})")
    return checked


def read_xlsx(path):
    z = zipfile.ZipFile(path)
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns):
            shared.append("".join(t.text or "" for t in si.iter("{%s}t" % ns["m"])))
    sheets = []
    for name in sorted(n for n in z.namelist() if re.match(r"xl/worksheets/sheet\d+\.xml", n)):
        grid = {}
        for c in ET.fromstring(z.read(name)).iter("{%s}c" % ns["m"]):
            ref = c.get("r")
            col = re.match(r"[A-Z]+", ref).group(0)
            row = int(ref[len(col):])
            ci = 0
            for ch in col:
                ci = ci * 26 + ord(ch) - 64
            v = c.find("m:v", ns)
            if v is None:
                is_ = c.find("m:is", ns)
                val = "".join(t.text or "" for t in is_.iter("{%s}t" % ns["m"])) if is_ is not None else None
            elif c.get("t") == "s":
                val = shared[int(v.text)]
            elif c.get("t") == "str":
                val = v.text
            else:
                val = float(v.text)
            grid[(row, ci)] = val
        sheets.append(grid)
    return sheets


def check_excel(pub, cells, year):
    path = os.path.join(pub, "annex", f"jbr-{year}-tabellen.xlsx")
    checked = 0
    for grid in read_xlsx(path):
        m = re.search(r"indicator (\S+)$", str(grid.get((2, 1), "")))
        if not m:
            continue
        indicator = m.group(1)
        header = {label: r for (r, c), label in grid.items() if c == 1 and label in ("Periode", "Soort eenheid", "Categorie")}
        if "Periode" not in header:
            fail(f"annex sheet of {indicator} has no Periode row")
            continue
        first = max(header.values()) + 1
        cols = max(c for (r, c) in grid)
        row = first
        while isinstance(grid.get((row, 1)), str) and not grid[(row, 1)].startswith("."):
            ministry = grid[(row, 1)]
            for c in range(2, cols + 1):
                period = grid.get((header["Periode"], c))
                if period is None:
                    continue
                ut = grid.get((header["Soort eenheid"], c), "") if "Soort eenheid" in header else ""
                cat = grid.get((header["Categorie"], c), "") if "Categorie" in header else ""
                cat = "" if cat == "totaal" else cat
                k = (indicator, ministry, str(period), ut or "", cat or "")
                shown = grid.get((row, c))
                if k not in cells:
                    if shown is not None:
                        fail(f"annex {indicator}: cell {k} is not in the open data")
                    continue
                status, value, _ = cells[k]
                checked += 1
                if status == "suppressed":
                    ok = shown == "."
                elif value is None:
                    ok = shown == "n.g."
                else:
                    ok = isinstance(shown, float) and math.isclose(shown, value, rel_tol=1e-9, abs_tol=1e-9)
                if not ok:
                    fail(f"annex {indicator}: cell {k} shows {shown!r}, the open data says {status} {value}")
            row += 1
    return checked


def check_pdfs(pub):
    """Every PDF has extractable text."""
    n = 0
    for root, _, files in os.walk(pub):
        for name in files:
            if name.endswith(".pdf"):
                path = os.path.join(root, name)
                out = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True)
                if out.returncode != 0 or len(out.stdout.strip()) < 100:
                    fail(f"{path}: no text could be extracted")
                n += 1
    return n


def parse_struct_text(text):
    """The structure tree that `pdfinfo -struct-text` prints, as nested dicts {name, children},
    a text being a child str. An element line is "Name", "Name (block)", "TH <node1>:"; its
    attributes follow one level deeper as "/Key value" lines (skipped); texts are quoted."""
    root = {"name": "", "children": []}
    stack = [(-1, root)]
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        body = line.lstrip(" ")
        if not body or body.startswith("/"):
            continue
        indent = len(line) - len(body)
        while stack[-1][0] >= indent:
            stack.pop()
        parent = stack[-1][1]
        if body.startswith('"'):
            while not (len(body) >= 2 and body.endswith('"')) and i < len(lines):
                body += "\n" + lines[i]  # a text with a line break goes on until its closing quote
                i += 1
            parent["children"].append(body[1:-1])
            continue
        node = {"name": re.split(r"[ :]", body, maxsplit=1)[0], "children": []}
        parent["children"].append(node)
        stack.append((indent, node))
    return root


def texts_of(node):
    out = []
    for c in node["children"]:
        out.extend([c] if isinstance(c, str) else texts_of(c))
    return out


def cell_text(node):
    """A cell's text; Chromium tags a header cell's text twice (and again where the header row
    repeats on a new page), so a text that is one part repeated counts once."""
    t = texts_of(node)
    for parts in range(len(t), 1, -1):
        if len(t) % parts == 0:
            n = len(t) // parts
            if all(t[k * n:(k + 1) * n] == t[:n] for k in range(parts)):
                t = t[:n]
                break
    return "".join(t)


def pdf_tables(tree):
    """Every Table of the tree in document order: caption and rows of (tag, text), a header row
    that repeats an earlier one (a table broken over pages) left out."""
    tables = []

    def rows_of(node, rows):
        for c in node["children"]:
            if isinstance(c, str):
                continue
            if c["name"] == "TR":
                rows.append([(x["name"].lower(), cell_text(x)) for x in c["children"]
                             if isinstance(x, dict) and x["name"] in ("TH", "TD")])
            elif c["name"] != "Table":
                rows_of(c, rows)

    def walk(node):
        for c in node["children"]:
            if isinstance(c, str):
                continue
            if c["name"] == "Table":
                caption = "".join(cell_text(x) for x in c["children"]
                                  if isinstance(x, dict) and x["name"] == "Caption")
                rows = []
                rows_of(c, rows)
                headers = []
                kept = []
                for r in rows:
                    if r and all(tag == "th" for tag, _ in r):
                        if r in headers:
                            continue
                        headers.append(r)
                    kept.append(r)
                tables.append({"caption": caption, "rows": kept})
            walk(c)

    walk(tree)
    return tables


LIGATURES = "\ufb00\ufb01\ufb02\ufb03\ufb04"


def squeeze(text):
    # A PDF's text loses or gains spaces where lines break; compare without any.
    return "".join(text.split())


def same_text(pdf, html):
    """Whether a PDF text shows the HTML text. pdfinfo cuts a text off after a ligature glyph
    ("Inﬂ" for "Inflow"), so a text ending in one need only begin the HTML text."""
    p, h = squeeze(pdf), squeeze(html)
    if p and p[-1] in LIGATURES:
        p = unicodedata.normalize("NFKC", p)
        return h.startswith(p) and len(p) > 0
    return unicodedata.normalize("NFKC", p) == h


def print_page_of(pdf_name, year):
    """The print page a PDF is printed from (src/publish/print/site_print.cc)."""
    for pattern, page in ((rf"jbr-{year}-(nl|en)\.pdf", "print-rapport.html"),
                          (rf"jbr-{year}-hoofdlijnen-(nl|en)\.pdf", "print-hoofdlijnen.html"),
                          (rf"jbr-{year}-ict-(nl|en)\.pdf", os.path.join("ict", "print.html"))):
        m = re.fullmatch(pattern, pdf_name)
        if m:
            return m.group(1), os.path.join(m.group(1), page)
    return None, None


def check_pdf_tables(pub, cells, year, struct_text=None):
    """Each PDF's tables against the print page's printed tables (not those in a closed
    <details>), by caption in order, row by row and cell by cell; every cell with data-cell is
    also checked against the reference. `struct_text` maps a PDF's name to its struct-text (tests
    of this check); otherwise pdfinfo reads it. Returns (tables, cells, keyed cells) checked."""
    n_tables = n_cells = n_keyed = 0
    pdf_dir = os.path.join(pub, "pdf")
    names = sorted(os.listdir(pdf_dir)) if os.path.isdir(pdf_dir) else []
    # pdfinfo -struct-text takes about a minute for a report of 200 pages (its time grows with
    # the square of the pages' tagged cells): every PDF's is read at once, in parallel.
    # Each writes to its own file, so that none waits for its pipe to be read.
    running = {}
    for name in names:
        if name.endswith(".pdf") and not (struct_text is not None and name in struct_text):
            out = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
            running[name] = (subprocess.Popen(
                ["pdfinfo", "-struct-text", os.path.join(pdf_dir, name)],
                stdout=out, stderr=subprocess.DEVNULL), out)  # stderr: poppler's complaints
    for name in names:
        if not name.endswith(".pdf"):
            continue
        lang, page = print_page_of(name, year)
        if page is None:
            fail(f"pdf/{name}: no print page is known for it")
            continue
        if not os.path.exists(os.path.join(pub, page)):
            fail(f"pdf/{name}: its print page {page} is not in the publication")
            continue
        html_tables = [t for t in parse_page(os.path.join(pub, page)).tables if t["printed"]]
        if struct_text is not None and name in struct_text:
            text = struct_text[name]
        else:
            proc, out = running.pop(name)
            proc.wait()
            out.seek(0)
            text = out.read()
            out.close()
        tables = pdf_tables(parse_struct_text(text))
        if html_tables and not tables:
            fail(f"pdf/{name}: no tagged table, {page} prints {len(html_tables)}")
            continue
        at = 0
        for ht in html_tables:
            j = next((j for j in range(at, len(tables))
                      if same_text(tables[j]["caption"], ht["caption"])), None)
            if j is None:
                fail(f"pdf/{name}: table {ht['caption']!r} of {page} is missing")
                continue
            for skipped in tables[at:j]:
                fail(f"pdf/{name}: table {skipped['caption']!r} is not in {page} (there)")
            at = j + 1
            n_tables += 1
            pt = tables[j]
            where = f"pdf/{name}, table {ht['caption']!r}"
            problems = []
            problem = problems.append
            if len(pt["rows"]) != len(ht["rows"]):
                problem(f"{where}: {len(pt['rows'])} rows, {page} has {len(ht['rows'])}")
            for r, (hrow, prow) in enumerate(zip(ht["rows"], pt["rows"])):
                # An empty cell has no text to tag: Chromium leaves it out of the tree.
                hrow = [c for c in hrow if squeeze(c[1])]
                prow = [c for c in prow if squeeze(c[1])]
                if len(hrow) != len(prow):
                    problem(f"{where}, row {r + 1}: {len(prow)} cells, {page} has {len(hrow)}")
                for (tag, htext, key), (ptag, ptext) in zip(hrow, prow):
                    n_cells += 1
                    if tag != ptag or not same_text(ptext, htext):
                        problem(f"{where}, row {r + 1}: {ptag} {ptext!r}, {page} has {tag} {htext!r}")
                    if key is None:
                        continue
                    n_keyed += 1
                    k = tuple(key.split("|"))
                    if k not in cells:
                        problem(f"{where}: cell {k} is not in the open data")
                    elif not same_text(squeeze(ptext).rstrip("*"), expected_text(cells, k, lang)):
                        problem(f"{where}: cell {k} shows {ptext!r}, the open data says "
                                f"{expected_text(cells, k, lang)!r}")
            for r in range(len(pt["rows"]), len(ht["rows"])):
                problem(f"{where}: row {r + 1} of {page} is missing")
            # A table's faults in a few lines: a table cut off at the page's edge fails every row.
            for p in problems[:3]:
                fail(p)
            if len(problems) > 3:
                fail(f"{where}: {len(problems) - 3} more differences in this table")
        for extra in tables[at:]:
            fail(f"pdf/{name}: table {extra['caption']!r} is not in {page}")
    for proc, out in running.values():  # PDFs without a print page
        proc.wait()
        out.close()
    return n_tables, n_cells, n_keyed


def main():
    pub = sys.argv[1]
    with open(os.path.join(pub, "manifest.json"), encoding="utf-8") as f:
        year = json.load(f)["year"]
    cells = read_open_data(pub)
    n_supp = sum(1 for s, _, _ in cells.values() if s == "suppressed")
    n_html = check_html(pub, cells)
    n_svg = check_svg(pub, cells)
    n_xlsx = check_excel(pub, cells, year)
    n_pdf = check_pdfs(pub)
    n_ptab, n_pcell, n_pkey = check_pdf_tables(pub, cells, year)
    print(f"{len(cells)} cells ({n_supp} suppressed); {n_html} HTML cells (tables, chart tables, "
          f"tiles), {n_svg} SVG chart marks and {n_xlsx} Excel cells checked against the open data; "
          f"{n_pdf} PDFs with text; {n_ptab} PDF tables matched with their print pages, "
          f"{n_pcell} PDF table cells checked, {n_pkey} of them against the open data")
    if n_supp == 0:
        fail("no suppressed cell in this publication: the test proves nothing")
    if failures:
        print(f"{len(failures)} failures")
        sys.exit(1)


main()
