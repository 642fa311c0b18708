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
make_file 300000 b >big.csv

init_ws ws
"$JBR" load -d personnel -m BZK -y 2020 small.csv >/dev/null
small_sha=$(sha256sum small.csv | cut -d' ' -f1)
big_sha=$(sha256sum big.csv | cut -d' ' -f1)

check_store() {
  local expect_sha=$1
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
  # Every stored delivery is whole: its chunks hold all its rows.
  local partial
  partial=$(q "SELECT count(*) FROM deliveries d WHERE d.row_count <> (SELECT COALESCE(sum(row_count),0) FROM delivery_chunks c WHERE c.delivery_id = d.id AND c.field = 'person_id')")
  [ "$partial" = 0 ] || { echo "$partial deliveries with missing rows"; exit 1; }
}

# How long an undisturbed load takes here, so that the kills spread over all of it.
init_ws timing
t0=$(date +%s%N)
JBR_WORKSPACE="$work/timing" "$JBR" load -d personnel -m BZK -y 2020 big.csv >/dev/null
duration_ms=$(( ($(date +%s%N) - t0) / 1000000 ))

expected=$small_sha
killed=0
for round in $(seq 1 "$ROUNDS"); do
  "$JBR" load -d personnel -m BZK -y 2020 big.csv >/dev/null 2>&1 &
  pid=$!
  # Spread the kills over the whole load: hashing, validating, writing, committing.
  delay_ms=$(( duration_ms * round / (ROUNDS + 1) ))
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
  wait "$pid" 2>/dev/null && expected=$big_sha || true
  # A load that finished before the kill has made big.csv current; later rounds then find it identical.
  [ "$(q "SELECT count(*) FROM deliveries WHERE sha256='$big_sha'")" = 1 ] && expected=$big_sha
  check_store "$expected"
done
"$JBR" load -d personnel -m BZK -y 2020 big.csv >/dev/null
check_store "$big_sha"
echo "kill test ($backend): a load takes ${duration_ms} ms; $ROUNDS rounds, $killed loads killed midway, store consistent every time"
