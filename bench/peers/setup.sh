#!/usr/bin/env bash
# Writes the parameter tables of indicators.sql for one year, as SQL that SQLite and DuckDB both run:
#   bench/peers/setup.sh YEAR RIJK_SCOPE_CSV > setup.sql
# params (the year's first and last day as days since 1970-01-01, its days), periods (the year and
# its quarters; mult 4 puts a quarter's episodes on a year basis) and excluded (the ministries
# data/reference/rijk_scope.csv leaves out of the Rijk for personnel or absence).
set -euo pipefail
year="$1"
scope="$2"
day() { echo $(($(date -u -d "$1" +%s) / 86400)); }
y0=$(day "$year-01-01")
y1=$(day "$year-12-31")
echo "CREATE TABLE params(y0 INTEGER, y1 INTEGER, ydays INTEGER);"
echo "INSERT INTO params VALUES ($y0, $y1, $((y1 - y0 + 1)));"
echo "CREATE TABLE periods(period TEXT, pf INTEGER, pl INTEGER, days INTEGER, mult INTEGER);"
echo "INSERT INTO periods VALUES ('$year', $y0, $y1, $((y1 - y0 + 1)), 1);"
for q in 1 2 3 4; do
  first=$(day "$year-$(printf %02d $((3 * q - 2)))-01")
  if [ "$q" = 4 ]; then last=$y1; else last=$(($(day "$year-$(printf %02d $((3 * q + 1)))-01") - 1)); fi
  echo "INSERT INTO periods VALUES ('$year-Q$q', $first, $last, $((last - first + 1)), 4);"
done
echo "CREATE TABLE excluded(ministry TEXT);"
awk -F, 'NR > 1 && ($1 == "personnel" || $1 == "absence") { n = split($2, m, ";"); for (i = 1; i <= n; i++) if (m[i] != "") print m[i] }' "$scope" |
  sort -u | while read -r m; do echo "INSERT INTO excluded VALUES ('$m');"; done
