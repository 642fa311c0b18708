#!/usr/bin/env bash
# The portal's background jobs with jbr serve as a black box, on a small synthetic Rijk (jbr demo
# --no-serve): a coordinator logs in, starts a compute job and a release job over HTTP and polls
# their pages until they are done, and the release is then at /releases; a steward's POST /jobs is
# 403; SIGTERM while a job runs lets it finish before the server exits; two servers on one store
# with one queued job run it exactly once (counted in the store: compute runs and job starts).
# Usage: jobs_serve_test.sh JBR [PG_URL_FILE]
# With PG_URL_FILE (a file holding a PostgreSQL server's URL, tests/pg/server.sh) the workspace's
# store is a new database on that server; else a SQLite file.
set -euo pipefail
JBR=$(readlink -f "$1")
PG_URL_FILE=${2:-}
work=$(mktemp -d)
pids=()
database=""
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -n "$database" ] && psql "$server" -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"
fail() { echo "FAIL: $*"; for f in serve*.err; do [ -f "$f" ] && tail -5 "$f"; done; exit 1; }
password='correct horse battery staple'

backend=sqlite
store=()
if [ -n "$PG_URL_FILE" ]; then
  backend=postgresql
  server=$(cat "$PG_URL_FILE" 2>/dev/null || true)
  [ -n "$server" ] || { echo "no PostgreSQL server URL in $PG_URL_FILE: the server did not start"; exit 1; }
  database="jbr_jobs_$$"
  psql "$server" -qc "CREATE DATABASE $database" >/dev/null
  store=(--store "${server%/*}/$database")
fi
# How many rows a query counts, in the workspace's store itself.
count() {
  if [ "$backend" = postgresql ]; then psql "${server%/*}/$database" -tAc "$1"; else sqlite3 ws/jbr.sqlite "$1"; fi
}

echo "== a small synthetic Rijk, loaded and computed"
"$JBR" -w ws "${store[@]}" demo --scale 0.05 --years 2020-2021 --no-pdf --no-serve >demo.out 2>demo.err ||
  fail "jbr demo: $(tail -3 demo.err)"
printf '%s\n' "$password" | "$JBR" -w ws user add carl --role coordinator >/dev/null
printf '%s\n' "$password" | "$JBR" -w ws user add anna --role steward --ministry BZK >/dev/null

start() {  # start NAME [extra args]: a server on a free port; sets pid and base
  rm -f "serve-$1.out" "serve-$1.err"
  "$JBR" -w ws serve --listen 127.0.0.1:0 --quiet "${@:2}" >"serve-$1.out" 2>"serve-$1.err" &
  pid=$!
  pids+=("$pid")
  for _ in $(seq 300); do
    grep -q "jbr portal at" "serve-$1.out" 2>/dev/null && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  base=$(sed -n 's/^jbr portal at \([^ ]*\) .*/\1/p' "serve-$1.out")
  base=${base%/}
  [ -n "$base" ] || fail "the server $1 did not start"
}
login() {  # login JAR NAME
  rm -f "$1"
  curl -s -c "$1" -b "$1" "$base/login" -o login.html
  local c code
  c=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' login.html | head -1)
  code=$(curl -s -o /dev/null -w '%{http_code}' -c "$1" -b "$1" --data-urlencode "csrf=$c" \
    --data-urlencode "name=$2" --data-urlencode "password=$password" "$base/login")
  [ "$code" = 303 ] || fail "login $2: $code"
}
csrf_of() {  # csrf_of JAR PATH
  curl -s -b "$1" "$base$2" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1
}
start_job() {  # start_job KIND YEAR -> the job's id (as carl, jar carl)
  local c where
  c=$(csrf_of carl /jobs)
  where=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b carl --data-urlencode "csrf=$c" \
    --data-urlencode "kind=$1" --data-urlencode "year=$2" "$base/jobs")
  case "$where" in "303 $base/jobs/"[0-9]*) echo "${where##*/}" ;; *) fail "POST /jobs $1 $2: $where" ;; esac
}
wait_job() {  # wait_job ID -> done | failed, polling the job's page as a browser would
  local page
  for _ in $(seq 1200); do
    page=$(curl -s -b carl -H 'Accept-Language: en' "$base/jobs/$1")
    if grep -q '<p class="message" role="status">Done.</p>' <<<"$page"; then echo done; return; fi
    if grep -q 'role="alert">Failed: ' <<<"$page"; then echo failed; grep -o 'Failed: [^<]*' <<<"$page" >&2; return; fi
    sleep 0.25
  done
  fail "job $1 did not end"
}

