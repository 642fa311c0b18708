#!/usr/bin/env bash
# Tests of the end-to-end runner itself (ctest: e2e_runner): a check script must fail its case at
# any failing line, not only at its last one. Each planted case below has a failing line followed
# by lines that pass; the runner must report every one of them as FAIL, and pass the good case.
#
# Usage: runner_test.sh JBR
set -euo pipefail
jbr=$(readlink -f "$1")
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# plant NAME CHECK-TEXT: a case whose command passes and whose check is CHECK-TEXT.
plant() {
  mkdir -p "$tmp/cases/$1"
  echo "datasets" >"$tmp/cases/$1/cmd"
  printf '%s\n' "$2" >"$tmp/cases/$1/check"
}
plant good $'grep -q personnel out.txt\n[ "$(echo a | tr a b)" = b ]'
plant failing-line $'false\ntrue'
plant failing-test-line $'[ 1 = 2 ]\necho still here'
plant failing-pipe-stage $'grep -q no-such-dataset out.txt | cat\ntrue'
plant unset-variable $'echo "$NO_SUCH_VARIABLE_SET"\ntrue'
plant failing-awk-check $'awk \'{ ok = 0 } END { exit !ok }\' out.txt\ntrue'
plant negated-line $'! true\ntrue'

set +e
bash "$here/run_cases.sh" "$jbr" "$tmp/cases" >"$tmp/out.txt" 2>&1
rc=$?
set -e
cat "$tmp/out.txt"
fail() { echo "FAIL: $*"; exit 1; }
[ "$rc" -ne 0 ] || fail "the runner passed a suite with planted failing lines"
grep -qx 'ok   good' "$tmp/out.txt" || fail "the good case did not pass"
for name in failing-line failing-test-line failing-pipe-stage unset-variable failing-awk-check negated-line; do
  grep -q "^FAIL $name: " "$tmp/out.txt" || fail "case $name was not reported as failing"
done
# The report names the line that failed.
grep -q 'check: line 1 failed: false' "$tmp/out.txt" || fail "the failing line is not named"
grep -q '^1 passed, 6 failed$' "$tmp/out.txt" || fail "wrong summary"
echo "runner: every planted failing line fails its case"
