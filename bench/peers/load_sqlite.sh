#!/usr/bin/env bash
# The SQLite peer's load: the personnel, absence, external_hire, mobility, ict_activities and
# ict_records deliveries of one year of a synthetic Rijk (plain UTF-8 CSV, `jbr synth --style
# utf8-comma`) into the tables of indicators.sql, in a fresh database file, by sqlite3's own .import
# and one INSERT ... SELECT a file (the table delivered lists every file, empty ones too):
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
  echo "CREATE TABLE m(ministry TEXT, d INTEGER, purpose TEXT, mode TEXT, km REAL, trips INTEGER);"
  echo "CREATE TABLE ia(ministry TEXT, activity TEXT, status TEXT, ref TEXT);"
  echo "CREATE TABLE ir(ministry TEXT, activity TEXT, d TEXT, action TEXT, e TEXT, cost REAL, rn INTEGER);"
  echo "CREATE TABLE delivered(dataset TEXT, ministry TEXT);"
  echo "BEGIN;"
  awk -F, -v y="$year" 'NR > 1 && $4 == y && $2 ~ /^(personnel|absence|external_hire|mobility|ict_activities|ict_records)$/ { print $1, $2, $3 }' \
      "$dir/manifest.csv" | while read -r file dataset ministry; do
    echo "INSERT INTO delivered VALUES ('$dataset', '$ministry');"
    echo ".import --csv '$dir/$file' stage_$dataset"
    case "$dataset" in
      personnel)
        echo "INSERT INTO p SELECT '$ministry', person_id, $(day start_date), $(day end_date), CAST(weekly_hours AS REAL) FROM stage_personnel;" ;;
      absence)
        echo "INSERT INTO a SELECT '$ministry', episode_id, person_id, $(day start_date), $(day end_date),"
        echo "  CAST(nullif(degree, '') AS REAL), CASE WHEN lower(pregnancy) IN ('true', '1', 'ja', 'j', 'yes') THEN 1 ELSE 0 END FROM stage_absence;" ;;
      external_hire)
        echo "INSERT INTO h SELECT '$ministry', category, CAST(nullif(amount_eur, '') AS REAL) FROM stage_external_hire;" ;;
      mobility)
        echo "INSERT INTO m SELECT '$ministry', $(day date), nullif(purpose, ''), nullif(mode, ''),"
        echo "  CAST(nullif(distance_km, '') AS REAL), CAST(nullif(trips, '') AS INTEGER) FROM stage_mobility;" ;;
      ict_activities)
        echo "INSERT INTO ia SELECT '$ministry', activity_id, status, nullif(reference_date, '') FROM stage_ict_activities;" ;;
      ict_records)
        # rn: the row's place in the file, which breaks ties between records of one date.
        echo "INSERT INTO ir SELECT '$ministry', activity_id, nullif(date, ''), action, nullif(end_date_estimate, ''),"
        echo "  CAST(nullif(cost_estimate_eur, '') AS REAL), rowid FROM stage_ict_records;" ;;
    esac
    echo "DROP TABLE stage_$dataset;"
  done
  echo "COMMIT;"
} | sqlite3 "$db"
