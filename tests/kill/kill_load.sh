#!/usr/bin/env bash
# Kills `jbr load` with SIGKILL at many moments and checks that the store stays consistent, with
# the previous delivery current unless the killed load had already committed.
# Usage: kill_load.sh JBR [ROUNDS]
set -euo pipefail
JBR=$(readlink -f "$1")
ROUNDS=${2:-12}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export JBR_WORKSPACE="$work/ws" JBR_USER=kill-test

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

"$JBR" init ws >/dev/null
"$JBR" load -d personnel -m BZK -y 2020 small.csv >/dev/null
small_sha=$(sha256sum small.csv | cut -d' ' -f1)
big_sha=$(sha256sum big.csv | cut -d' ' -f1)

check_store() {
  local expect_sha=$1
  [ "$(sqlite3 ws/jbr.sqlite 'PRAGMA integrity_check')" = ok ] || { echo "integrity_check failed"; exit 1; }
  local current
  current=$(sqlite3 ws/jbr.sqlite "SELECT count(*), max(sha256) FROM deliveries WHERE status='accepted' AND dataset='personnel'")
  [ "$current" = "1|$expect_sha" ] || { echo "expected one current delivery $expect_sha, got $current"; exit 1; }
  # Every stored delivery is whole: its chunks hold all its rows.
  local partial
  partial=$(sqlite3 ws/jbr.sqlite "SELECT count(*) FROM deliveries d WHERE d.row_count <> (SELECT COALESCE(sum(row_count),0) FROM delivery_chunks c WHERE c.delivery_id = d.id AND c.field = 'person_id')")
  [ "$partial" = 0 ] || { echo "$partial deliveries with missing rows"; exit 1; }
}

# How long an undisturbed load takes here, so that the kills spread over all of it.
"$JBR" init timing >/dev/null
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
  [ "$(sqlite3 ws/jbr.sqlite "SELECT count(*) FROM deliveries WHERE sha256='$big_sha'")" = 1 ] && expected=$big_sha
  check_store "$expected"
done
"$JBR" load -d personnel -m BZK -y 2020 big.csv >/dev/null
check_store "$big_sha"
echo "kill test: a load takes ${duration_ms} ms; $ROUNDS rounds, $killed loads killed midway, store consistent every time"
