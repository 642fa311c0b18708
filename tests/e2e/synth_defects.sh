#!/usr/bin/env bash
# jbr synth --defects end to end: generate a small Rijk with one defect of every kind, then run
# jbr validate on every spoilt file and check that its findings, as (code, row, column), are exactly
# the answer key's (a key column of null matches any column). The clean delivery each defect was
# made from must validate without findings, and manifest.csv must not list the spoilt files.
#
# Usage: synth_defects.sh JBR      (needs jq)
set -euo pipefail
JBR=$(readlink -f "$1")
export LC_ALL=C
unset JBR_WORKSPACE  # outside a workspace: no reference checks, so no reference-unchecked warnings
command -v jq >/dev/null || { echo "jq is missing (scripts/install-deps.sh installs it)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# Ministries of every style (data/synth/ministries.csv): AZ utf8-comma en, BZ xlsx nl, BZK utf8bom
# nl, FIN cp1252 nl, LNV xlsx en, OCW utf8-comma nl, JenV cp1252 nl. Two with a row given.
cat >spec.json <<'EOF'
{"defects": [
  {"kind": "decimal-comma", "dataset": "personnel", "ministry": "FIN", "year": 2020},
  {"kind": "missing-column", "dataset": "vacancies", "ministry": "BZK", "year": 2020},
  {"kind": "renamed-column", "dataset": "personnel", "ministry": "AZ", "year": 2020},
  {"kind": "bsn-in-id", "dataset": "personnel", "ministry": "BZ", "year": 2020},
  {"kind": "bsn-in-id", "dataset": "personnel", "ministry": "BZ", "year": 2020, "row": 3},
  {"kind": "end-before-start", "dataset": "personnel", "ministry": "LNV", "year": 2020},
  {"kind": "end-before-start", "dataset": "internships", "ministry": "FIN", "year": 2020},
  {"kind": "out-of-period", "dataset": "personnel", "ministry": "FIN", "year": 2020},
  {"kind": "duplicate-id", "dataset": "vacancies", "ministry": "JenV", "year": 2020},
  {"kind": "unknown-enum", "dataset": "personnel", "ministry": "OCW", "year": 2020},
  {"kind": "wrong-sheet-first", "dataset": "personnel", "ministry": "BZK", "year": 2020},
  {"kind": "cp1252-as-utf8", "dataset": "personnel", "ministry": "JenV", "year": 2020},
  {"kind": "truncated", "dataset": "personnel", "ministry": "AZ", "year": 2020},
  {"kind": "truncated", "dataset": "absence", "ministry": "FIN", "year": 2020, "row": 5}
]}
EOF
"$JBR" synth --years 2020 --scale 0.02 --seed 7 --out out --defects spec.json >synth.out
key=out/defects/answer-key.json
[ -f "$key" ] || { echo "no answer key"; cat synth.out; exit 1; }

fail=0
kinds=$(jq '[.files[].kind] | unique | length' "$key")
[ "$kinds" = 11 ] || { echo "the key covers $kinds kinds, not 11"; fail=1; }
[ "$(jq '.files | length' "$key")" = 14 ] || { echo "the key does not list 14 files"; fail=1; }
if grep -q defects out/manifest.csv; then echo "manifest.csv lists spoilt files"; fail=1; fi

n=$(jq '.files | length' "$key")
for ((i = 0; i < n; i++)); do
  entry=$(jq -c ".files[$i]" "$key")
  file=$(jq -r .file <<<"$entry")
  dataset=$(jq -r .dataset <<<"$entry")
  ministry=$(jq -r .ministry <<<"$entry")
  year=$(jq -r .year <<<"$entry")
  mapfile -t opts < <(jq -r '.validate_options[]' <<<"$entry")
  jq -r '.findings[] | "\(.code)|\(.row // "*")|\(.column // "*")"' <<<"$entry" | sort >want.txt
  rc=0
  "$JBR" validate --dataset "$dataset" --ministry "$ministry" --year "$year" "${opts[@]}" --format json \
    "out/$file" >got.json 2>err.txt || rc=$?
  if [ $rc -ne 1 ]; then
    echo "FAIL $file: jbr validate exited $rc, expected 1 (errors found)"; cat err.txt; fail=1; continue
  fi
  # A finding matches a key entry with an unpinned column by code and row alone.
  jq -r '.findings[] | "\(.code)|\(.row)|\(.column)"' got.json |
    awk -F'|' 'NR == FNR { want[$0] = 1; next }
               ($1 "|" $2 "|*") in want { print $1 "|" $2 "|*"; next }
               ($1 "|*|*") in want { print $1 "|*|*"; next }
               { print }' want.txt - | sort >got.txt
  if [ "$(jq .truncated got.json)" != false ] || ! diff -u want.txt got.txt >diff.txt; then
    echo "FAIL $file ($(jq -r .kind <<<"$entry")): findings differ from the answer key"; cat diff.txt; fail=1
  else
    echo "ok   $file: $(wc -l <want.txt) finding(s)"
  fi
  # The clean delivery the defect was made from has no findings at all.
  clean=$(awk -F, -v d="$dataset" -v m="$ministry" -v y="$year" '$2 == d && $3 == m && $4 == y { print $1 }' out/manifest.csv)
  if ! "$JBR" validate --dataset "$dataset" --ministry "$ministry" --year "$year" --format json "out/$clean" >clean.json ||
     [ "$(jq '.findings | length' clean.json)" != 0 ]; then
    echo "FAIL the clean $clean has findings"; jq -c '.findings[:5][]' clean.json; fail=1
  fi
done
exit $fail