echo "== a coordinator computes and releases 2021 as jobs"
start a
login carl carl
runs=$(count "SELECT count(*) FROM compute_runs WHERE year = 2021")
compute=$(start_job compute 2021)
[ "$(wait_job "$compute")" = done ] || fail "the compute job failed"
[ "$(count "SELECT count(*) FROM compute_runs WHERE year = 2021")" = $((runs + 1)) ] || fail "no new compute run"
release=$(start_job release 2021)
[ "$(wait_job "$release")" = done ] || fail "the release job failed"
curl -s "$base/releases" | grep -qF 'href="/releases/2021-1/nl/index.html"' || fail "/releases does not list 2021-1"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/releases/2021-1/nl/index.html")" = 200 ] || fail "release 2021-1 is not served"
[ -f ws/releases/2021-1/manifest.json ] || fail "no release in the workspace"
curl -s -b carl "$base/jobs/$release" | grep -qF 'href="/releases/2021-1/nl/index.html"' || fail "the job's page does not link the release"
# The worker logs a job's end just after it marks the job done: give it a moment.
for _ in $(seq 20); do
  ends=$(count "SELECT count(*) FROM actions WHERE action = 'job-end' AND outcome = 'ok' AND actor = 'carl'")
  [ "$ends" = 2 ] && break
  sleep 0.25
done
[ "$ends" = 2 ] || fail "the action log does not have both jobs' ends ($ends)"

echo "== a steward may not start a job"
login anna anna
c=$(csrf_of anna /upload)
code=$(curl -s -o /dev/null -w '%{http_code}' -b anna --data-urlencode "csrf=$c" --data-urlencode kind=compute \
  --data-urlencode year=2021 "$base/jobs")
[ "$code" = 403 ] || fail "a steward's POST /jobs: $code"
[ "$(curl -s -o /dev/null -w '%{http_code}' -b anna "$base/jobs")" = 403 ] || fail "a steward's GET /jobs"
code=$(curl -s -o /dev/null -w '%{http_code}' -d kind=compute -d year=2021 "$base/jobs")
[ "$code" = 401 ] || fail "an anonymous POST /jobs: $code"

echo "== SIGTERM while a job runs: the job finishes, then the server exits"
job=$(start_job release 2021)  # release 2021-2: writing the site takes seconds
for _ in $(seq 400); do
  curl -s -b carl -H 'Accept-Language: en' "$base/jobs/$job" | grep -q 'Running: \|Done\.' && break
  sleep 0.05
done
kill -TERM "$pid"
rc=0; wait "$pid" || rc=$?
[ "$rc" = 0 ] || fail "jbr serve exit $rc after SIGTERM"
[ "$(count "SELECT state FROM jobs WHERE id = $job")" = done ] || fail "the job was left $(count "SELECT state FROM jobs WHERE id = $job")"
[ "$(count "SELECT count(*) FROM releases WHERE year = 2021")" = 2 ] || fail "the release of the stopped server is missing"

echo "== two servers, one queued job: run once"
start a
base_a=$base
start b
login carl carl
runs=$(count "SELECT count(*) FROM compute_runs")
for round in 1 2 3; do
  job=$(start_job compute 2020)
  [ "$(wait_job "$job")" = done ] || fail "round $round: the job failed"
  [ "$(count "SELECT count(*) FROM actions WHERE action = 'job-start' AND target = 'job $job'")" = 1 ] ||
    fail "round $round: job $job started $(count "SELECT count(*) FROM actions WHERE action = 'job-start' AND target = 'job $job'") times"
  [ "$(count "SELECT count(*) FROM compute_runs")" = $((runs + round)) ] || fail "round $round: compute runs"
  base=$base_a  # alternate the server the job is started from
done
echo "jobs ($backend): compute and release as jobs over HTTP, the release served, a steward refused, SIGTERM finishes a running job, two servers run a job once"
