#!/usr/bin/env bash
# The published report end to end (ctest: site_checks, release builds only): a small synthetic
# Rijk is synthesised, loaded and computed (jbr demo), then published with its PDFs, and
#   - published again: every file byte-identical, PDFs included;
#   - the privacy test across outputs (tests/privacy/check_outputs.py): every cell of the open data
#     found in the Excel annex and every HTML table, one suppression pattern, no disagreement;
#   - every page type in headless Chromium with axe-core (WCAG 2.1 A and AA), without JavaScript,
#     at 200% zoom, with every internal link resolving (tests/browser/check_site.mjs --sample);
#   - no tile, table header, heading or panel whose text runs out of its box, and no page that
#     scrolls sideways, at 320, 768 and 1280 px (tests/browser/check_overflow.mjs);
#   - every page well-formed for tidy (tests/browser/check_html.sh);
#   - every colour of the stylesheets and SVGs from the house style, an open typeface
#     (tests/browser/check_colours.sh);
#   - the PDFs: text, title, language, a plausible page count, the highlights exactly two pages;
#     every entry of the report's table of contents on the page it names (check_toc.sh);
#   - the highlights' pages filled: each at least 70% covered (tests/browser/page_coverage.py, 71-75%
#     at the demo's figures), in both languages, at the demo's figures and again with every
#     panel's text and title at the longest the layout allows (site/highlights.h), which must
#     still give exactly two pages, while one character more is refused; and on the layout boxes
#     (tests/browser/check_highlights.mjs): two page containers, no panel overflowing, every
#     picture drawn large enough to read.
# Exit 77 (skipped) when Chromium is not installed; under CI=true that fails instead.
set -euo pipefail
JBR=$(readlink -f "$1")
here=$(cd "$(dirname "$0")" && pwd)
tests=$(dirname "$here")
source "$tests/skip_or_fail.sh"
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then skip_or_fail "$chromium is not installed"; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export JBR_NOW=2022-03-01T12:00:00Z
step() { echo "== $*"; }
fail() { echo "FAIL: $*"; exit 1; }

step "synthesise, load and compute 2019-2021 at a tenth of the Rijk"
"$JBR" -w "$tmp/ws" demo --no-serve --no-pdf --scale 0.1 --years 2019-2021 >"$tmp/demo.out" 2>&1 || { cat "$tmp/demo.out"; fail "demo"; }
step "publish 2021 with PDFs, twice"
s=$(date +%s)
"$JBR" -w "$tmp/ws" publish --year 2021 --out "$tmp/pub" || fail "publish"
echo "publish with PDFs took $(( $(date +%s) - s )) s"
"$JBR" -w "$tmp/ws" publish --year 2021 --out "$tmp/pub2" >/dev/null || fail "second publish"
diff -r "$tmp/pub" "$tmp/pub2" >/dev/null || fail "two publishes of the same run differ: $(diff -rq "$tmp/pub" "$tmp/pub2" | head -5)"
echo "byte-identical: $(find "$tmp/pub" -type f | wc -l) files"

step "privacy across outputs"
python3 "$tests/privacy/check_outputs.py" "$tmp/pub" || fail "privacy across outputs"

step "pages in Chromium: axe-core, no JavaScript, 200% zoom, links"
"$tests/browser/install.sh" >/dev/null || fail "npm packages could not be installed"
rc=0
node "$tests/browser/check_site.mjs" "$tmp/pub" --sample --screenshots "$tmp/shots" --parallel 2 >"$tmp/site.out" 2>&1 || rc=$?
grep -E "^(FAIL|[0-9]+ pages)" "$tmp/site.out" || true
[ $rc -eq 0 ] || { head -60 "$tmp/site.out"; fail "browser checks"; }
echo "axe \"incomplete\" results listed for review: $(grep -c "review (axe incomplete)" "$tmp/site.out" || true)"

step "no text runs out of its box at 320, 768 and 1280 px"
node "$tests/browser/check_overflow.mjs" "$tmp/pub" >"$tmp/overflow.out" 2>&1 || { head -40 "$tmp/overflow.out"; fail "overflowing boxes"; }
tail -1 "$tmp/overflow.out"

step "HTML well-formed (tidy)"
bash "$tests/browser/check_html.sh" "$tmp/pub" >"$tmp/html.out" 2>&1 || { head -40 "$tmp/html.out"; fail "tidy"; }
tail -1 "$tmp/html.out"

step "house style: colours and typeface"
bash "$tests/browser/check_colours.sh" "$tmp/pub" || fail "house style"

