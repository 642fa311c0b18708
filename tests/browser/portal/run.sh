#!/usr/bin/env bash
# The portal in a real browser (ctest: portal_browser): a small synthetic Rijk made with jbr
# commands (synth, demo --samples --no-serve, release), accounts made with jbr user, `jbr serve` started
# on a free port as a black box, then three checks in Debian's Chromium through playwright-core:
#   check_axe.mjs       axe-core (WCAG 2.1 A and AA) on every page type of pages.mjs, as each role,
#                       in Dutch and in English: zero violations; "incomplete" printed for review
#   check_keyboard.mjs  the upload workflow with the keyboard only, focus visible at every step
#   check_story.mjs     the story of issue 15: a steward's rejected and accepted uploads, the
#                       coordinator's matrix, a review note on an anomaly, compute and release as
#                       jobs, and an anonymous visitor who sees the released figures and nothing
#                       unpublished
# Usage: run.sh JBR [CHECK...]   (CHECK: axe, keyboard, story; default all three)
# Exit 77 (skipped) when Chromium is not installed, a failure under CI=true (skip_or_fail.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
JBR=$(readlink -f "$1")
shift
checks=("$@")
[ ${#checks[@]} -gt 0 ] || checks=(axe keyboard story)
chromium=${CHROMIUM:-/usr/bin/chromium}
source "$here/../../skip_or_fail.sh"
[ -x "$chromium" ] || skip_or_fail "$chromium is not installed"
command -v node >/dev/null || skip_or_fail "node is not installed"
"$here/../install.sh" || { echo "FAIL: the npm packages of tests/browser could not be installed"; exit 1; }

work=$(mktemp -d)
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; [ -f "$work/serve.err" ] && tail -5 "$work/serve.err"; exit 1; }
t0=$(date +%s)
password='correct horse battery staple'
ws="$work/ws"

# A small synthetic Rijk: two years of every dataset (jbr synth; the story derives its files from
# them), loaded, computed and published by jbr demo --samples, and 2021 released (release 2021-1).
"$JBR" synth --years 2020-2021 --scale 0.1 --style utf8-comma --out "$work/synth" >/dev/null
"$JBR" -w "$ws" demo --samples "$work/synth" --no-serve --no-pdf >"$work/demo.out" 2>&1 ||
  fail "jbr demo: $(tail -3 "$work/demo.out")"
"$JBR" -w "$ws" release --year 2021 --no-pdf >"$work/release.out" 2>&1 || fail "jbr release: $(tail -3 "$work/release.out")"
[ -f "$ws/releases/2021-1/nl/index.html" ] || fail "no release 2021-1: $(ls "$ws/releases")"
for u in "anna steward BZK" "fred steward FIN" "carl coordinator" "adam admin"; do
  read -r name role ministry <<<"$u"
  printf '%s\n' "$password" | "$JBR" -w "$ws" user add "$name" --role "$role" ${ministry:+--ministry "$ministry"} >/dev/null
done
echo "workspace ready: $(( $(date +%s) - t0 )) s"

# The server on a free port, as serve_test.sh starts it.
"$JBR" -w "$ws" serve --listen 127.0.0.1:0 --quiet >"$work/serve.out" 2>"$work/serve.err" &
pid=$!
for _ in $(seq 300); do
  grep -q "jbr portal at" "$work/serve.out" 2>/dev/null && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
base=$(sed -n 's/^jbr portal at \([^ ]*\) .*/\1/p' "$work/serve.out")
base=${base%/}
[ -n "$base" ] || fail "jbr serve did not start"

export PORTAL=$base JBR WS=$ws WORK=$work PASSWORD=$password CHROMIUM=$chromium
export SYNTH=$work/synth
failed=()
for c in "${checks[@]}"; do
  s=$(date +%s)
  node "$here/check_$c.mjs" || failed+=("$c")
  echo "== $c: $(( $(date +%s) - s )) s"
done
kill -TERM "$pid"
rc=0
wait "$pid" || rc=$?
pid=""
[ "$rc" = 0 ] || fail "jbr serve exited $rc after SIGTERM: $(tail -3 "$work/serve.err")"
echo "portal browser checks (${checks[*]}): ${#failed[@]} failed${failed[*]:+ (${failed[*]})}, $(( $(date +%s) - t0 )) s"
[ ${#failed[@]} -eq 0 ]
