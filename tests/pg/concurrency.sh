#!/usr/bin/env bash
# Several jbr processes on one store at the same moment, with real processes:
#   1. two `jbr load` of the same dataset, ministry and year at once, ROUNDS times: every time both
#      are stored, exactly one is current and the other superseded by it (the wins are counted);
#   2. twelve `jbr load` of twelve ministries' Rijk-scale deliveries at once: each stored once, whole;
#   3. `jbr compute` while loads commit: each run saw one whole delivery, never a mix of two (and
#      `jbr explain` likewise).
# Usage: concurrency.sh JBR [ROUNDS [PG_URL_FILE]]: with PG_URL_FILE (tests/pg/server.sh) on
# PostgreSQL (a new database each part), else on SQLite files.
set -euo pipefail
JBR=$(readlink -f "$1")
ROUNDS=${2:-100}
PG_URL_FILE=${3:-}
work=$(mktemp -d)
databases=()
cleanup() {
  for db in "${databases[@]}"; do psql "$server" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"
export JBR_USER=concurrency-test

backend=sqlite
if [ -n "$PG_URL_FILE" ]; then
  backend=postgresql
  server=$(cat "$PG_URL_FILE" 2>/dev/null || true)
  [ -n "$server" ] || { echo "no PostgreSQL server URL in $PG_URL_FILE: the server did not start"; exit 1; }
fi
fail() { echo "FAIL: $*"; exit 1; }

# new_ws NAME: a workspace with a new store; sets $url (the store) and exports JBR_WORKSPACE.
new_ws() {
  export JBR_WORKSPACE="$work/$1"
  if [ "$backend" = sqlite ]; then
    url="sqlite:$work/$1/jbr.sqlite"
    "$JBR" init "$1" >/dev/null
  else
    local db="jbr_conc_$$_$1"
    psql "$server" -qc "CREATE DATABASE $db" >/dev/null
    databases+=("$db")
    url="${server%/*}/$db"
    "$JBR" --store "$url" init "$1" >/dev/null
  fi
}
q() {  # SQL -> rows as a|b
  if [ "$backend" = sqlite ]; then sqlite3 "${url#sqlite:}" "$1"; else psql "$url" -Atc "$1"; fi
}

header='person_id,employment_id,organisation_unit,unit_type,start_date,end_date,weekly_hours,birth_year,gender,salary_scale,contract,jobs_agreement'
personnel() {  # rows tag: a personnel file, every person employed all year
  awk -v n="$1" -v t="$2" -v h="$header" 'BEGIN {
    print h
    for (i = 1; i <= n; i++)
      printf "P%07d,E%07d,Directie %s %d,core,2015-01-01,,%d,%d,female,%d,permanent,false\n",
             i, i, t, i % 40, 18 + i % 19, 1960 + i % 40, 1 + i % 18
  }'
}
sha() { sha256sum "$1" | cut -d' ' -f1; }

# 1. Two loads of one key at once.
new_ws pairs
wins_a=0; wins_b=0; previous=""
for round in $(seq 1 "$ROUNDS"); do
  personnel 200 "a$round" >a.csv
  personnel 201 "b$round" >b.csv
  "$JBR" load -d personnel -m BZK -y 2020 a.csv >a.out 2>&1 & pa=$!
  "$JBR" load -d personnel -m BZK -y 2020 b.csv >b.out 2>&1 & pb=$!
  ra=0; rb=0
  wait "$pa" || ra=$?
  wait "$pb" || rb=$?
  [ "$ra" = 0 ] && [ "$rb" = 0 ] || fail "round $round: exit codes $ra and $rb: $(cat a.out b.out)"
  sa=$(sha a.csv); sb=$(sha b.csv)
  current=$(q "SELECT sha256 FROM deliveries WHERE dataset = 'personnel' AND ministry = 'BZK' AND year = 2020 AND status = 'accepted'")
  case "$current" in
    "$sa") winner=$sa; loser=$sb; wins_a=$((wins_a + 1)) ;;
    "$sb") winner=$sb; loser=$sa; wins_b=$((wins_b + 1)) ;;
    *) fail "round $round: the current delivery is neither file: '$current'" ;;
  esac
  # The loser is superseded by the winner, and itself superseded the previous round's winner.
  row=$(q "SELECT l.status, CASE WHEN w.supersedes = l.id THEN 1 ELSE 0 END, COALESCE(p.sha256, '') FROM deliveries l JOIN deliveries w ON w.sha256 = '$winner' LEFT JOIN deliveries p ON p.id = l.supersedes WHERE l.sha256 = '$loser'")
  [ "$row" = "superseded|1|$previous" ] || fail "round $round: loser row '$row', expected 'superseded|1|$previous'"
  previous=$winner
