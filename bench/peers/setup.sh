#!/usr/bin/env bash
# Writes the parameter tables of indicators.sql for one year, as SQL that SQLite and DuckDB both run:
#   bench/peers/setup.sh YEAR RIJK_SCOPE_CSV > setup.sql
# params (the year's first and last day as days since 1970-01-01, its days, and both as ISO text for
# the ICT dates), periods (the year and its quarters; mult 4 puts a quarter's episodes on a year
# basis), excluded (the ministries data/reference/rijk_scope.csv leaves out of the Rijk for personnel
# or absence), and from the reference files beside it: factors (tonnes CO2 per km of each travel
# mode and flight class in the vintage that emission_factor_vintages.csv assigns to the year) and
# flight_classes (a single trip's km: above lo, up to hi; hi NULL is open).
set -euo pipefail
year="$1"
scope="$2"
day() { echo $(($(date -u -d "$1" +%s) / 86400)); }
y0=$(day "$year-01-01")
y1=$(day "$year-12-31")
echo "CREATE TABLE params(y0 INTEGER, y1 INTEGER, ydays INTEGER, yfirst TEXT, ylast TEXT);"
echo "INSERT INTO params VALUES ($y0, $y1, $((y1 - y0 + 1)), '$year-01-01', '$year-12-31');"
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
ref="$(dirname "$scope")"
# The vintage of the year: the row with the largest from_year not after it.
vintage=$(awk -F, -v y="$year" 'NR > 1 && $1 + 0 <= y && $1 + 0 >= best { best = $1 + 0; v = $2 } END { print v }' \
  "$ref/emission_factor_vintages.csv")
[ -n "$vintage" ] || { echo "setup.sh: no emission factor vintage for $year" >&2; exit 1; }
echo "CREATE TABLE factors(mode TEXT, class TEXT, t_per_km DOUBLE);"
# vintage,mode,distance_class,factor_g_per_km,unit,...: travel modes are per km or per passenger-km;
# the unit's mass (g, kg, t) gives the tonnes.
awk -F, -v v="$vintage" 'NR > 1 && $1 == v && $5 ~ /_per_(passenger_)?km$/ {
    mass = $5; sub(/_per_.*/, "", mass)
    t = mass == "g" ? "1e-6" : mass == "kg" ? "1e-3" : mass == "t" ? "1.0" : ""
    if (t == "") { print "setup.sh: unit " $5 " of " $2 " is not g, kg or t per km" > "/dev/stderr"; exit 1 }
    printf "INSERT INTO factors VALUES (\x27%s\x27, \x27%s\x27, %s * %s);\n", $2, $3, $4, t
  }' "$ref/emission_factors.csv"
echo "CREATE TABLE flight_classes(class TEXT, lo DOUBLE, hi DOUBLE);"
awk -F, 'NR > 1 { printf "INSERT INTO flight_classes VALUES (\x27%s\x27, %s, %s);\n", $1, $2, $3 == "" ? "NULL" : $3 }' \
  "$ref/flight_distance_classes.csv"
