#!/usr/bin/env bash
# The portal's public side under load (bench/README.md, section "The portal"): wrk on loopback, 64
# connections, against jbr serve's public pages and /api/v1/indicators, and in the same run
# `jbr serve-site` serving the same bytes as static files (a copy of the release, with the API's
# answers saved beside it). Requests per second and p99 latency; any socket error (wrk's timeout
# is 2 s) or non-2xx answer of the portal fails the bench. Both servers are cpp-httplib, a thread
# per open connection: the portal runs with --threads 64 so that 64 keep-alive connections are
# served at once (with its default 8, connections wait for a thread and some time out: see
# bench/README.md); serve-site has httplib's fixed 8 threads, and its errors are reported only.
#   bench/portal_wrk.sh [SECONDS]     each URL is loaded for SECONDS (default 10), after 2 s warm-up
# Environment: JBR (default build/release/src/cli/jbr), SCALE (synthetic Rijk, default 0.1),
# THREADS (jbr serve --threads, default 64). Writes bench/results/portal-wrk-<UTC>.txt.
set -euo pipefail
export LC_ALL=C
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
secs="${1:-10}"
scale="${SCALE:-0.1}"
jbr_src="$(realpath -m "${JBR:-$root/build/release/src/cli/jbr}")"
[ -x "$jbr_src" ] || { echo "no jbr binary at $jbr_src (run 'make build', or set JBR=...)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing: run scripts/install-deps.sh bench (Debian package wrk)" >&2; exit 1; }
out="$here/out/portal-wrk"
rm -rf "$out"
mkdir -p "$out" "$here/results"
jbr="$out/jbr"
cp "$jbr_src" "$jbr"
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$out/ws" "$out/synth" "$out/static"' EXIT

"$jbr" synth --years 2020-2021 --scale "$scale" --style utf8-comma --out "$out/synth" >/dev/null
"$jbr" -w "$out/ws" demo --samples "$out/synth" --no-serve --no-pdf >/dev/null
"$jbr" -w "$out/ws" release --year 2021 --no-pdf >/dev/null

wait_for() {  # FILE PATTERN: the line a server prints when it listens
  for _ in $(seq 300); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
  echo "bench: the server did not start: $(cat "$1")" >&2
  exit 1
}
"$jbr" -w "$out/ws" serve --listen 127.0.0.1:0 --quiet --threads "${THREADS:-64}" >"$out/serve.out" 2>&1 &
pids+=($!)
wait_for "$out/serve.out" "jbr portal at"
portal=$(sed -n 's/^jbr portal at \([^ ]*\) .*/\1/p' "$out/serve.out")
portal=${portal%/}

# The same bytes as static files: the release, and the API's answers saved as files.
cp -r "$out/ws/releases/2021-1" "$out/static"
mkdir -p "$out/static/api"
curl -sf "$portal/api/v1/indicators?ministry=BZK&year=2021" >"$out/static/api/bzk-2021.json"
curl -sf "$portal/api/v1/indicators?indicator=personnel.headcount" >"$out/static/api/headcount.json"
curl -sf "$portal/releases" >"$out/static/releases.html"
"$jbr" serve-site "$out/static" --port 0 >"$out/site.out" 2>&1 &
pids+=($!)
wait_for "$out/site.out" "serving"
site=$(sed -n 's/.* at \(http[^ ]*\) .*/\1/p' "$out/site.out")
site=${site%/}

# name  portal path  static path
urls=(
  "releases-list /releases /releases.html"
  "title-page /releases/2021-1/nl/index.html /nl/index.html"
  "ministry-page /releases/2021-1/nl/ministeries/BZK.html /nl/ministeries/BZK.html"
  "api-bzk-2021 /api/v1/indicators?ministry=BZK&year=2021 /api/bzk-2021.json"
  "api-headcount /api/v1/indicators?indicator=personnel.headcount /api/headcount.json"
)
report="$out/report.txt"
{
  echo "jbr serve (portal) against jbr serve-site (static copy of the same bytes), wrk -t2 -c64 -d${secs}s on loopback"
  echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; synthetic Rijk scale $scale; jbr serve --threads ${THREADS:-64}, serve-site 8 (httplib default)"
  printf '%-15s %-12s %10s %10s %10s %8s\n' url server bytes req/s p99_ms errors
} | tee "$report"
failed=0
ms() {  # wrk's latency ("1.23ms", "850.00us", "1.20s") in ms
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
for u in "${urls[@]}"; do
  read -r name ppath spath <<<"$u"
  for server in portal static; do
    if [ "$server" = portal ]; then url="$portal$ppath"; else url="$site$spath"; fi
    bytes=$(curl -sf "$url" | wc -c) || { echo "bench: $url does not answer" >&2; exit 1; }
    wrk -t2 -c64 -d2s "$url" >/dev/null  # warm-up
    wrk -t2 -c64 -d"${secs}s" --latency "$url" >"$out/wrk.txt"
    rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out/wrk.txt")
    p99=$(ms "$(awk '$1 == "99%" { print $2 }' "$out/wrk.txt")")
    errors=$(awk '/Non-2xx or 3xx responses:/ { n += $NF } /Socket errors:/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$out/wrk.txt")
    printf '%-15s %-12s %10s %10s %10s %8s\n' "$name" "$server" "$bytes" "$rps" "$p99" "$errors" | tee -a "$report"
    [ "$errors" = 0 ] || [ "$server" = static ] || { failed=1; sed 's/^/  | /' "$out/wrk.txt"; }
  done
done
cp "$report" "$here/results/portal-wrk-$(date -u +%Y%m%d-%H%M).txt"
[ "$failed" = 0 ] || { echo "bench: the portal answered with errors under load" >&2; exit 1; }
