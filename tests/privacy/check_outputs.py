#!/usr/bin/env python3
"""The privacy test across outputs: one suppression pattern everywhere.

Reads every artefact of a publication directory and finds each cell in each of them:
  - opendata/indicators.csv and indicators.json (the reference: status and value per cell),
  - the Excel annex (every sheet, cells by ministry row and period/unit type/category column),
  - every HTML page (each <td data-cell="indicator|ministry|period|unit type|category">),
  - the charts' SVG and data tables, and the PDFs' text (pdftotext): no suppressed value may
    appear next to its cell's label.
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
import zipfile
import xml.etree.ElementTree as ET

failures = []


def fail(msg):
    failures.append(msg)
    if len(failures) <= 40:
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
    return cells


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


class CellParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.cells = []
        self._key = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        if tag == "td":
            a = dict(attrs)
            self._key = a.get("data-cell")
            self._text = ""

    def handle_endtag(self, tag):
        if tag == "td" and self._key is not None:
            self.cells.append((self._key, self._text))
            self._key = None

    def handle_data(self, data):
        if self._key is not None:
            self._text += data


def check_html(pub, cells):
    checked = 0
    for root, _, files in os.walk(pub):
        for name in files:
            if not name.endswith(".html"):
                continue
            path = os.path.join(root, name)
            rel = os.path.relpath(path, pub)
            lang = "en" if rel.startswith("en" + os.sep) else "nl"
            p = CellParser()
            with open(path, encoding="utf-8") as f:
                p.feed(f.read())
            for raw, text in p.cells:
                k = tuple(raw.split("|"))
                text = text.strip().rstrip("*")
                checked += 1
                if k not in cells:
                    fail(f"{rel}: cell {k} is not in the open data")
                    continue
                status, value, unit = cells[k]
                suppressed, missing = marks(lang)
                want = suppressed if status == "suppressed" else (
                    missing if value is None else display(value, unit, lang))
                if text != want:
                    fail(f"{rel}: cell {k} shows {text!r}, the open data says {status} {value} ({want!r})")
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
    """Every PDF has extractable text; none shows a number where a suppressed cell's mark belongs
    is checked through the HTML it was printed from (the same page), so here: text is there."""
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


def main():
    pub = sys.argv[1]
    with open(os.path.join(pub, "manifest.json"), encoding="utf-8") as f:
        year = json.load(f)["year"]
    cells = read_open_data(pub)
    n_supp = sum(1 for s, _, _ in cells.values() if s == "suppressed")
    n_html = check_html(pub, cells)
    n_xlsx = check_excel(pub, cells, year)
    n_pdf = check_pdfs(pub)
    print(f"{len(cells)} cells ({n_supp} suppressed); {n_html} HTML table cells and {n_xlsx} Excel "
          f"cells checked against the open data; {n_pdf} PDFs with text")
    if n_supp == 0:
        fail("no suppressed cell in this publication: the test proves nothing")
    if failures:
        print(f"{len(failures)} failures")
        sys.exit(1)


main()
