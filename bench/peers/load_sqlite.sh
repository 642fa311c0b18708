#!/usr/bin/env bash
# The SQLite peer's load: the personnel, absence and external_hire deliveries of one year of a
# synthetic Rijk (plain UTF-8 CSV, `jbr synth --style utf8-comma`) into the tables of
# indicators.sql, in a fresh database file, by sqlite3's own .import and one INSERT ... SELECT a file:
#   bench/peers/load_sqlite.sh SYNTH_DIR YEAR DB
set -euo pipefail
dir="$1"
year="$2"
db="$3"
[ ! -e "$db" ] || { echo "$db exists; the peer wants a fresh database" >&2; exit 2; }
day() { echo "CAST(julianday(nullif($1, '')) - 2440587.5 AS INTEGER)"; }
{
  echo "CREATE TABLE p(ministry TEXT, pid TEXT, s INTEGER, e INTEGER, hours REAL);"
  echo "CREATE TABLE a(ministry TEXT, episode TEXT, pid TEXT, s INTEGER, e INTEGER, degree REAL, preg INTEGER);"
  echo "CREATE TABLE h(ministry TEXT, category TEXT, amount REAL);"
  echo "BEGIN;"
  awk -F, -v y="$year" 'NR > 1 && $4 == y && ($2 == "personnel" || $2 == "absence" || $2 == "external_hire") { print $1, $2, $3 }' \
      "$dir/manifest.csv" | while read -r file dataset ministry; do
    echo ".import --csv '$dir/$file' stage_$dataset"
    case "$dataset" in
      personnel)
        echo "INSERT INTO p SELECT '$ministry', person_id, $(day start_date), $(day end_date), CAST(weekly_hours AS REAL) FROM stage_personnel;" ;;
      absence)
        echo "INSERT INTO a SELECT '$ministry', episode_id, person_id, $(day start_date), $(day end_date),"
        echo "  CAST(nullif(degree, '') AS REAL), CASE WHEN lower(pregnancy) IN ('true', '1', 'ja', 'j', 'yes') THEN 1 ELSE 0 END FROM stage_absence;" ;;
      external_hire)
        echo "INSERT INTO h SELECT '$ministry', category, CAST(nullif(amount_eur, '') AS REAL) FROM stage_external_hire;" ;;
    esac
    echo "DROP TABLE stage_$dataset;"
  done
  echo "COMMIT;"
} | sqlite3 "$db"
