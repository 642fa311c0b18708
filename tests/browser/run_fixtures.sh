#!/usr/bin/env bash
# Tests of the browser checks themselves (ctest: browser_checks): each checker must pass the good
# fixtures and fail the bad ones for the reasons planted in them. Exit 77 (skipped) when Chromium
# is not installed (a failure under CI=true); anything else missing is a failure.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
chromium=${CHROMIUM:-/usr/bin/chromium}
source "$here/../skip_or_fail.sh"
if [ ! -x "$chromium" ]; then skip_or_fail "$chromium is not installed"; fi
"$here/install.sh" || { echo "FAIL: npm packages could not be installed"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# expect STATUS NAME COMMAND...: runs COMMAND, output to $tmp/NAME.out, checks the exit status.
expect() {
  local want=$1 name=$2
  shift 2
  local got=0
  "$@" >"$tmp/$name.out" 2>&1 || got=$?
  [ "$got" -eq "$want" ] || { fail "$name exited $got, expected $want"; sed 's/^/  | /' "$tmp/$name.out"; }
}
# contains NAME TEXT: the output of NAME names TEXT.
contains() { grep -qF -- "$2" "$tmp/$1.out" || fail "$1 does not report: $2"; }

start=$(date +%s)
expect 0 site_good node "$here/check_site.mjs" "$here/fixtures/good" --screenshots "$tmp/shots"
[ -s "$tmp/shots/nl__hoofdstuk-1.jpg" ] || fail "no screenshot of nl/hoofdstuk-1.html"
expect 1 site_bad node "$here/check_site.mjs" "$here/fixtures/bad" --screenshots "$tmp/shots"
contains site_bad "axe image-alt"
contains site_bad "axe color-contrast"
contains site_bad "broken link bestaat-niet.html"
contains site_bad 'no id "geen-anker"'
contains site_bad "no-js: no visible h1"
contains site_bad "zoom: scrolls horizontally"

expect 0 html_good "$here/check_html.sh" "$here/fixtures/good"
expect 1 html_bad "$here/check_html.sh" "$here/fixtures/bad"
contains html_bad "<blinky> is not recognized"

print() {  # print HTML PDF
  "$chromium" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --user-data-dir="$tmp/profile" --print-to-pdf="$2" "file://$1" >/dev/null 2>&1
}
mkdir -p "$tmp/pdf_good" "$tmp/pdf_bad"
print "$here/fixtures/pdf/hoofdlijnen.html" "$tmp/pdf_good/hoofdlijnen.pdf"
sed 's/<html lang="nl">/<html>/' "$here/fixtures/pdf/hoofdlijnen.html" >"$tmp/nolang.html"
print "$tmp/nolang.html" "$tmp/pdf_bad/nolang.pdf"
print "$here/../fixtures/pdf/report.html" "$tmp/pdf_bad/report.pdf"  # title is not in its text
expect 0 pdf_good "$here/check_pdfs.sh" "$tmp/pdf_good" --pages 1:1 --lang nl --two-pages hoofdlijnen.pdf
expect 1 pdf_range "$here/check_pdfs.sh" "$tmp/pdf_good" --pages 3:10
contains pdf_range "2 pages, expected 3..10"
expect 1 pdf_bad "$here/check_pdfs.sh" "$tmp/pdf_bad" --lang nl
contains pdf_bad "language en-US, expected nl"  # Chromium's default without <html lang>
contains pdf_bad "does not contain the title 'Jaarrapportage Bedrijfsvoering Rijk 2020 (proef)'"

echo "browser checks of the fixtures: $failures failures, $(( $(date +%s) - start )) s"
[ $failures -eq 0 ]
