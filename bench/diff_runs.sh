#!/usr/bin/env bash
# Whether two compute runs of a SQLite workspace stored the same values, to the last bit:
#   bench/diff_runs.sh WORKSPACE RUN_A RUN_B      (default: the two newest runs)
# Every column of computed_values but the run id, numbers printed with 17 significant digits (which
# tell every two doubles apart; NULL empty), in one order; exit 0 when identical, else 1 with the first
# differences.
set -euo pipefail
ws="$1"
db="$ws/jbr.sqlite"
[ -f "$db" ] || { echo "no SQLite store at $db" >&2; exit 2; }
if [ $# -ge 3 ]; then
  a="$2"; b="$3"
else
  read -r b a < <(sqlite3 "$db" "SELECT group_concat(id, ' ') FROM (SELECT id FROM compute_runs ORDER BY id DESC LIMIT 2)")
fi
export_run() {
  sqlite3 -csv "$db" "SELECT indicator, ministry, unit_type, period, category, unit, status,
      iif(value IS NULL, '', printf('%!.17g', value)), iif(numerator IS NULL, '', printf('%!.17g', numerator)), iif(denominator IS NULL, '', printf('%!.17g', denominator)),
      iif(previous IS NULL, '', printf('%!.17g', previous)), iif(change IS NULL, '', printf('%!.17g', change)), flag, suppression, deliveries,
      previous_status, previous_deliveries
    FROM computed_values WHERE run_id = $1
    ORDER BY indicator, ministry, unit_type, period, category"
}
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export_run "$a" >"$tmp/a.csv"
export_run "$b" >"$tmp/b.csv"
n=$(wc -l <"$tmp/a.csv")
if cmp -s "$tmp/a.csv" "$tmp/b.csv"; then
  echo "runs $a and $b: the same $n values"
else
  echo "runs $a and $b differ ($n and $(wc -l <"$tmp/b.csv") values):"
  diff "$tmp/a.csv" "$tmp/b.csv" | head -20
  exit 1
fi
