#!/usr/bin/env bash
# End-to-end cases, run through the jbr binary as a black box.
#
# Usage: run_cases.sh JBR CASES_DIR [CASE...]
# A case is a folder with:
#   cmd        one jbr command line per line (without "jbr"); the last one is checked; earlier ones
#              prepare (load deliveries); "!" before a line means it must exit non-zero, "#" comments
#   expected   the findings the last command must print, one per line "FILE:ROW:COLUMN: SEVERITY CODE"
#              (messages are not compared), in any order; absent means "no findings at all"
#   exit       the expected exit code of the last command (default 0)
#   check      optional: a bash script run after, in the case's scratch folder, with $JBR set; must exit 0.
#              The runner runs it under `set -euo pipefail`, so every line is enforced: a failing
#              command, a failing stage of a pipe or an unset variable fails the case. A line that
#              begins with "!" is refused (bash never stops on a negated command); write
#              `if CMD; then exit 1; fi` instead.
# Each case runs in a scratch copy of its folder with a fresh workspace in ./ws (JBR_WORKSPACE).
# With $JBR_E2E_POSTGRES naming a file that holds a PostgreSQL server's URL (tests/pg/server.sh),
# each case's workspace is a new database on that server instead of a SQLite file, dropped after
# the case; $E2E_PG_URL is its URL (empty on SQLite) for a check that looks into the store.
set -uo pipefail
JBR=$(readlink -f "$1")
CASES=$(readlink -f "$2")
shift 2
PG_SERVER=""
if [ -n "${JBR_E2E_POSTGRES:-}" ]; then
  PG_SERVER=$(cat "$JBR_E2E_POSTGRES" 2>/dev/null || true)
  [ -n "$PG_SERVER" ] || { echo "no PostgreSQL server URL in $JBR_E2E_POSTGRES: the server did not start"; exit 1; }
fi
export E2E_TEMPLATES="$(dirname "$CASES")/templates"
export JBR LC_ALL=C JBR_NOW=2021-03-01T12:00:00Z JBR_USER=e2e
pass=0
fail=0
names=("$@")
[ ${#names[@]} -eq 0 ] && names=($(ls "$CASES"))
for name in "${names[@]}"; do
  dir="$CASES/$name"
  [ -f "$dir/cmd" ] || continue
  scratch=$(mktemp -d)
  cp -r "$dir/." "$scratch/"
  ok=1
  why=""
  export E2E_PG_URL=""
  if [ -n "$PG_SERVER" ]; then
    db="jbr_e2e_$$_$((pass + fail))"
    psql "$PG_SERVER" -qc "CREATE DATABASE $db" >/dev/null || { echo "cannot create database $db"; exit 1; }
    E2E_PG_URL="${PG_SERVER%/*}/$db"
  fi
  (
    cd "$scratch" || exit 99
    export JBR_WORKSPACE="$scratch/ws"
    "$JBR" ${E2E_PG_URL:+--store "$E2E_PG_URL"} init ws >/dev/null || exit 98
    if [ -n "$E2E_PG_URL" ]; then grep -qF "\"$E2E_PG_URL\"" ws/jbr.json || exit 98; fi
    last=""
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in ''|'#'*) continue ;; esac
      [ -n "$last" ] && {
        want_fail=0; l="$last"; [ "${l:0:1}" = "!" ] && { want_fail=1; l="${l:1}"; }
        eval "\"$JBR\" $l" >prep.out 2>&1; rc=$?
        if { [ $want_fail -eq 0 ] && [ $rc -ne 0 ]; } || { [ $want_fail -eq 1 ] && [ $rc -eq 0 ]; }; then
          echo "preparation failed (rc=$rc): $l"; cat prep.out; exit 97
        fi
      }
      last="$line"
    done <cmd
    eval "\"$JBR\" $last" >out.txt 2>err.txt
    echo $? >rc.txt
  )
  prep=$?
  if [ $prep -ne 0 ]; then
    ok=0; why="setup failed ($prep)"
  else
    want_rc=0; [ -f "$dir/exit" ] && want_rc=$(tr -d '[:space:]' <"$dir/exit")
    got_rc=$(cat "$scratch/rc.txt")
    [ "$got_rc" = "$want_rc" ] || { ok=0; why="exit $got_rc, expected $want_rc"; }
    grep -oE '^[^ :]+:[0-9]+:[^:]*: (error|warning) [a-z-]+' "$scratch/out.txt" | sort >"$scratch/got.findings"
    if [ -f "$dir/expected" ]; then grep -v '^\s*$' "$dir/expected" | sort >"$scratch/want.findings"; else : >"$scratch/want.findings"; fi
    if ! diff -u "$scratch/want.findings" "$scratch/got.findings" >"$scratch/diff.txt"; then
      ok=0; why="$why findings differ"
    fi
    if [ $ok -eq 1 ] && [ -f "$dir/check" ]; then
      if grep -nE '^[[:space:]]*![[:space:]]' "$dir/check" >"$scratch/check.txt"; then
        ok=0; why="check has a negated line that set -e does not enforce (use: if CMD; then exit 1; fi)"
      else
        (cd "$scratch" && JBR_WORKSPACE="$scratch/ws" bash -o errexit -o errtrace -o nounset -o pipefail \
          -c 'trap '\''echo "check: line $LINENO failed: $BASH_COMMAND" >&2'\'' ERR; source ./check') \
          >"$scratch/check.txt" 2>&1 || { ok=0; why="check failed"; }
      fi
    fi
  fi
  if [ $ok -eq 1 ]; then
    pass=$((pass + 1)); echo "ok   $name"
  else
    fail=$((fail + 1)); echo "FAIL $name: $why"
    for f in prep.out out.txt err.txt diff.txt check.txt; do
      [ -s "$scratch/$f" ] && { echo "--- $f"; head -n 40 "$scratch/$f"; }
    done
  fi
  rm -rf "$scratch"
  [ -n "$E2E_PG_URL" ] && psql "$PG_SERVER" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
done
on=""; [ -n "$PG_SERVER" ] && on=" (every workspace on PostgreSQL)"
echo "$pass passed, $fail failed$on"
[ $fail -eq 0 ]
