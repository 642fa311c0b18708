#!/usr/bin/env bash
# Tests that a suite missing an outside tool skips locally (exit 77) but fails under CI=true
# (exit 1), for the browser checks, the site checks and the fuzz run (ctest: no_silent_skips).
#
# Usage: skip_or_fail_test.sh JBR
set -euo pipefail
jbr=$(readlink -f "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# expect_rc WANT CI-VALUE COMMAND...: runs COMMAND with CHROMIUM pointing at nothing.
expect_rc() {
  local want=$1 ci=$2 rc=0
  shift 2
  env CI="$ci" CHROMIUM="$tmp/no-chromium" "$@" >"$tmp/out.txt" 2>&1 || rc=$?
  [ "$rc" -eq "$want" ] || { cat "$tmp/out.txt"; fail "$* with CI=$ci: exit $rc, expected $want"; }
}
expect_rc 77 "" bash "$root/tests/browser/run_fixtures.sh"
expect_rc 1 true bash "$root/tests/browser/run_fixtures.sh"
grep -q 'CI=true: a missing tool fails the suite' "$tmp/out.txt" || fail "no reason given"
expect_rc 77 false bash "$root/tests/site/run.sh" "$jbr"
expect_rc 1 true bash "$root/tests/site/run.sh" "$jbr"
# The fuzz run with no target built fails, CI or not.
mkdir -p "$tmp/root/scripts" "$tmp/root/build/fuzz/fuzz"
cp "$root/scripts/fuzz.sh" "$tmp/root/scripts/"
expect_rc 1 "" bash "$tmp/root/scripts/fuzz.sh" 1
grep -q 'no fuzz target' "$tmp/out.txt" || fail "fuzz.sh did not say why"
echo "no silent skips: ok"
