#!/usr/bin/env bash
# jbr synth --defects end to end: generate a small Rijk with one defect of every kind, then run
# jbr validate on every spoilt file and check that its findings, as (code, row, column), are exactly
# the answer key's (check_answer_key.sh). manifest.csv must not list the spoilt files. The same run
# adds a random mix (--defect-rate) over all datasets.
#
# Usage: synth_defects.sh JBR      (needs jq)
set -euo pipefail
JBR=$(readlink -f "$1")
HERE=$(dirname "$(readlink -f "$0")")
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
# One run for both (a debug build takes most of a minute to synthesise): the spec, and a random mix
# over every dataset, about one delivery in ten, kinds and rows drawn from the seed.
"$JBR" synth --years 2020 --scale 0.02 --seed 7 --out out --defects spec.json --defect-rate 0.1 >synth.out
key=out/defects/answer-key.json
[ -f "$key" ] || { echo "no answer key"; cat synth.out; exit 1; }

fail=0
kinds=$(jq '[.files[].kind] | unique | length' "$key")
[ "$kinds" = 11 ] || { echo "the key covers $kinds kinds, not 11"; fail=1; }
files=$(jq '.files | length' "$key")
[ "$files" -ge 19 ] || { echo "the key lists $files files, not the 14 of the spec and at least 5 of the mix"; fail=1; }
if grep -q defects out/manifest.csv; then echo "manifest.csv lists spoilt files"; fail=1; fi

"$HERE"/check_answer_key.sh "$JBR" out || fail=1
exit $fail
