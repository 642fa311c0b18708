#!/usr/bin/env bash
# jbr serve as a black box, as an operator runs it: accounts made with jbr user and jbr token, the
# server started on a free port, the health endpoint, the access log (one JSON object a request),
# a login and an upload with curl, graceful shutdown on SIGTERM (an upload in flight is finished
# and stored, then the process exits 0 and the port is closed), and HTTPS with a certificate
# (Secure cookies).
# Usage: serve_test.sh JBR SAMPLE_DIR [PG_URL_FILE]
# With PG_URL_FILE (a file holding a PostgreSQL server's URL, tests/pg/server.sh) both workspaces'
# stores are new databases on that server (jbr init --store, jbr demo --store); else SQLite files.
set -euo pipefail
JBR=$(readlink -f "$1")
SAMPLES=$(readlink -f "$2")
PG_URL_FILE=${3:-}
work=$(mktemp -d)
pid=""
databases=()
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  for db in "${databases[@]}"; do psql "$server" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"
fail() { echo "FAIL: $*"; [ -f serve.err ] && tail -5 serve.err; exit 1; }
password='correct horse battery staple'

backend=sqlite
store_ws=(); store_demo=()
if [ -n "$PG_URL_FILE" ]; then
  backend=postgresql
  server=$(cat "$PG_URL_FILE" 2>/dev/null || true)
  [ -n "$server" ] || { echo "no PostgreSQL server URL in $PG_URL_FILE: the server did not start"; exit 1; }
  for name in ws demo; do
    psql "$server" -qc "CREATE DATABASE jbr_serve_$$_$name" >/dev/null
    databases+=("jbr_serve_$$_$name")
  done
  store_ws=(--store "${server%/*}/jbr_serve_$$_ws")
  store_demo=(--store "${server%/*}/jbr_serve_$$_demo")
fi

"$JBR" "${store_ws[@]}" init ws >/dev/null
printf '%s\n' "$password" | "$JBR" -w ws user add anna --role steward --ministry BZK >/dev/null
printf '%s\n' "$password" | "$JBR" -w ws user add carl --role coordinator >/dev/null
rc=0; printf 'short\n' | "$JBR" -w ws user add bob --role admin >/dev/null 2>&1 || rc=$?
[ "$rc" = 2 ] || fail "a short password: exit $rc, not 2"
rc=0; printf '%s\n' "$password" | "$JBR" -w ws user add bob --role steward >/dev/null 2>&1 || rc=$?
[ "$rc" = 2 ] || fail "a steward without a ministry: exit $rc, not 2"
token=$("$JBR" -w ws token create bzk-hr --ministry BZK 2>/dev/null)
[ "${#token}" -gt 40 ] || fail "token: '$token'"
"$JBR" -w ws token list | grep -q "^bzk-hr	BZK	" || fail "token list"
"$JBR" -w ws token list | grep -qF "$token" && fail "token list shows the secret"
[ "$("$JBR" -w ws user list | wc -l)" = 2 ] || fail "user list: $("$JBR" -w ws user list)"

start() {  # start [extra args]: the server on a free port; sets pid and base
  # The previous server's serve.out goes first: the background shell truncates it only when it runs,
  # and a loop that read the old file would take the old line for the new server's.
  rm -f serve.out serve.err
  "$JBR" -w ws serve --listen 127.0.0.1:0 --max-upload-mb 8 "$@" >serve.out 2>serve.err &
  pid=$!
  for _ in $(seq 300); do
    grep -q "jbr portal at" serve.out 2>/dev/null && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  base=$(sed -n 's/^jbr portal at \([^ ]*\) .*/\1/p' serve.out)
  base=${base%/}
  [ -n "$base" ] || fail "the server did not start"
}

