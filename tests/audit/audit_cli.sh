#!/usr/bin/env bash
# jbr audit-publication as a black box: exit codes 0 (safe), 1 (unsafe), 2 (usage), 3 (cannot
# read), and the counts of its JSON report, on hand-made publications.
set -euo pipefail
JBR=${1:?usage: audit_cli.sh path/to/jbr}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

HEADER="indicator,ministry,unit_type,period,category,value,numerator,denominator,unit,status,previous,change,flag"
publication() {  # DIR, then the data rows of indicators.csv
  local dir=$1
  shift
  mkdir -p "$dir/opendata"
  printf '%s\n' "id,title_nl,title_en,unit,definition_nl,definition_en,datasets,disclosure" \
    "personnel.headcount,Aantal,Headcount,persons,,,personnel,person-count" \
    >"$dir/opendata/definitions.csv"
  printf '%s\n' "$HEADER" "$@" >"$dir/opendata/indicators.csv"
}
expect_exit() {  # CODE, then the command
  local want=$1
  shift
  set +e
  "$@" >"$TMP/out" 2>"$TMP/err"
  local got=$?
  set -e
  if [[ $got != "$want" ]]; then
    echo "FAIL: '$*' exited $got, want $want"
    cat "$TMP/out" "$TMP/err"
    exit 1
  fi
}

# BZK's zbo is all units minus the other two: 100 - 60 - 37 = 3 (FIN confirms the relation).
publication "$TMP/open" \
  "personnel.headcount,FIN,,2021,,50,50,1,persons,published,,," \
  "personnel.headcount,FIN,kern,2021,,30,30,1,persons,published,,," \
  "personnel.headcount,FIN,agentschap,2021,,20,20,1,persons,published,,," \
  "personnel.headcount,BZK,,2021,,100,100,1,persons,published,,," \
  "personnel.headcount,BZK,kern,2021,,60,60,1,persons,published,,," \
  "personnel.headcount,BZK,agentschap,2021,,37,37,1,persons,published,,," \
  "personnel.headcount,BZK,zbo,2021,,,,,persons,suppressed,,,"
expect_exit 1 "$JBR" audit-publication "$TMP/open" --format json
python3 - "$TMP/out" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["safe"] is False, r
assert r["exact_recoveries"] == 1 and r["suppressed_cells"] == 1, r
f = r["failures"][0]
assert (f["ministry"], f["unit_type"], f["lo"], f["hi"]) == ("BZK", "zbo", 3, 3), f
PY
expect_exit 1 "$JBR" audit-publication "$TMP/open"
grep -q "FAIL personnel.headcount/BZK/zbo/2021/\* numerator (open) \[3, 3\]" "$TMP/out"

# Agentschap hidden as well: each of the two anywhere in [0, 40].
publication "$TMP/safe" \
  "personnel.headcount,FIN,,2021,,50,50,1,persons,published,,," \
  "personnel.headcount,FIN,kern,2021,,30,30,1,persons,published,,," \
  "personnel.headcount,FIN,agentschap,2021,,20,20,1,persons,published,,," \
  "personnel.headcount,BZK,,2021,,100,100,1,persons,published,,," \
  "personnel.headcount,BZK,kern,2021,,60,60,1,persons,published,,," \
  "personnel.headcount,BZK,agentschap,2021,,,,,persons,suppressed,,," \
  "personnel.headcount,BZK,zbo,2021,,,,,persons,suppressed,,,"
expect_exit 0 "$JBR" audit-publication "$TMP/safe"
grep -q "verdict: safe" "$TMP/out"

# Usage errors, a missing publication, a malformed file.
expect_exit 2 "$JBR" audit-publication "$TMP/safe" --format xml
expect_exit 2 "$JBR" audit-publication "$TMP/safe" --protection-percent -1
expect_exit 3 "$JBR" audit-publication "$TMP/nothing-here"
grep -q "opendata/indicators.csv" "$TMP/err"
publication "$TMP/broken" "personnel.headcount,BZK,,2021,,1,x,1,persons,published,,,"
expect_exit 3 "$JBR" audit-publication "$TMP/broken"
grep -q "indicators.csv:2:numerator" "$TMP/err"
echo "audit-publication: all checks passed"
