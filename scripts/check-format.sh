#!/usr/bin/env bash
# The house format (.clang-format) over every C++ file of src/, fuzz/ and bench/: exit 1 naming
# each file that differs from it. scripts/format.sh rewrites them. Needs clang-format
# (scripts/install-deps.sh); without it the check fails, it never skips.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if ! command -v clang-format >/dev/null; then
  echo "check-format: clang-format is not installed (scripts/install-deps.sh installs it)" >&2
  exit 1
fi
mapfile -t files < <(find src fuzz bench -type f \( -name '*.cc' -o -name '*.h' \) \
                       -not -path '*/node_modules/*' | sort)
if [[ ${#files[@]} -eq 0 ]]; then
  echo "check-format: no C++ files under src/, fuzz/, bench/" >&2
  exit 1
fi
# One clang-format for every file (one process per file took five times as long): it names each
# line that differs as "FILE:LINE:COL: error: ..."; the files are read from those names.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
rc=0
clang-format --dry-run -Werror "${files[@]}" 2>"$log" >/dev/null || rc=$?
mapfile -t bad < <(sed -n 's/^\(.*\):[0-9][0-9]*:[0-9][0-9]*: error: .*/\1/p' "$log" | sort -u)
if [[ $rc -ne 0 && ${#bad[@]} -eq 0 ]]; then
  echo "check-format: clang-format failed (exit code $rc):" >&2
  head -20 "$log" >&2
  exit 1
fi
if [[ ${#bad[@]} -ne 0 ]]; then
  printf '%s: not in the house format (.clang-format)\n' "${bad[@]}"
  echo "${#bad[@]} of ${#files[@]} files differ; scripts/format.sh rewrites them"
  exit 1
fi
echo "format: ${#files[@]} files in the house format"
