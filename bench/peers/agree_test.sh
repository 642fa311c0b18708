#!/usr/bin/env bash
# The peers' agreement at a small scale, as a test (ctest peer_agreement): a synthetic Rijk of 2021
# at a fifth of its size, its personnel, absence and external_hire deliveries loaded into jbr, the
# peer subset computed by jbr (one indicator pattern at a time, which keeps disclosure control
# small) and by sqlite3 and DuckDB from the same CSV files with indicators.sql. Fails when any
# published figure disagrees, so a regression in jbr or in the SQL shows. DuckDB comes from the
# pinned npm package (bench/package-lock.json), installed here when missing.
#   bench/peers/agree_test.sh JBR [SCALE]
set -euo pipefail
export LC_ALL=C
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bench="$(dirname "$here")"
root="$(dirname "$bench")"
jbr="$(realpath "$1")"
scale="${2:-0.2}"
# shellcheck source=../../tests/skip_or_fail.sh
source "$root/tests/skip_or_fail.sh"
command -v sqlite3 >/dev/null || skip_or_fail "sqlite3 is not installed"
command -v node >/dev/null || skip_or_fail "node is not installed"
if [ ! -d "$bench/node_modules/@duckdb/node-api" ]; then
  (cd "$bench" && npm ci --no-audit --no-fund >/dev/null 2>&1) || skip_or_fail "npm ci in bench/ failed (no registry?)"
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
year=2021
"$jbr" synth --years "$year" --scale "$scale" --style utf8-comma --out "$tmp/synth" >/dev/null
"$jbr" init "$tmp/ws" >/dev/null
awk -F, 'NR > 1 && $2 ~ /^(personnel|absence|external_hire|mobility|ict_activities|ict_records)$/ { print $1, $2, $3, $4 }' \
    "$tmp/synth/manifest.csv" | while read -r file dataset ministry y; do
  "$jbr" -w "$tmp/ws" load --dataset "$dataset" --ministry "$ministry" --year "$y" "$tmp/synth/$file" >/dev/null
done
for pattern in personnel.headcount 'personnel.fte*' absence.rate absence.frequency hire.share co2.mobility \
    ict.cost_change ict.by_slip_class; do
  "$jbr" -w "$tmp/ws" compute --year "$year" --indicator "$pattern" --format csv >"$tmp/part.csv"
  if [ ! -f "$tmp/jbr.csv" ]; then head -1 "$tmp/part.csv" >"$tmp/jbr.csv"; fi
  tail -n +2 "$tmp/part.csv" >>"$tmp/jbr.csv"
done
"$here/setup.sh" "$year" "$root/data/reference/rijk_scope.csv" >"$tmp/setup.sql"
"$here/load_sqlite.sh" "$tmp/synth" "$year" "$tmp/peer.sqlite"
cat "$tmp/setup.sql" "$here/indicators.sql" | sqlite3 -csv "$tmp/peer.sqlite" >"$tmp/sqlite.csv"
node "$here/duckdb.mjs" "$tmp/synth" "$year" "$tmp/peer.duckdb" "$tmp/setup.sql" "$tmp/duckdb.csv" >/dev/null
status=0
"$here/agree.sh" sqlite3 "$tmp/sqlite.csv" "$tmp/jbr.csv" || status=1
"$here/agree.sh" duckdb "$tmp/duckdb.csv" "$tmp/jbr.csv" || status=1
# The test must be able to fail: a figure of each kind changed by one part in a million is caught
# (the Rijk's fte, the Rijk's CO2 of flights, the Rijk's ICT cost change), and so is one activity more
# in a slip class.
spoil() {
  awk -F, -v ind="$1" -v cat="$2" -v by="$3" 'BEGIN { OFS = ","; OFMT = CONVFMT = "%.17g" }
    { c = $4; gsub(/"/, "", c) }
    $1 == ind && $2 == "Rijk" && c == cat { $5 = by == "+1" ? $5 + 1 : $5 * 1.000001 } { print }' "$tmp/sqlite.csv" >"$tmp/spoilt.csv"
  cmp -s "$tmp/sqlite.csv" "$tmp/spoilt.csv" && { echo "FAIL: the peer has no Rijk $1 $2 to spoil"; status=1; return; }
  if "$here/agree.sh" spoilt "$tmp/spoilt.csv" "$tmp/jbr.csv" >/dev/null; then
    echo "FAIL: agree.sh accepted a changed $1 $2"
    status=1
  fi
}
spoil personnel.fte "" x
spoil co2.mobility flights x
spoil ict.cost_change "" x
spoil ict.by_slip_class "Later >1 jaar" +1
exit "$status"
