#!/usr/bin/env bash
# Twelve ministries uploading at once (bench/README.md, section "The portal"): the synthetic Rijk's
# deliveries of one year (every dataset of every ministry), each ministry's files sent one after
# the other by its own HR system (an API token, POST /api/v1/deliveries) while the other ministries
# send theirs, half the ministries to one `jbr serve` and half to a second, both on one PostgreSQL
# database. Every upload must be answered "accepted" once, and the store must then hold exactly one
# current delivery per file (nothing lost, nothing twice). Compared in the same run with loading the
# same files with `jbr load` into a fresh PostgreSQL workspace, one after the other, and with twelve
# `jbr load` processes at once (one per ministry).
#   bench/portal_upload.sh [SCALE]    default 1 (the Rijk)
# PostgreSQL 15 as tests/pg/server.sh starts it with JBR_PG_BENCH=1 (as bench/store.sh).
# Writes bench/results/portal-upload-<UTC>.txt.
set -euo pipefail
export LC_ALL=C
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
scale="${1:-1}"
year=2021
out="$here/out/portal-upload"
jbr_src="$(realpath -m "${JBR:-$root/build/release/src/cli/jbr}")"
[ -x "$jbr_src" ] || { echo "no jbr binary at $jbr_src (run 'make build', or set JBR=...)" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out" "$here/results"
jbr="$out/jbr"
cp "$jbr_src" "$jbr"
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  bash "$root/tests/pg/server.sh" stop "$out/pg" >/dev/null 2>&1 || true; rm -rf "$out/synth" "$out/ws-"*' EXIT
JBR_PG_BENCH=1 bash "$root/tests/pg/server.sh" start "$out/pg" >&2
server=$(cat "$out/pg/url")
for db in portal cli cli12; do psql "$server" -qc "CREATE DATABASE jbr_$db" >/dev/null; done
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }

"$jbr" synth --years "$year" --scale "$scale" --style utf8-comma --out "$out/synth" >/dev/null
awk -F, 'NR > 1' "$out/synth/manifest.csv" >"$out/files.csv"
files=$(wc -l <"$out/files.csv")
mapfile -t ministries < <(cut -d, -f3 "$out/files.csv" | sort -u)
bytes=$(cut -d, -f1 "$out/files.csv" | (cd "$out/synth" && xargs cat) | wc -c)
largest=$(cut -d, -f1 "$out/files.csv" | (cd "$out/synth" && xargs ls -l) | awk '{ print $5 }' | sort -n | tail -1)
report="$out/report.txt"
printf 'load average at the start: %s; %s cores; scale %s, year %s: %s files of %s ministries, %s bytes (largest %s)\n' \
  "$(cut -d' ' -f1-3 /proc/loadavg)" "$(nproc)" "$scale" "$year" "$files" "${#ministries[@]}" "$bytes" "$largest" | tee "$report"

# --- the portal: two servers on one database ---------------------------------------------------
"$jbr" --store "${server%/*}/jbr_portal" init "$out/ws-portal" >/dev/null
declare -A token
for m in "${ministries[@]}"; do token[$m]=$("$jbr" -w "$out/ws-portal" token create "hr-$m" --ministry "$m" 2>/dev/null); done
bases=()
for i in 1 2; do
  "$jbr" -w "$out/ws-portal" serve --listen 127.0.0.1:0 --quiet --max-upload-mb 64 >"$out/serve$i.out" 2>&1 &
  pids+=($!)
  for _ in $(seq 300); do grep -q "jbr portal at" "$out/serve$i.out" && break; sleep 0.1; done
  b=$(sed -n 's/^jbr portal at \([^ ]*\) .*/\1/p' "$out/serve$i.out")
  [ -n "$b" ] || { echo "bench: server $i did not start: $(cat "$out/serve$i.out")" >&2; exit 1; }
  bases+=("${b%/}")