echo "== health and access log"
start
[ "$(curl -s "$base/healthz" | jq -r .status)" = ok ] || fail "healthz"
curl -s -o /dev/null "$base/no/such/page"
sleep 0.2
tail -1 serve.err | jq -e 'select(.path == "/no/such/page" and .status == 404 and .method == "GET" and .remote == "127.0.0.1")' >/dev/null ||
  fail "access log: $(tail -1 serve.err)"

echo "== login and upload with curl"
curl -s -c jar -b jar "$base/login" -o login.html
csrf=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' login.html | head -1)
code=$(curl -s -o /dev/null -w '%{http_code}' -c jar -b jar --data-urlencode "csrf=$csrf" --data-urlencode name=anna \
  --data-urlencode "password=$password" "$base/login")
[ "$code" = 303 ] || fail "login: $code"
grep -q "jbr_session" jar || fail "no session cookie"
csrf=$(curl -s -b jar "$base/upload" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
code=$(curl -s -o /dev/null -w '%{http_code}' -b jar -F "csrf=$csrf" -F dataset=personnel -F year=2020 \
  -F "file=@$SAMPLES/personnel-BZK-2020.csv" "$base/upload")
[ "$code" = 303 ] || fail "upload: $code"
"$JBR" -w ws deliveries --ministry BZK | grep -q "personnel-BZK-2020.csv" || fail "the upload is not stored"

echo "== a rejected upload's report is kept in the store"
# 30 rows of 44 hours a week: one error each (the most is 40), and nothing stored.
{ head -1 "$SAMPLES/personnel-BZK-2020.csv"
  for i in $(seq 1 30); do printf 'P%05d,E%06d,DG Overheidsorganisatie,core,2018-07-03,,44,1961,female,7,permanent,nee\n' "$i" "$i"; done
} >hours.csv
before=$("$JBR" -w ws deliveries | wc -l)
rejected=$(curl -s -o /dev/null -w '%{redirect_url}' -b jar -F "csrf=$csrf" -F dataset=personnel -F year=2021 \
  -F "file=@hours.csv" "$base/upload")
case "$rejected" in "$base"/reports/?*) rejected=${rejected#"$base"} ;; *) fail "a rejected upload: '$rejected'" ;; esac
[ "$("$JBR" -w ws deliveries | wc -l)" = "$before" ] || fail "a rejected upload stored a delivery"

echo "== graceful shutdown: an upload in flight is finished"
# A delivery of about 2 MB sent at 1 MB/s: SIGTERM arrives while it is being received.
{ head -1 "$SAMPLES/personnel-BZK-2020.csv"
  for i in $(seq 1 20000); do printf 'P%05d,E%06d,DG Overheidsorganisatie,core,2018-07-03,,36,1961,female,7,permanent,nee\n' "$i" "$i"; done
} >big.csv
curl -s -o big.out -w '%{http_code}' -H "Authorization: Bearer $token" -F dataset=personnel -F year=2021 \
  -F "file=@big.csv" --limit-rate 1M "$base/api/v1/deliveries" >big.code &
curl_pid=$!
sleep 0.7
kill -TERM "$pid"
wait "$curl_pid" || true
rc=0; wait "$pid" || rc=$?
pid=""
[ "$rc" = 0 ] || fail "jbr serve exit $rc after SIGTERM"
[ "$(cat big.code)" = 200 ] || fail "the upload in flight: $(cat big.code) $(cat big.out)"
[ "$(jq -r .outcome big.out)" = accepted ] || fail "the upload in flight: $(cat big.out)"
grep -q "jbr portal stopped" serve.out || fail "no stop message"
curl -s -o /dev/null --max-time 2 "$base/healthz" && fail "the port still answers after shutdown"
"$JBR" -w ws deliveries --year 2021 | grep -q "big.csv" || fail "the upload in flight is not stored"

echo "== HTTPS with a certificate: Secure cookies"
openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 1 -subj /CN=127.0.0.1 2>/dev/null
start --cert cert.pem --key key.pem
case "$base" in https://*) ;; *) fail "not https: $base" ;; esac
[ "$(curl -sk "$base/healthz" | jq -r .status)" = ok ] || fail "healthz over TLS"
curl -sk -D headers -o /dev/null "$base/login"
grep -i '^set-cookie: jbr_login=.*; Secure' headers >/dev/null || fail "no Secure cookie under TLS: $(grep -i set-cookie headers)"
kill -TERM "$pid"
wait "$pid"
pid=""

echo "== accounts changed from the command line: a new password, a disabled user, a revoked token"
printf '%s\n' "$password again" | "$JBR" -w ws user passwd anna >/dev/null
printf '%s\n' "$password" | "$JBR" -w ws user add dora --role steward --ministry FIN >/dev/null
"$JBR" -w ws user disable dora >/dev/null
[ "$("$JBR" -w ws user list | grep -c 'active$')" = 2 ] || fail "user list after disable: $("$JBR" -w ws user list)"
"$JBR" -w ws user list | grep -q "^dora	steward	FIN	disabled$" || fail "dora is not disabled"
printf '%s\n' "$password" | "$JBR" -w ws user add fred --role steward --ministry FIN >/dev/null
"$JBR" -w ws token revoke bzk-hr >/dev/null
"$JBR" -w ws token list | grep -q "^bzk-hr	BZK	expires .*	revoked " || fail "token list after revoke: $("$JBR" -w ws token list)"
start
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" -F dataset=personnel -F year=2020 \
  -F "file=@$SAMPLES/personnel-BZK-2020.csv" "$base/api/v1/deliveries")
[ "$code" = 401 ] || fail "a revoked token: $code"
login() {  # NAME PASSWORD -> the HTTP status of the login (in a new cookie jar: nobody logged in)
  rm -f jar3
  curl -s -c jar3 -b jar3 "$base/login" -o login3.html
  local c
  c=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' login3.html | head -1)
  curl -s -o /dev/null -w '%{http_code}' -c jar3 -b jar3 --data-urlencode "csrf=$c" --data-urlencode "name=$1" \
    --data-urlencode "password=$2" "$base/login"
}
[ "$(login anna "$password again")" = 303 ] || fail "the new password does not log in"
[ "$(login anna "$password")" != 303 ] || fail "the old password still logs in"
[ "$(login dora "$password")" != 303 ] || fail "a disabled user logs in"

echo "== the rejected upload's report after a restart: its ministry and the coordinator only"
login anna "$password again" >/dev/null
page=$(curl -s -b jar3 -H 'Accept-Language: en-GB, en;q=0.9' "$base$rejected")
grep -q "Rejected: hours.csv has 30 errors" <<<"$page" || fail "the kept report: $page"
# In Dutch, the default (no Accept-Language), with a link to the same page in English.
page=$(curl -s -b jar3 "$base$rejected?page=1")
grep -q '<html lang="nl">' <<<"$page" && grep -q "Afgewezen: hours.csv heeft 30 fouten" <<<"$page" ||
  fail "the report in Dutch: $page"
grep -qF "href=\"$rejected?page=1&amp;lang=en\" hreflang=\"en\"" <<<"$page" || fail "no switch to English"
# The switch: ?lang=en answers in English and its cookie keeps later pages English.
curl -s -c jar3 -b jar3 -o /dev/null "$base/reports?lang=en"
grep -q "jbr_lang	en" jar3 || fail "the language choice is not kept in a cookie"
curl -s -b jar3 "$base/reports" | grep -q '<html lang="en">' || fail "the chosen language is not kept"
[ "$(grep -c '<tr><th scope="row">' <<<"$page")" = 30 ] || fail "the kept report's findings"
[ "$(curl -s -b jar3 "$base$rejected/findings.csv" | grep -c '^hours.csv,,[0-9]*,weekly_hours,44,error,')" = 30 ] ||
  fail "the kept report as CSV"
curl -s -b jar3 "$base/reports" | grep -qF "href=\"$rejected\"" || fail "the steward's list of reports"
curl -s -b jar3 "$base/reports" | grep -q "<td>rejected</td>" || fail "the steward's list in English"
login carl "$password" >/dev/null
[ "$(curl -s -o /dev/null -w '%{http_code}' -b jar3 "$base$rejected")" = 200 ] || fail "the coordinator cannot read the report"
curl -s -b jar3 "$base/reports" | grep -qF "href=\"$rejected\"" || fail "the coordinator's list of reports"
[ "$(login fred "$password")" = 303 ] || fail "fred's login"
for path in "$rejected" "$rejected/findings.csv" "$rejected?lang=en" "$rejected?lang=nl&page=1"; do
  code=$(curl -s -o fred.out -w '%{http_code}' -b jar3 "$base$path")
  [ "$code" = 404 ] || fail "another ministry's steward reads $path: $code"
  grep -q "hours.csv" fred.out && fail "another ministry's steward sees the file name at $path"
done
curl -s -b jar3 "$base/reports?ministry=BZK" | grep -qF "$rejected" && fail "another ministry's steward lists BZK's report"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$base$rejected")" = 401 ] || fail "an anonymous visitor reads the report"
kill -TERM "$pid"
wait "$pid"
pid=""

