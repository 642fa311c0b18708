#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for the tests: ctest's pg_server_start and pg_server_stop
# (fixture "postgres") run it, and every PostgreSQL suite reads the URL it writes.
#   server.sh start STATE_DIR   initdb in a new temporary directory, pg_ctl start on a free port of
#                               127.0.0.1 (and a unix socket in that directory), as an unprivileged
#                               user when run as root; writes STATE_DIR/url
#   server.sh stop STATE_DIR    stops it and removes its directory
# Nothing is left running: a watchdog stops the server when the process that started the test
# run (ctest) is gone, even when it was killed before pg_server_stop could run. A server that
# cannot start is a failure (exit 1), never a skip.
set -euo pipefail
cmd=${1:?start or stop}
state=${2:?state directory}
mkdir -p "$state"

bindir=$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/pg_ctl" ]; then
  echo "PostgreSQL 15 is not installed (postgresql-15; scripts/install-deps.sh installs it)" >&2
  exit 1
fi

# The server refuses to run as root: run it as the user the package made, else nobody.
as_user=()
owner=$(id -un)
if [ "$(id -u)" -eq 0 ]; then
  owner=postgres
  id postgres >/dev/null 2>&1 || owner=nobody
  as_user=(runuser -u "$owner" --)
fi

stop_server() {  # dir
  local dir=$1
  if [ -f "$dir/data/postmaster.pid" ]; then
    "${as_user[@]}" "$bindir/pg_ctl" stop -D "$dir/data" -m fast -w -t 30 >/dev/null 2>&1 ||
      "${as_user[@]}" "$bindir/pg_ctl" stop -D "$dir/data" -m immediate -w >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

if [ "$cmd" = stop ]; then
  [ -f "$state/watchdog" ] && kill "$(cat "$state/watchdog")" 2>/dev/null || true
  [ -f "$state/dir" ] && stop_server "$(cat "$state/dir")"
  rm -f "$state/url" "$state/dir" "$state/watchdog"
  echo "PostgreSQL stopped"
  exit 0
fi
[ "$cmd" = start ] || { echo "usage: server.sh start|stop STATE_DIR" >&2; exit 2; }

rm -f "$state/url"
[ -f "$state/dir" ] && stop_server "$(cat "$state/dir")"  # a server of an earlier run
dir=$(mktemp -d /tmp/jbr-pg.XXXXXX)
chmod 700 "$dir"
chown "$owner" "$dir"
echo "$dir" >"$state/dir"
trap 'status=$?; if [ $status -ne 0 ]; then cat "$dir/log" >&2 2>/dev/null || true; stop_server "$dir"; fi' EXIT

"${as_user[@]}" "$bindir/initdb" -D "$dir/data" -U jbr --auth=trust --no-locale -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Durability is not what these tests test: without fsync the suites run several times faster.
# JBR_PG_BENCH=1 (bench/store.sh) keeps fsync and full-page writes, and turns off only the flush
# at every commit: the guarantee of SQLite's WAL with synchronous=NORMAL, which jbr uses (a crash
# may lose the last commits, never leave a torn one), so that the two are compared like for like.
speed="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
[ -n "${JBR_PG_BENCH:-}" ] && speed="-c synchronous_commit=off"
started=""
for attempt in 1 2 3; do
  port=$(free_port)
  if "${as_user[@]}" "$bindir/pg_ctl" start -D "$dir/data" -l "$dir/log" -w -t 60 -o \
      "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c max_connections=200 $speed" \
      >/dev/null; then
    started=yes
    break
  fi
  echo "PostgreSQL did not start on port $port (attempt $attempt)" >&2
done
[ -n "$started" ] || exit 1

# The watchdog: stops the server once ctest is gone. Detached, with no open descriptors of ours.
ctest_pid=$PPID
setsid bash -c "while kill -0 $ctest_pid 2>/dev/null; do sleep 2; done; \
  ${as_user[*]} $bindir/pg_ctl stop -D $dir/data -m immediate >/dev/null 2>&1; rm -rf $dir" \
  </dev/null >/dev/null 2>&1 &
echo $! >"$state/watchdog"

echo "postgresql://jbr@127.0.0.1:$port/postgres" >"$state/url"
echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port as $owner in $dir"