done
upload_ministry() {  # MINISTRY BASE: that ministry's files, one after the other; one line each
  grep -E "^[^,]*,[^,]*,$1," "$out/files.csv" | while IFS=, read -r file dataset _ y _; do
    code=$(curl -s -o "$out/answer.$1.json" -w '%{http_code}' -H "Authorization: Bearer ${token[$1]}" \
      -F "dataset=$dataset" -F "year=$y" -F "file=@$out/synth/$file" "$2/api/v1/deliveries")
    echo "$1 $file $code $(jq -r '.outcome + " " + ((.delivery.id // 0) | tostring)' "$out/answer.$1.json")"
  done
}
t0=$(date +%s%N)
i=0
upids=()
for m in "${ministries[@]}"; do
  upload_ministry "$m" "${bases[$((i % 2))]}" >"$out/uploads.$m.txt" &
  upids+=($!)
  i=$((i + 1))
done
for p in "${upids[@]}"; do wait "$p"; done
portal_s=$(secs "$t0" "$(date +%s%N)")
cat "$out"/uploads.*.txt >"$out/uploads.txt"
answered=$(wc -l <"$out/uploads.txt")
accepted=$(awk '$3 == 200 && $4 == "accepted"' "$out/uploads.txt" | wc -l)
distinct=$(awk '$4 == "accepted" { print $5 }' "$out/uploads.txt" | sort -u | wc -l)
stored=$(psql "${server%/*}/jbr_portal" -tAc "SELECT count(*) FROM deliveries WHERE status = 'accepted'")
stored_all=$(psql "${server%/*}/jbr_portal" -tAc "SELECT count(*) FROM deliveries")
ok=yes
[ "$answered" = "$files" ] && [ "$accepted" = "$files" ] && [ "$distinct" = "$files" ] &&
  [ "$stored" = "$files" ] && [ "$stored_all" = "$files" ] || ok=no

# --- the command line: one after the other, then twelve at once --------------------------------
"$jbr" --store "${server%/*}/jbr_cli" init "$out/ws-cli" >/dev/null
"$jbr" --store "${server%/*}/jbr_cli12" init "$out/ws-cli12" >/dev/null
load_ministry() {  # WORKSPACE [MINISTRY]
  grep -E "^[^,]*,[^,]*,${2:-[^,]*}," "$out/files.csv" | while IFS=, read -r file dataset m y _; do
    "$jbr" -w "$1" load --dataset "$dataset" --ministry "$m" --year "$y" "$out/synth/$file" >/dev/null
  done
}
t0=$(date +%s%N)
load_ministry "$out/ws-cli"
cli_s=$(secs "$t0" "$(date +%s%N)")
t0=$(date +%s%N)
lpids=()
for m in "${ministries[@]}"; do load_ministry "$out/ws-cli12" "$m" & lpids+=($!); done
for p in "${lpids[@]}"; do wait "$p"; done
cli12_s=$(secs "$t0" "$(date +%s%N)")
cli_stored=$(psql "${server%/*}/jbr_cli" -tAc "SELECT count(*) FROM deliveries WHERE status = 'accepted'")
cli12_stored=$(psql "${server%/*}/jbr_cli12" -tAc "SELECT count(*) FROM deliveries WHERE status = 'accepted'")

{
  printf '%-44s %8s %8s\n' "how" seconds stored
  printf '%-44s %8s %8s\n' "portal: ${#ministries[@]} ministries at once, 2 servers" "$portal_s" "$stored"
  printf '%-44s %8s %8s\n' "jbr load, one file after the other" "$cli_s" "$cli_stored"
  printf '%-44s %8s %8s\n' "jbr load, ${#ministries[@]} processes at once" "$cli12_s" "$cli12_stored"
  echo "uploads answered $answered of $files, accepted $accepted, distinct delivery ids $distinct; deliveries in the store $stored_all, current $stored"
  awk -v p="$portal_s" -v c="$cli_s" -v d="$cli12_s" 'BEGIN { printf "portal / jbr load sequential: %.2f; portal / jbr load x12: %.2f\n", p / c, p / d }'
  echo "every upload accepted once, nothing lost: $ok"
} | tee -a "$report"
cp "$report" "$here/results/portal-upload-$(date -u +%Y%m%d-%H%M).txt"
[ "$ok" = yes ]