echo "== jbr demo ends in the portal with a steward's login that works"
port=$((20000 + RANDOM % 20000))
# A small synthetic Rijk (the sample files are too few to publish: the Rijk's figures are hidden).
"$JBR" -w demo "${store_demo[@]}" demo --scale 0.1 --years 2020-2021 --no-pdf --port "$port" >demo.out 2>demo.err &
pid=$!
for _ in $(seq 1200); do grep -q "the published site is in" demo.out 2>/dev/null && break; sleep 0.5; done
grep -q "jbr portal at http://127.0.0.1:$port/" demo.out || fail "demo: $(tail -3 demo.out) $(tail -3 demo.err)"
steward=$(sed -n 's/^  steward-bzk  *password \([^ ]*\) .*/\1/p' demo.out)
[ -n "$steward" ] || fail "demo printed no steward login: $(cat demo.out)"
curl -s -c jar2 -b jar2 "http://127.0.0.1:$port/login" -o login2.html
csrf=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' login2.html | head -1)
code=$(curl -s -o /dev/null -w '%{http_code}' -c jar2 -b jar2 --data-urlencode "csrf=$csrf" \
  --data-urlencode name=steward-bzk --data-urlencode "password=$steward" "http://127.0.0.1:$port/login")
[ "$code" = 303 ] || fail "the demo's steward login: $code"
code=$(curl -s -o deliveries.html -w '%{http_code}' -b jar2 "http://127.0.0.1:$port/deliveries")
grep -q "<td>BZK</td>" deliveries.html ||
  fail "the demo steward's deliveries: $code $(grep -o '<h1>[^<]*</h1>\|<p class="message[^<]*' deliveries.html) $(tail -3 demo.err)"
