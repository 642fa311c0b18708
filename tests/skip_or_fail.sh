# Sourced by test scripts: skip_or_fail MESSAGE ends a suite that cannot run because an outside
# tool is missing. Locally that is a skip (exit 77, which ctest reports as skipped); under CI=true
# it is a failure (exit 1): a missing tool is an install step to fix (scripts/install-deps.sh),
# never a pass. Its callers run under set -euo pipefail; so does this file when read alone.
set -euo pipefail
skip_or_fail() {
  if [ "${CI:-}" = true ]; then
    echo "FAIL: $* (CI=true: a missing tool fails the suite; scripts/install-deps.sh installs it)"
    exit 1
  fi
  echo "SKIPPED: $*"
  exit 77
}