step "PDFs"
for lang in nl en; do
  mkdir -p "$tmp/pdf-$lang"
  cp "$tmp/pub/pdf/"*"-$lang.pdf" "$tmp/pdf-$lang/"
  bash "$tests/browser/check_pdfs.sh" "$tmp/pdf-$lang" --lang "$lang" --pages 2:600 \
    --two-pages "jbr-2021-hoofdlijnen-$lang.pdf" || fail "PDFs ($lang)"
done
# The printed table of contents carries page numbers, and the chapter is on the page it names.
toc=$(pdftotext -f 1 -l 2 -layout "$tmp/pub/pdf/jbr-2021-nl.pdf" - | grep -E "Rijk als werkgever.* [0-9]+$" | head -1 || true)
page=$(echo "$toc" | grep -oE "[0-9]+$" || true)
[ -n "$page" ] || fail "no page number for chapter 1 in the table of contents"
pdftotext -f "$page" -l "$page" "$tmp/pub/pdf/jbr-2021-nl.pdf" - | head -3 | grep -q "Rijk als werkgever" ||
  fail "chapter 1 is not on page $page, which the table of contents names"
# ... and so is every other entry, in both languages (tests/site/check_toc.sh).
for lang in nl en; do
  bash "$here/check_toc.sh" "$tmp/pub/pdf/jbr-2021-$lang.pdf" || fail "table of contents ($lang)"
done
step "highlights: two full pages, at the demo's figures and with the longest texts allowed"
command -v pdftoppm >/dev/null || skip_or_fail "pdftoppm (poppler-utils) is not installed"
for lang in nl en; do
  python3 "$tests/browser/page_coverage.py" "$tmp/pub/pdf/jbr-2021-hoofdlijnen-$lang.pdf" --pages 2 --min 70 ||
    fail "highlights ($lang) at the demo's figures"
done
node "$tests/browser/check_highlights.mjs" "$tmp/pub" | grep -v "^     " || fail "highlights' layout boxes at the demo's figures"
# Every title and panel text at its budget (the numbers of src/publish/site/highlights.cc), in long
# Dutch words; budget+1 must be refused, so that this script and the code cannot drift apart.
longest() {  # longest TEMPLATE EXTRA > TEMPLATE': each title and panel text at its budget + EXTRA
  python3 - "$1" "$2" <<'PY'
import sys
budgets = {"staff": 260, "people": 125, "jobs": 125, "absence": 125, "hire": 125, "co2": 190,
           "ict": 190, "procurement": 190, "housing": 190}
extra = int(sys.argv[2])
words = "Ziekteverzuimpercentage arbeidsongeschiktheidsverzekering rijksoverheidsorganisaties "
def fill(n):  # n characters of long words, never ending in a space (Markdown would drop it)
    t = (words * (n // len(words) + 1))[:n]
    return t[:-1] + "e" if t.endswith(" ") else t
out = []
for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith("::: page"):
        out.append("::: page " + fill(40) + "\n\n")
    elif line.startswith("::: panel"):
        kind = line.split()[2]
        out.append(f"::: panel {kind} " + fill(34) + "\n\n")
        # The key figure line (a long one), then the sentences: budget + extra characters in all.
        key = "{{year}} Rijksmedewerkers"
        out.append(key + "\n\n" + fill(budgets[kind] + extra - len("2021 Rijksmedewerkers")) + "\n\n")
sys.stdout.write("".join(out))
PY
}
for lang in nl en; do
  mkdir -p "$tmp/long/report/$lang" "$tmp/over/report/$lang"
  longest "$here/../../templates/report/$lang/hoofdlijnen.md" 0 >"$tmp/long/report/$lang/hoofdlijnen.md"
  longest "$here/../../templates/report/$lang/hoofdlijnen.md" 1 >"$tmp/over/report/$lang/hoofdlijnen.md"
done
if "$JBR" -w "$tmp/ws" publish --year 2021 --no-pdf --templates "$tmp/over" --out "$tmp/pub-over" >"$tmp/over.out" 2>&1; then
  fail "a panel text one character over its budget was published"
fi
grep -q "characters of text, at most" "$tmp/over.out" || { cat "$tmp/over.out"; fail "the over-long text was refused for another reason"; }
"$JBR" -w "$tmp/ws" publish --year 2021 --templates "$tmp/long" --out "$tmp/pub-long" >"$tmp/long.out" 2>&1 ||
  { cat "$tmp/long.out"; fail "publish with the longest texts allowed"; }
for lang in nl en; do
  python3 "$tests/browser/page_coverage.py" "$tmp/pub-long/pdf/jbr-2021-hoofdlijnen-$lang.pdf" --pages 2 --min 70 ||
    fail "highlights ($lang) with the longest texts allowed"
done
node "$tests/browser/check_highlights.mjs" "$tmp/pub-long" | grep -v "^     " || fail "highlights' layout boxes with the longest texts allowed"
echo "all site checks passed"