kill -TERM "$pid"
wait "$pid"
pid=""

echo "== the released site, read-only for everyone; nothing else"
"$JBR" -w demo release --year 2021 --no-pdf >release.out 2>release.err || fail "jbr release: $(tail -3 release.err)"
rel=demo/releases/2021-1
[ -f "$rel/nl/index.html" ] || fail "no release at $rel: $(ls demo/releases)"
rm -f serve.out serve.err
"$JBR" -w demo serve --listen 127.0.0.1:0 >serve.out 2>serve.err &
pid=$!
for _ in $(seq 300); do grep -q "jbr portal at" serve.out 2>/dev/null && break; kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
base=$(sed -n 's/^jbr portal at \([^ ]*\) .*/\1/p' serve.out); base=${base%/}
[ -n "$base" ] || fail "the server on the demo did not start"
curl -s "$base/releases" | grep -qF 'href="/releases/2021-1/nl/index.html"' || fail "/releases does not list 2021-1"
# Every file of the manifest, byte for byte, with its content type; the manifest itself.
checked=0
while read -r path sha; do
  got=$(curl -s -D h.txt "$base/releases/2021-1/$path" | sha256sum | cut -d' ' -f1)
  [ "$got" = "$sha" ] || fail "$path: SHA-256 $got, released $sha"
  type=$(sed -n 's/^[Cc]ontent-[Tt]ype: \([^;\r]*\).*/\1/p' h.txt)
  case "$path" in
    *.html) want=text/html ;; *.css) want=text/css ;; *.svg) want=image/svg+xml ;; *.csv) want=text/csv ;;
    *.json) want=application/json ;; *.xlsx) want=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet ;;
    *) want=$type ;;
  esac
  [ "$type" = "$want" ] || fail "$path: content type $type, not $want"
  checked=$((checked + 1))
