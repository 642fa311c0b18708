#!/usr/bin/env bash
# Checks every file of a jbr synth answer key (OUT/defects/answer-key.json) with jbr validate: its
# findings, as (code, row, column), must be exactly the key's (a key column of null matches any
# column); the clean delivery it was made from (manifest.csv) must have no findings at all.
#
# Usage: check_answer_key.sh JBR OUT      (needs jq; run outside a workspace)
set -euo pipefail
JBR=$(readlink -f "$1")
out=$2
key=$out/defects/answer-key.json
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail=0
n=$(jq '.files | length' "$key")
for ((i = 0; i < n; i++)); do
  entry=$(jq -c ".files[$i]" "$key")
  file=$(jq -r .file <<<"$entry")
  dataset=$(jq -r .dataset <<<"$entry")
  ministry=$(jq -r .ministry <<<"$entry")
  year=$(jq -r .year <<<"$entry")
  mapfile -t opts < <(jq -r '.validate_options[]' <<<"$entry")
  jq -r '.findings[] | "\(.code)|\(.row // "*")|\(.column // "*")"' <<<"$entry" | sort >"$scratch/want.txt"
  rc=0
  "$JBR" validate --dataset "$dataset" --ministry "$ministry" --year "$year" "${opts[@]}" --format json \
    "$out/$file" >"$scratch/got.json" 2>"$scratch/err.txt" || rc=$?
  if [ $rc -ne 1 ]; then
    echo "FAIL $file: jbr validate exited $rc, expected 1 (errors found)"; cat "$scratch/err.txt" || true; fail=1; continue
  fi
  # A finding matches a key entry with an unpinned column by code and row alone.
  jq -r '.findings[] | "\(.code)|\(.row)|\(.column)"' "$scratch/got.json" |
    awk -F'|' 'NR == FNR { want[$0] = 1; next }
               ($1 "|" $2 "|*") in want { print $1 "|" $2 "|*"; next }
               ($1 "|*|*") in want { print $1 "|*|*"; next }
               { print }' "$scratch/want.txt" - | sort >"$scratch/got.txt"
  if [ "$(jq .truncated "$scratch/got.json")" != false ] || ! diff -u "$scratch/want.txt" "$scratch/got.txt" >"$scratch/diff.txt"; then
    echo "FAIL $file ($(jq -r .kind <<<"$entry")): findings differ from the answer key"; cat "$scratch/diff.txt"; fail=1
  else
    echo "ok   $file: $(wc -l <"$scratch/want.txt") finding(s)"
  fi
  # The clean delivery the defect was made from has no findings at all.
  clean=$(awk -F, -v d="$dataset" -v m="$ministry" -v y="$year" '$2 == d && $3 == m && $4 == y { print $1 }' "$out/manifest.csv")
  if ! "$JBR" validate --dataset "$dataset" --ministry "$ministry" --year "$year" --format json "$out/$clean" >"$scratch/clean.json" ||
     [ "$(jq '.findings | length' "$scratch/clean.json")" != 0 ]; then
    echo "FAIL the clean $clean has findings"; jq -c '.findings[:5][]' "$scratch/clean.json" || true; fail=1
  fi
done
exit $fail
