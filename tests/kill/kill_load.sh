#!/usr/bin/env bash
# Kills `jbr load` with SIGKILL at many moments and checks that the store stays consistent, with
# the previous delivery current unless the killed load had already committed.
# Usage: kill_load.sh JBR [ROUNDS [PG_URL_FILE]]
# With PG_URL_FILE (a file holding a PostgreSQL server's URL, tests/pg/server.sh) the workspaces'
# stores are new databases on that server; else SQLite files.
set -euo pipefail
JBR=$(readlink -f "$1")
ROUNDS=${2:-12}
PG_URL_FILE=${3:-}
work=$(mktemp -d)
databases=()
cleanup() {
  for db in "${databases[@]}"; do psql "$server" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"
export JBR_WORKSPACE="$work/ws" JBR_USER=kill-test

backend=sqlite
if [ -n "$PG_URL_FILE" ]; then
  backend=postgresql
  server=$(cat "$PG_URL_FILE" 2>/dev/null || true)
  [ -n "$server" ] || { echo "no PostgreSQL server URL in $PG_URL_FILE: the server did not start"; exit 1; }
fi
# init_ws DIR: a workspace with a new store of the backend under test.
init_ws() {
  if [ "$backend" = sqlite ]; then
    "$JBR" init "$1" >/dev/null
  else
    local db="jbr_kill_$$_$(basename "$1")"
    psql "$server" -qc "CREATE DATABASE $db" >/dev/null
    databases+=("$db")
    "$JBR" --store "${server%/*}/$db" init "$1" >/dev/null
  fi
}
# q SQL: one query on the workspace ws, rows as a|b|c.
q() {
  if [ "$backend" = sqlite ]; then sqlite3 ws/jbr.sqlite "$1"; else psql "${server%/*}/jbr_kill_$$_ws" -Atc "$1"; fi
}

header='person_id,employment_id,organisation_unit,unit_type,start_date,end_date,weekly_hours,birth_year,gender,salary_scale,contract,jobs_agreement'
make_file() {  # rows, variant
  awk -v n="$1" -v v="$2" -v h="$header" 'BEGIN {
    print h
    for (i = 1; i <= n; i++)
      printf "P%07d,E%s%07d,Directie %d,core,2015-01-01,,%d,%d,female,%d,permanent,false\n",
             i, v, i, i % 50, 18 + i % 19, 1960 + i % 40, 1 + i % 19
  }'
}
make_file 1000 a >small.csv
make_file 300000 b >big1.csv
make_file 300000 c >big2.csv

init_ws ws
"$JBR" load -d personnel -m BZK -y 2020 small.csv >/dev/null
small_sha=$(sha256sum small.csv | cut -d' ' -f1)
big1_sha=$(sha256sum big1.csv | cut -d' ' -f1)
big2_sha=$(sha256sum big2.csv | cut -d' ' -f1)