done < <(jq -r '.files[] | "\(.path) \(.sha256)"' "$rel/manifest.json")
[ "$checked" -gt 10 ] || fail "only $checked files in the release"
[ "$(curl -s "$base/releases/2021-1/manifest.json" | sha256sum)" = "$(sha256sum <"$rel/manifest.json")" ] || fail "manifest.json"
[ "$(curl -s "$base/releases/2021-1/" | sha256sum)" = "$(sha256sum <"$rel/index.html" 2>/dev/null || echo none)" ] ||
  [ ! -f "$rel/index.html" ] || fail "the release's root page"
etag=$(curl -s -D - -o /dev/null "$base/releases/2021-1/nl/index.html" | sed -n 's/^[Ee][Tt]ag: \(.*\)\r$/\1/p')
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$base/releases/2021-1/nl/index.html")" = 304 ] || fail "no 304 for its ETag"
# Hostile and unreleased paths: the workspace's files, the unreleased preview in demo/site, a
# release that was not made, a file added to the release folder afterwards.
echo '<p>not released</p>' >"$rel/added.html"
for path in "/releases/2021-1/../../jbr.json" "/releases/2021-1/%2e%2e/%2e%2e/jbr.json" "/releases/2021-1/..%2f..%2fjbr.json" \
  "/releases/2021-1/nl/../../../site/nl/index.html" "/releases/2021-1/%2Fetc%2Fpasswd" "/releases/2021-1//etc/passwd" \
  "/releases/2021-1/nl/%00index.html" "/releases/2021-2/nl/index.html" \
  "/releases/2020-1/nl/index.html" "/releases/2021-1/added.html" "/releases/0000-0/" "/releases/2021-1/nl/index.html/" \
  "/site/nl/index.html" "/releases/2021-1/nl/index.html%3F" "/releases/2021-01/nl/index.html"; do
  code=$(curl -s --path-as-is -o hostile.out -w '%{http_code}' "$base$path")
  case "$code" in 400 | 404) ;; *) fail "$path: $code" ;; esac
  grep -q "not released\|\"store\"\|root:" hostile.out && fail "$path served a file it must not"
done
# A released file changed on disk afterwards is not served.
printf 'changed' >>"$rel/nl/index.html"
code=$(curl -s -o hostile.out -w '%{http_code}' "$base/releases/2021-1/nl/index.html")
[ "$code" = 503 ] && ! grep -q changed hostile.out || fail "a changed release file: $code"
kill -TERM "$pid"
wait "$pid"
pid=""
[ "$backend" = sqlite ] || grep -qF "\"${server%/*}/jbr_serve_$$_ws\"" ws/jbr.json || fail "ws is not on PostgreSQL"
echo "serve ($backend): accounts, health, access log, login and upload, graceful shutdown with an upload in flight, TLS, accounts changed, the demo's logins, upload reports kept, Dutch and English pages, the released site"