done
total=$(q "SELECT count(*), sum(CASE WHEN status = 'accepted' THEN 1 ELSE 0 END) FROM deliveries")
[ "$total" = "$((2 * ROUNDS))|1" ] || fail "after $ROUNDS rounds: deliveries|current = $total"
loads=$(q "SELECT count(*) FROM audit_log WHERE action = 'load'")
[ "$loads" = $((2 * ROUNDS)) ] || fail "audit log has $loads loads"
echo "two loads at once ($backend): $ROUNDS rounds, $((2 * ROUNDS)) deliveries stored, one current each round: a became current $wins_a times, b $wins_b times"

# 2. Twelve ministries at once, 30,000 persons each.
new_ws twelve
ministries=(AZ BZ BZK DEF EZK FIN IenW JenV LNV OCW SZW VWS)
for m in "${ministries[@]}"; do personnel 30000 "$m" >"$m.csv"; done
pids=()
for m in "${ministries[@]}"; do
  "$JBR" load -d personnel -m "$m" -y 2020 "$m.csv" >"$m.out" 2>&1 & pids+=($!)
done
for i in "${!pids[@]}"; do
  wait "${pids[$i]}" || fail "load of ${ministries[$i]} failed: $(cat "${ministries[$i]}.out")"
done
for m in "${ministries[@]}"; do
  row=$(q "SELECT count(*), max(sha256), max(row_count), max(status) FROM deliveries WHERE ministry = '$m'")
  [ "$row" = "1|$(sha "$m.csv")|30000|accepted" ] || fail "$m: '$row'"
done
[ "$(q 'SELECT count(*) FROM deliveries')" = 12 ] || fail "not twelve deliveries"
echo "twelve loads at once ($backend): 12 ministries x 30000 rows, each stored once and whole"

# 3. Compute while loads commit: each run's headcount and its deliveries are of one delivery.
new_ws snapshot
personnel 40000 x >x.csv
personnel 60000 y >y.csv
"$JBR" load -d personnel -m BZK -y 2020 x.csv >/dev/null
( for i in $(seq 1 10); do
    if [ $((i % 2)) = 1 ]; then f=y.csv; else f=x.csv; fi
    "$JBR" load -d personnel -m BZK -y 2020 "$f" >/dev/null
  done ) & loader=$!
runs=0; seen_x=0; seen_y=0; explains=0
while kill -0 "$loader" 2>/dev/null || [ "$runs" -lt 3 ]; do
  "$JBR" compute --year 2020 --ministry BZK --indicator personnel.headcount --format json >run.json
  runs=$((runs + 1))
  used=$(jq -c '[.values[] | select(.ministry == "BZK" and .period == "2020" and .unit_type == "" and .indicator == "personnel.headcount")] | first | [.value, .deliveries]' run.json)
  value=$(jq -r '.[0]' <<<"$used")
  ids=$(jq -r '.[1] | join(",")' <<<"$used")
  [[ "$ids" =~ ^[0-9]+$ ]] || fail "run $runs used deliveries '$ids', not one"
  rows=$(q "SELECT row_count FROM deliveries WHERE id = $ids")
  case "$value" in
    40000) seen_x=$((seen_x + 1)) ;;
    60000) seen_y=$((seen_y + 1)) ;;
    *) fail "run $runs: headcount $value is neither delivery's" ;;
  esac
  [ "$rows" = "$value" ] || fail "run $runs: headcount $value from delivery $ids of $rows rows: a mix"
  # jbr explain computes the figure it explains the same way, from one snapshot.
  "$JBR" explain personnel.headcount --ministry BZK --year 2020 >explain.txt
  value=$(sed -n 's/^BZK 2020: personnel.headcount = .* = \([0-9]*\)\.0000 .*/\1/p' explain.txt)
  ids=$(sed -n 's/^  \([0-9][0-9]*\) personnel BZK 2020: .*/\1/p' explain.txt | paste -sd,)
  [[ "$ids" =~ ^[0-9]+$ ]] || fail "explain $runs used deliveries '$ids', not one: $(cat explain.txt)"
  [ "$(q "SELECT row_count FROM deliveries WHERE id = $ids")" = "$value" ] ||
    fail "explain $runs: headcount '$value' from delivery $ids: a mix"
  explains=$((explains + 1))
done
wait "$loader" || fail "a load failed"
echo "compute during loads ($backend): $runs runs, each saw one whole delivery ($seen_x x 40000, $seen_y x 60000); $explains explains the same"
