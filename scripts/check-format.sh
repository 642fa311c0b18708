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
bad=()
for f in "${files[@]}"; do
  if ! clang-format --dry-run -Werror "$f" >/dev/null 2>&1; then bad+=("$f"); fi
done
if [[ ${#bad[@]} -ne 0 ]]; then
  printf '%s: not in the house format (.clang-format)\n' "${bad[@]}"
  echo "${#bad[@]} of ${#files[@]} files differ; scripts/format.sh rewrites them"
  exit 1
fi
echo "format: ${#files[@]} files in the house format"
