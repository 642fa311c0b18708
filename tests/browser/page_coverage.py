#!/usr/bin/env python3
"""How full each page of a PDF is, measured on the rendered page image.

Usage: page_coverage.py PDF [--min PERCENT] [--pages N] [--dpi 40] [--cell-mm 10]

Each page is rendered in grey by pdftoppm. The page is cut into square cells of CELL-MM (10 mm)
and a cell counts as covered when it holds ink: a pixel darker than a light panel background
(grey value below 215 of 255), that is text, a line, a bar or a mark. A tinted but empty panel
does not count, nor does white paper. The coverage of a page is the share of its cells inside the
printable area (the page less 8 mm at each edge) that are covered. It prints one line a page and
fails (exit 1) when a page is under --min percent or the PDF does not have --pages pages; exit 2
on usage errors or when pdftoppm is missing.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile


def read_pgm(path):
    with open(path, 'rb') as f:
        data = f.read()
    # P5 header: magic, width, height, maxval, each separated by whitespace (no comments from
    # pdftoppm), then one byte a pixel.
    parts = []
    pos = 0
    while len(parts) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        start = pos
        while not data[pos:pos + 1].isspace():
            pos += 1
        parts.append(data[start:pos])
    pos += 1
    if parts[0] != b'P5' or int(parts[3]) > 255:
        raise ValueError(f'{path}: not an 8-bit PGM')
    return int(parts[1]), int(parts[2]), data[pos:]


def coverage(path, dpi, cell_mm, margin_mm=8, ink_below=215):
    width, height, pixels = read_pgm(path)
    px_per_mm = dpi / 25.4
    cell = max(1, round(cell_mm * px_per_mm))
    margin = round(margin_mm * px_per_mm)
    covered = total = 0
    for top in range(margin, height - margin - cell + 1, cell):
        for left in range(margin, width - margin - cell + 1, cell):
            total += 1
            ink = False
            for y in range(top, top + cell):
                row = pixels[y * width + left:y * width + left + cell]
                if min(row) < ink_below:
                    ink = True
                    break
            covered += ink
    return 100.0 * covered / max(total, 1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('pdf')
    ap.add_argument('--min', type=float, default=70.0)
    ap.add_argument('--pages', type=int, default=0)
    ap.add_argument('--dpi', type=int, default=40)
    ap.add_argument('--cell-mm', type=float, default=10.0)
    a = ap.parse_args()
    if shutil.which('pdftoppm') is None:
        print('page_coverage: pdftoppm (poppler-utils) is not installed', file=sys.stderr)
        return 2
    if not os.path.isfile(a.pdf):
        print(f'page_coverage: no such file {a.pdf}', file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(['pdftoppm', '-gray', '-r', str(a.dpi), a.pdf, os.path.join(tmp, 'p')],
                       check=True)
        images = sorted(f for f in os.listdir(tmp) if f.endswith('.pgm'))
        failed = False
        if a.pages and len(images) != a.pages:
            print(f'FAIL {a.pdf}: {len(images)} pages, expected {a.pages}')
            failed = True
        for i, name in enumerate(images, 1):
            c = coverage(os.path.join(tmp, name), a.dpi, a.cell_mm)
            ok = c >= a.min
            failed = failed or not ok
            print(f'{"ok  " if ok else "FAIL"} {os.path.basename(a.pdf)} page {i}: {c:.0f}% covered '
                  f'(at least {a.min:.0f}%)')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