# PostgreSQL: the server process of a killed load works on until it next reads from or writes to
# the gone client, holding its transaction open; the store is judged once it has ended, so that a
# commit in flight cannot land after the check.
wait_for_killed_session() {
  local i n
  for i in $(seq 600); do
    n=$(q "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
    [ "$n" = 0 ] && return 0
    sleep 0.1
  done
  echo "the killed load's server process is still there after 60 s"; exit 1
}

check_store() {
  local expect_sha=$1
  [ "$backend" = sqlite ] || wait_for_killed_session
  if [ "$backend" = sqlite ]; then
    [ "$(q 'PRAGMA integrity_check')" = ok ] || { echo "integrity_check failed"; exit 1; }
  else
    # No large objects, and every delivery's original bytes whole.
    [ "$(q 'SELECT count(*) FROM pg_largeobject_metadata')" = 0 ] || { echo "large objects left behind"; exit 1; }
    local torn
    torn=$(q "SELECT count(*) FROM deliveries d WHERE d.size_bytes <> (SELECT COALESCE(sum(length(f.bytes)), 0) FROM delivery_files f WHERE f.delivery_id = d.id)")
    [ "$torn" = 0 ] || { echo "$torn deliveries with missing bytes"; exit 1; }
  fi
  local current
  current=$(q "SELECT count(*), max(sha256) FROM deliveries WHERE status='accepted' AND dataset='personnel'")
  [ "$current" = "1|$expect_sha" ] || { echo "expected one current delivery $expect_sha, got $current"; exit 1; }
  # Every stored delivery is whole: all twelve fields, each field's chunks holding all its rows,
  # its original bytes and its audit entry; and no row of a delivery that is not there.
  local partial
  partial=$(q "SELECT count(*) FROM deliveries d JOIN delivery_fields f ON f.delivery_id = d.id WHERE d.row_count <> (SELECT COALESCE(sum(row_count),0) FROM delivery_chunks c WHERE c.delivery_id = d.id AND c.field = f.field)")
  [ "$partial" = 0 ] || { echo "$partial fields of deliveries with missing rows"; exit 1; }
  local fields
  fields=$(q "SELECT count(*) FROM deliveries d WHERE (SELECT count(*) FROM delivery_fields f WHERE f.delivery_id = d.id) <> 12 OR NOT EXISTS (SELECT 1 FROM delivery_files b WHERE b.delivery_id = d.id) OR (SELECT count(*) FROM audit_log a WHERE a.delivery_id = d.id AND a.action = 'load') <> 1")
  [ "$fields" = 0 ] || { echo "$fields deliveries without all their fields, bytes or audit entry"; exit 1; }
  local orphans
  orphans=$(q "SELECT (SELECT count(*) FROM delivery_chunks WHERE delivery_id NOT IN (SELECT id FROM deliveries)) + (SELECT count(*) FROM delivery_fields WHERE delivery_id NOT IN (SELECT id FROM deliveries)) + (SELECT count(*) FROM delivery_files WHERE delivery_id NOT IN (SELECT id FROM deliveries)) + (SELECT count(*) FROM audit_log WHERE action = 'load' AND delivery_id NOT IN (SELECT id FROM deliveries))")
  [ "$orphans" = 0 ] || { echo "$orphans rows of deliveries that are not there"; exit 1; }
}

# How long an undisturbed load takes here, so that the kills spread over all of it.
init_ws timing
t0=$(date +%s%N)
JBR_WORKSPACE="$work/timing" "$JBR" load -d personnel -m BZK -y 2020 big1.csv >/dev/null
duration_ms=$(( ($(date +%s%N) - t0) / 1000000 ))

current=$small_sha
killed_before=0; killed_after=0; finished=0
for round in $(seq 1 "$ROUNDS"); do
  # The big file that is not current, so that every round stores a new delivery.
  if [ "$current" = "$big1_sha" ]; then file=big2.csv; sha=$big2_sha; else file=big1.csv; sha=$big1_sha; fi
  "$JBR" load -d personnel -m BZK -y 2020 "$file" >/dev/null 2>&1 &
  pid=$!
  # Kills spread from the start to past the end of an undisturbed load (hashing, validating,
  # writing, committing, exiting), each at a random moment within its stretch.
  stretch=$(( duration_ms * 12 / (10 * ROUNDS) ))
  delay_ms=$(( stretch * (round - 1) + RANDOM % (stretch + 1) ))
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  kill -9 "$pid" 2>/dev/null || true
  rc=0; wait "$pid" 2>/dev/null || rc=$?
  [ "$backend" = sqlite ] || wait_for_killed_session
  committed=$(q "SELECT count(*) FROM deliveries WHERE sha256 = '$sha' AND status = 'accepted'")
  case "$rc/$committed" in
    137/0) killed_before=$((killed_before + 1)) ;;
    137/1) killed_after=$((killed_after + 1)); current=$sha ;;
    0/1) finished=$((finished + 1)); current=$sha ;;
    *) echo "round $round: the load exited $rc and its delivery is current $committed times"; exit 1 ;;
  esac
  check_store "$current"
done
if [ "$current" = "$big1_sha" ]; then file=big2.csv; sha=$big2_sha; else file=big1.csv; sha=$big1_sha; fi
"$JBR" load -d personnel -m BZK -y 2020 "$file" >/dev/null
check_store "$sha"
[ $((killed_before + killed_after)) -gt 0 ] || { echo "no load was killed: every one finished first"; exit 1; }
echo "kill test ($backend): a load takes ${duration_ms} ms; $ROUNDS rounds: $killed_before loads killed before their commit (the previous delivery stayed current), $killed_after killed after it (the new one current), $finished finished first; store consistent every time"
