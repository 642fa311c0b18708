#!/usr/bin/env bash
# The whole pipeline against the peers, per scale (bench/README.md, section "Pipeline and peers"):
#   bench/pipeline.sh [SCALE...]      default: 1 (the Rijk); `bench/pipeline.sh 1 10` adds ten times it
# Per scale, a synthetic Rijk of 2020-2021 as plain UTF-8 CSV (`jbr synth --style utf8-comma`), then,
# each best of REPS (default 3) by wall time, whole processes unless said otherwise:
#   load     jbr load of 2021's personnel, absence, external_hire, mobility, ict_activities and
#            ict_records deliveries into a workspace that holds everything else (2020, the other datasets of 2021: loaded before, not timed);
#            sqlite3 .import of the same files (peers/load_sqlite.sh); DuckDB read_csv of them (timed
#            inside node, peers/duckdb.mjs)
#   compute  jbr compute --year 2021, every indicator with last year and the change, disclosure
#            control and the stored run; the peers compute their subset (peers/indicators.sql:
#            headcount, fte, fte_mean, absence rate and frequency per quarter, hire share, mobility
#            CO2 by mode group, ICT cost change and end-date slip classes) on their loaded tables
#   publish  jbr publish --year 2021 --no-pdf (no peer)
# A peer figure that disagrees with jbr's fails the run (exit 1, after the table). The table of
# ratios (jbr / peer, above 1: jbr is slower) goes to stdout and to bench/results/pipeline-<UTC>.txt
# with the machine and its load average.
set -euo pipefail
export LC_ALL=C
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
out="$here/out/pipeline"
reps="${REPS:-3}"
jbr_src="$(realpath -m "${JBR:-$root/build/release/src/cli/jbr}")"
[ -x "$jbr_src" ] || { echo "no jbr binary at $jbr_src (run 'make build', or set JBR=...)" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is missing: run scripts/install-deps.sh" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing (Debian package time): run scripts/install-deps.sh" >&2; exit 1; }
command -v node >/dev/null || { echo "node is missing: run scripts/install-deps.sh" >&2; exit 1; }
if [ ! -d "$here/node_modules/@duckdb/node-api" ]; then
  (cd "$here" && npm ci --no-audit --no-fund >/dev/null)
