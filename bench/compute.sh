#!/usr/bin/env bash
# Speed of `jbr synth` and `jbr compute` on the synthetic Rijk, each next to a peer measured in the
# same run (bench/README.md, section "Synthetic Rijk and compute"):
#   bench/compute.sh [SCALE...]      default: 1 (the Rijk); `bench/compute.sh 1 10` adds ten times it
# Per scale: `jbr synth --years 2018-2021` (wall seconds; peer: the awk generator of gen_personnel.sh,
# in rows per second), the load of 2020 and 2021 into a fresh workspace (not timed), then `jbr
# compute --year 2021` for every indicator (with last year and the change) and for absence.rate
# alone, and, as the peer, absence.rate in SQL by sqlite3 on plain row tables of the same 2021
# deliveries (the query alone). Best of REPS (default 3).
set -euo pipefail
export LC_ALL=C
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
out="$here/out/compute"
reps="${REPS:-3}"
jbr_src="$(realpath -m "${JBR:-$root/build/release/src/cli/jbr}")"
[ -x "$jbr_src" ] || { echo "no jbr binary at $jbr_src (run 'make build', or set JBR=...)" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is missing: run scripts/install-deps.sh" >&2; exit 1; }
mkdir -p "$out"
jbr="$out/jbr"
cp "$jbr_src" "$jbr"
scales=("$@")
[ ${#scales[@]} -gt 0 ] || scales=(1)

# best CMD...: the best wall seconds of $reps runs (stdout of the last run in $out/last.out).
best() {
  local b="" t0 t1 s
  for ((r = 0; r < reps; r++)); do
    t0=$(date +%s%N)
    "$@" >"$out/last.out"
    t1=$(date +%s%N)
    s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
    if [ -z "$b" ] || awk -v x="$s" -v y="$b" 'BEGIN { exit !(x < y) }'; then b="$s"; fi
  done
  echo "$b"
}

printf 'load average at the start: %s; %s cores\n\n' "$(cut -d' ' -f1-3 /proc/loadavg)" "$(nproc)"
for scale in "${scales[@]}"; do
  syn="$out/synth-$scale"
  rm -rf "$syn"
  # --- jbr synth, four years, every ministry's own mix of styles ---------------------------------
  synth_s=$(REPS=1 reps=1 best "$jbr" synth --years 2018-2021 --scale "$scale" --out "$syn")
  synth_rows=$(awk -F, 'NR > 1 { n += $6 } END { print n }' "$syn/manifest.csv")
  awk_rows=1000000
  awk_s=$(reps=1 best sh -c "'$here/gen_personnel.sh' $awk_rows > '$out/awk.csv'")
  rm -f "$out/awk.csv"
  # --- 2021 as plain UTF-8 CSV, loaded into jbr and into sqlite3 row tables ----------------------
  plain="$out/plain-$scale"
  rm -rf "$plain" "$out/ws" "$out/rows.sqlite"
  "$jbr" synth --years 2020-2021 --scale "$scale" --style utf8-comma --out "$plain" >/dev/null
  "$jbr" init "$out/ws" >/dev/null
  awk -F, 'NR > 1' "$plain/manifest.csv" | while IFS=, read -r file dataset ministry year _; do
    "$jbr" -w "$out/ws" load --dataset "$dataset" --ministry "$ministry" --year "$year" "$plain/$file" >/dev/null
  done
  {
    echo "CREATE TABLE personnel(ministry, person_id, employment_id, organisation_unit, unit_type, start_date,"
    echo "  end_date, weekly_hours REAL, birth_year, gender, salary_scale, contract, jobs_agreement);"
    echo "CREATE TABLE absence(ministry, episode_id, person_id, start_date, end_date, degree REAL, pregnancy);"
  } | sqlite3 "$out/rows.sqlite"
  for m in $(awk -F, 'NR > 1 && $4 == 2021 && $2 == "personnel" && $3 != "DEF" { print $3 }' "$plain/manifest.csv"); do
    for d in personnel absence; do
      f=$(awk -F, -v m="$m" -v d="$d" 'NR > 1 && $4 == 2021 && $2 == d && $3 == m { print $1 }' "$plain/manifest.csv")
      tail -n +2 "$plain/$f" | sed "s/^/$m,/" >"$out/part.csv"
      sqlite3 "$out/rows.sqlite" ".import --csv '$out/part.csv' $d"
    done
  done
  sqlite3 "$out/rows.sqlite" "CREATE INDEX personnel_person ON personnel(ministry, person_id); ANALYZE;"
  # absence.rate by its definition (domain.md section 5) on intervals: employed days x part-time
  # factor; sick days x the factor of every employment of the person in force x degree.
  cat >"$out/rate.sql" <<'SQL'
WITH p AS (SELECT ministry, person_id AS pid, weekly_hours / 36.0 AS f,
                  julianday(max(start_date, '2021-01-01')) AS s,
                  julianday(min(coalesce(nullif(end_date, ''), '2021-12-31'), '2021-12-31')) AS e FROM personnel),
     a AS (SELECT ministry, person_id AS pid, coalesce(nullif(degree, ''), 100) / 100.0 AS g,
                  julianday(max(start_date, '2021-01-01')) AS s,
                  julianday(min(coalesce(nullif(end_date, ''), '2021-12-31'), '2021-12-31')) AS e
             FROM absence WHERE pregnancy <> 'true')
SELECT printf('%.6f', 100.0 *
  (SELECT sum((min(a.e, p.e) - max(a.s, p.s) + 1) * p.f * a.g) FROM a JOIN p ON p.ministry = a.ministry AND p.pid = a.pid
    WHERE min(a.e, p.e) >= max(a.s, p.s)) /
  (SELECT sum((e - s + 1) * f) FROM p WHERE e >= s));
SQL
  sql_s=$(best sqlite3 "$out/rows.sqlite" ".read $out/rate.sql")
  sql_rate=$(cat "$out/last.out")
  all_s=$(best "$jbr" -w "$out/ws" compute --year 2021 --format csv)
  values=$(($(wc -l <"$out/last.out") - 1))
  rate_s=$(best "$jbr" -w "$out/ws" compute --year 2021 --indicator absence.rate --format csv)
  jbr_rate=$(awk -F, '$1 == "absence.rate" && $2 == "Rijk" && $3 == "" && $4 == "2021" { printf "%.6f", $6 }' "$out/last.out")
  persons=$(sqlite3 "$out/rows.sqlite" "SELECT count(DISTINCT ministry || person_id) FROM personnel")
  awk -v sc="$scale" -v ss="$synth_s" -v sr="$synth_rows" -v as="$awk_s" -v ar="$awk_rows" -v q="$sql_s" \
      -v a="$all_s" -v r="$rate_s" -v n="$values" -v jr="$jbr_rate" -v qr="$sql_rate" -v p="$persons" 'BEGIN {
    printf "scale %s: %s persons in the Rijk scope in 2021\n", sc, p
    printf "  jbr synth 2018-2021           %8.2f s  %9.0f rows/s   (awk generator %.0f rows/s: ratio %.2f)\n", ss, sr / ss, ar / as, (sr / ss) / (ar / as)
    printf "  jbr compute 2021, all         %8.2f s  %d values\n", a, n
    printf "  jbr compute 2021, absence.rate %7.2f s  rate %s\n", r, jr
    printf "  sqlite3 SQL absence.rate      %8.2f s  rate %s   (jbr / sqlite3 time: %.2f)\n\n", q, qr, r / q
  }'
  [ -n "${KEEP:-}" ] || rm -rf "$syn" "$plain" "$out/ws" "$out/rows.sqlite" "$out/part.csv"
done
