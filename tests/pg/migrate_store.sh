#!/usr/bin/env bash
# jbr migrate-store end to end, SQLite -> PostgreSQL -> SQLite, on a small synthetic Rijk with a
# superseded delivery, compute runs, a release, and portal accounts:
#   - afterwards `jbr deliveries` and `jbr releases` list the same, every delivery's bytes come
#     back with their SHA-256, and release 2021-1 rebuilt from PostgreSQL has a byte-identical
#     manifest (jbr release --number checks it) and the same files as the release made on SQLite;
#   - jbr user list and jbr token list list the same (the portal's accounts come along);
#   - a copy back to a fresh SQLite file has the same content as the original, table by table;
#   - all or nothing: a copy that fails midway leaves the target empty and jbr.json unchanged, and
#     a target that is not empty is refused.
# Usage: migrate_store.sh JBR PG_URL_FILE
set -euo pipefail
JBR=$(readlink -f "$1")
server=$(cat "$2" 2>/dev/null || true)
[ -n "$server" ] || { echo "no PostgreSQL server URL in $2: the server did not start"; exit 1; }
tmp=$(mktemp -d)
databases=()
cleanup() {
  for db in "${databases[@]}"; do psql "$server" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
export JBR_NOW=2022-03-01T12:00:00Z JBR_USER=migrate-test
fail() { echo "FAIL: $*"; exit 1; }
new_db() {  # NAME -> URL of a new, empty database
  local db="jbr_migrate_$$_$1"
  psql "$server" -qc "CREATE DATABASE $db" >/dev/null
  databases+=("$db")
  echo "${server%/*}/$db"
}
ws="$tmp/ws"

echo "== a small Rijk on SQLite: deliveries, a superseded one, runs for 2020 and 2021, release 2021-1"
"$JBR" -w "$ws" demo --no-serve --no-pdf --scale 0.1 --years 2020-2021 >"$tmp/demo.out" 2>&1 || { cat "$tmp/demo.out"; fail demo; }
first=$("$JBR" -w "$ws" deliveries --format json | jq -r '[.[] | select(.file_name | endswith(".csv"))][0] | "\(.id) \(.dataset) \(.ministry) \(.year)"')
read -r id dataset ministry year <<<"$first"
"$JBR" -w "$ws" export-delivery "$id" -o "$tmp/again.csv"
sed -i 's/$/\r/' "$tmp/again.csv"  # the same rows with CRLF: another file, superseding the first
"$JBR" -w "$ws" load -d "$dataset" -m "$ministry" -y "$year" "$tmp/again.csv" >/dev/null
"$JBR" -w "$ws" compute --year 2021 --format csv >/dev/null
"$JBR" -w "$ws" release --year 2021 --no-pdf --out "$tmp/release-sqlite" >/dev/null
# The portal's accounts: users (one disabled), tokens (one revoked), and the actions they logged.
printf 'correct horse battery staple\n' | "$JBR" -w "$ws" user add anna --role steward --ministry BZK >/dev/null
printf 'correct horse battery staple\n' | "$JBR" -w "$ws" user add carl --role coordinator >/dev/null
"$JBR" -w "$ws" user disable carl >/dev/null
"$JBR" -w "$ws" token create bzk-hr --ministry BZK >/dev/null 2>&1
"$JBR" -w "$ws" token create fin-hr --ministry FIN >/dev/null 2>&1
"$JBR" -w "$ws" token revoke fin-hr >/dev/null
"$JBR" -w "$ws" deliveries >"$tmp/deliveries.before"
"$JBR" -w "$ws" releases >"$tmp/releases.before"
"$JBR" -w "$ws" user list >"$tmp/users.before"
"$JBR" -w "$ws" token list >"$tmp/tokens.before"
grep -q superseded "$tmp/deliveries.before" || fail "no superseded delivery to copy"
cp "$ws/jbr.sqlite" "$tmp/original.sqlite"
cp "$ws/jbr.json" "$tmp/jbr.json.before"

echo "== all or nothing: a copy that fails midway (at the audit log) leaves the target empty"
broken=$(new_db broken)
"$JBR" --store "$broken" init "$tmp/broken-ws" >/dev/null
psql "$broken" -q >/dev/null <<'SQL'
CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$;
CREATE TRIGGER refuse BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse();
SQL
rc=0; "$JBR" -w "$ws" migrate-store --to "$broken" >"$tmp/broken.out" 2>&1 || rc=$?
[ "$rc" = 3 ] || fail "a failing copy exited $rc: $(cat "$tmp/broken.out")"
grep -q "refused by the test" "$tmp/broken.out" || fail "the error does not say why: $(cat "$tmp/broken.out")"
left=$(psql "$broken" -Atc "SELECT (SELECT count(*) FROM deliveries) + (SELECT count(*) FROM delivery_files) + (SELECT count(*) FROM delivery_chunks) + (SELECT count(*) FROM compute_runs) + (SELECT count(*) FROM computed_values) + (SELECT count(*) FROM releases) + (SELECT count(*) FROM users) + (SELECT count(*) FROM api_tokens) + (SELECT count(*) FROM actions)")
[ "$left" = 0 ] || fail "the failed copy left $left rows"
cmp -s "$ws/jbr.json" "$tmp/jbr.json.before" || fail "a failed copy changed jbr.json"

echo "== SQLite -> PostgreSQL"
pg=$(new_db main)
"$JBR" -w "$ws" migrate-store --to "$pg"
[ "$(jq -r .store "$ws/jbr.json")" = "$pg" ] || fail "jbr.json does not name the new store"
"$JBR" -w "$ws" deliveries >"$tmp/deliveries.after"
diff "$tmp/deliveries.before" "$tmp/deliveries.after" || fail "jbr deliveries differs after the move"
"$JBR" -w "$ws" releases >"$tmp/releases.after"
diff "$tmp/releases.before" "$tmp/releases.after" || fail "jbr releases differs after the move"
"$JBR" -w "$ws" user list | diff "$tmp/users.before" - || fail "jbr user list differs after the move"
"$JBR" -w "$ws" token list | diff "$tmp/tokens.before" - || fail "jbr token list differs after the move"
rc=0; "$JBR" --store "sqlite:$tmp/original.sqlite" -w "$ws" migrate-store --to "$pg" >"$tmp/again.out" 2>&1 || rc=$?
[ "$rc" = 2 ] && grep -q "not empty" "$tmp/again.out" || fail "a copy into a store that is not empty: exit $rc, $(cat "$tmp/again.out")"

echo "== PostgreSQL -> a fresh SQLite file: the same content as the original"
mkdir "$tmp/ws2" && cp "$ws/jbr.json" "$tmp/ws2/"
"$JBR" -w "$tmp/ws2" migrate-store --to "sqlite:$tmp/back.sqlite" >/dev/null
tables=$(sqlite3 "$tmp/original.sqlite" "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('schema_migrations') ORDER BY name")
for t in $tables; do
  a=$(sqlite3 "$tmp/original.sqlite" "SELECT count(*) FROM $t")
  [ "$(sqlite3 "$tmp/original.sqlite" ".dump $t" | sha256sum)" = "$(sqlite3 "$tmp/back.sqlite" ".dump $t" | sha256sum)" ] ||
    fail "table $t differs after SQLite -> PostgreSQL -> SQLite"
  echo "  $t: $a rows, identical"
done

echo "== on PostgreSQL: the original bytes, and release 2021-1 rebuilt"
"$JBR" -w "$ws" deliveries --format json | jq -r '.[] | "\(.id) \(.sha256)"' | while read -r d sha; do
  got=$("$JBR" -w "$ws" export-delivery "$d" -o - | sha256sum | cut -d' ' -f1)
  [ "$got" = "$sha" ] || fail "delivery $d: bytes with SHA-256 $got, recorded $sha"
done
"$JBR" -w "$ws" release --year 2021 --number 1 --no-pdf --out "$tmp/release-pg" >/dev/null || fail "release 2021-1 rebuilt from PostgreSQL"
diff -r "$tmp/release-sqlite" "$tmp/release-pg" >/dev/null || fail "the release rebuilt from PostgreSQL differs: $(diff -rq "$tmp/release-sqlite" "$tmp/release-pg" | head -3)"
echo "migrate-store: $(wc -l <"$tmp/deliveries.before") lines of deliveries, release 2021-1 ($(find "$tmp/release-pg" -type f | wc -l) files) byte-identical after SQLite -> PostgreSQL; back to SQLite identical"