fi
rm -rf "$out" && mkdir -p "$out" "$here/results"
jbr="$out/jbr"
cp "$jbr_src" "$jbr"
scales=("$@")
[ ${#scales[@]} -gt 0 ] || scales=(1)
year=2021
peer_sets="personnel absence external_hire mobility ict_activities ict_records"

# timed OUT CMD...: runs CMD once under /usr/bin/time; prints "wall cpu peak_MB" (stdout to OUT,
# stderr to OUT.err); fails, printing nothing, when CMD fails.
timed() {
  local o="$1"
  shift
  /usr/bin/time -f '%e %U %S %M' -o "$out/time.txt" "$@" >"$o" 2>"$o.err" || return 1
  awk '{ printf "%.3f %.3f %.1f\n", $1, $2 + $3, $4 / 1024 }' "$out/time.txt"
}
# keep_best VAR "wall cpu mb": keeps the run with the lower wall time in VAR.
keep_best() {
  local -n best_ref="$1"
  if [ -z "$best_ref" ] || awk -v x="${2%% *}" -v y="${best_ref%% *}" 'BEGIN { exit !(x < y) }'; then best_ref="$2"; fi
}

machine="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
report="$out/report.txt"
{
  echo "bench/pipeline.sh at $(date -u '+%Y-%m-%d %H:%M') UTC, REPS=$reps (best of $reps by wall time)"
  echo "machine: $machine; load average at the start: $load_start"
  echo "jbr: ${jbr_src#"$root"/} ($(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')); sqlite3 $(sqlite3 --version | cut -d' ' -f1);" \
       "DuckDB $(cd "$here" && node -e "import('@duckdb/node-api').then(async m => { const i = await m.DuckDBInstance.create(); const c = await i.connect(); console.log((await c.runAndReadAll('SELECT version()')).getRows()[0][0]); })" 2>/dev/null || echo '?') (@duckdb/node-api)"
  echo
} >"$report"
cat "$report"

failed=0
declare -A stage_time
for scale in "${scales[@]}"; do
  syn="$out/synth-$scale"
  "$jbr" synth --years 2020-$year --scale "$scale" --style utf8-comma --out "$syn" >/dev/null
  manifest="$syn/manifest.csv"
  # The base workspace: everything but the peer datasets of the year.
  base="$out/base-$scale"
  "$jbr" init "$base" >/dev/null
  awk -F, -v y="$year" -v sets=" $peer_sets " 'NR > 1 && !($4 == y && index(sets, " " $2 " ")) { print $1, $2, $3, $4 }' "$manifest" |
    while read -r file dataset ministry y; do
      "$jbr" -w "$base" load --dataset "$dataset" --ministry "$ministry" --year "$y" "$syn/$file" >/dev/null
    done
  awk -F, -v y="$year" -v sets=" $peer_sets " 'NR > 1 && $4 == y && index(sets, " " $2 " ") { print $1, $2, $3, $4 }' "$manifest" >"$out/peer-files.txt"
  rows=$(awk -F, -v y="$year" -v sets=" $peer_sets " 'NR > 1 && $4 == y && index(sets, " " $2 " ") { n += $6 } END { print n }' "$manifest")
  cat >"$out/jbr-load.sh" <<EOF
#!/usr/bin/env bash
set -euo pipefail
while read -r file dataset ministry y; do
  "$jbr" -w "\$1" load --dataset "\$dataset" --ministry "\$ministry" --year "\$y" "$syn/\$file" >/dev/null
done <"$out/peer-files.txt"
EOF
  chmod +x "$out/jbr-load.sh"
  "$here/peers/setup.sh" "$year" "$root/data/reference/rijk_scope.csv" >"$out/setup.sql"
  jl="" jc="" jp="" sl="" sc="" dl="" dc="" dw=""
  for ((r = 0; r < reps; r++)); do
    # jbr: load into a copy of the base workspace, compute, publish.
    rm -rf "$out/ws" "$out/site" && cp -r "$base" "$out/ws"
    keep_best jl "$(timed "$out/jbr-load.out" "$out/jbr-load.sh" "$out/ws")"
    keep_best jc "$(timed "$out/jbr-compute.csv" "$jbr" -w "$out/ws" compute --year "$year" --format csv)"
    if p=$(timed "$out/publish.out" "$jbr" -w "$out/ws" publish --year "$year" --out "$out/site" --no-pdf); then
      [ "${jp%% *}" != failed ] || jp=""
      keep_best jp "$p"
    elif [ -z "$jp" ]; then
      jp="failed 0 0"  # a small Rijk may hide a figure the narrative needs: reported, not fatal
    fi
    # sqlite3: load into a fresh file, compute on a copy of it.
    rm -f "$out/peer.sqlite" "$out/peer-run.sqlite"
    keep_best sl "$(timed "$out/sqlite-load.out" "$here/peers/load_sqlite.sh" "$syn" "$year" "$out/peer.sqlite")"
    cp "$out/peer.sqlite" "$out/peer-run.sqlite"
    keep_best sc "$(timed "$out/sqlite.csv" sh -c "cat '$out/setup.sql' '$here/peers/indicators.sql' | sqlite3 -csv '$out/peer-run.sqlite'")"
    # DuckDB: load and compute in one node process, each timed inside it.
    rm -f "$out/peer.duckdb"
    w=$(timed "$out/duckdb.json" node "$here/peers/duckdb.mjs" "$syn" "$year" "$out/peer.duckdb" "$out/setup.sql" "$out/duckdb.csv")
    keep_best dw "$w"
    keep_best dl "$(node -e "const j = JSON.parse(require('fs').readFileSync('$out/duckdb.json', 'utf8')); console.log(j.load_seconds.toFixed(3), j.load_cpu_seconds.toFixed(3), '${w##* }')")"
    keep_best dc "$(node -e "const j = JSON.parse(require('fs').readFileSync('$out/duckdb.json', 'utf8')); console.log(j.compute_seconds.toFixed(3), j.compute_cpu_seconds.toFixed(3), '${w##* }')")"
  done
  agree_out="$out/agree-$scale.txt"
  # Not through a pipe: `failed` set in a pipeline's subshell would be lost.
  "$here/peers/agree.sh" sqlite3 "$out/sqlite.csv" "$out/jbr-compute.csv" >"$agree_out" || failed=1
  "$here/peers/agree.sh" duckdb "$out/duckdb.csv" "$out/jbr-compute.csv" >>"$agree_out" || failed=1
  cat "$agree_out"
  persons=$(awk -F, '$1 == "personnel.headcount" && $2 == "Rijk" { print $5 + 0 }' "$out/sqlite.csv")
  stage_time["$scale,load"]="${jl%% *}" stage_time["$scale,compute"]="${jc%% *}" stage_time["$scale,publish"]="${jp%% *}"
  awk -v sc="$scale" -v rows="$rows" -v persons="$persons" -v jl="$jl" -v jc="$jc" -v jp="$jp" -v sl="$sl" -v sc2="$sc" \
      -v dl="$dl" -v dc="$dc" -v dw="$dw" '
    function f(s, i) { split(s, a, " "); return a[i] }
    function row(name, s) { printf "  %-34s %8.3f %8.3f %9.1f\n", name, f(s, 1), f(s, 2), f(s, 3) }
    function ratio(name, j, p) { printf "  %-34s %8.2f %8.2f\n", name, f(j, 1) / f(p, 1), f(j, 2) / f(p, 2) }
    BEGIN {
      printf "scale %s: %s rows of the peer datasets in %s; Rijk headcount %s\n", sc, rows, 2021, persons
      printf "  %-34s %8s %8s %9s\n", "stage", "wall s", "cpu s", "peak MB"
      row("jbr load (6 datasets, 2021)", jl); row("sqlite3 load", sl); row("DuckDB load (in node)", dl)
      row("jbr compute 2021, every indicator", jc); row("sqlite3 compute, peer subset", sc2); row("DuckDB compute (in node)", dc)
      if (f(jp, 1) == "failed") printf "  %-34s failed (see bench/out/pipeline/publish.out.err)\n", "jbr publish --no-pdf"
      else row("jbr publish --no-pdf", jp)
      row("DuckDB whole node process", dw)
      printf "  %-34s %8s %8s   (above 1: jbr is slower)\n", "ratio jbr / peer", "wall", "cpu"
      ratio("load / sqlite3", jl, sl); ratio("load / DuckDB", jl, dl)
      ratio("compute / sqlite3", jc, sc2); ratio("compute / DuckDB", jc, dc)
      printf "\n"
    }' | tee -a "$report"
  cat "$agree_out" >>"$report"
  echo >>"$report"
  [ -n "${KEEP:-}" ] || rm -rf "$syn" "$base" "$out/ws" "$out/site" "$out/peer.sqlite" "$out/peer-run.sqlite" "$out/peer.duckdb"
done
if [ ${#scales[@]} -gt 1 ]; then
  first="${scales[0]}" last="${scales[-1]}"
  {
    echo "growth from scale $first to $last (jbr wall time, best of $reps; the data grows $(awk -v a="$first" -v b="$last" 'BEGIN { print b / a }') times):"
    for stage in load compute publish; do
      awk -v s="$stage" -v a="${stage_time[$first,$stage]}" -v b="${stage_time[$last,$stage]}" 'BEGIN { printf "  %-8s %8.3f s -> %8.3f s: %.1f times\n", s, a, b, b / a }'
    done
    echo
  } | tee -a "$report"
fi
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$report"
cp "$report" "$here/results/pipeline-$(date -u +%Y%m%d-%H%M).txt"
if [ "$failed" != 0 ]; then
  echo "a peer disagrees with jbr: see above" >&2
  exit 1
fi
