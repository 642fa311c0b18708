#!/usr/bin/env bash
# Rewrites every C++ file of src/, fuzz/ and bench/ in the house format (.clang-format), in place.
# Run it after merging work written before the format was applied; scripts/check-format.sh (ctest
# jbr_format) then passes. Only whitespace and line breaks change (and include order within a
# block), never what the code does: build and test after it as after any change.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if ! command -v clang-format >/dev/null; then
  echo "format: clang-format is not installed (scripts/install-deps.sh installs it)" >&2
  exit 1
fi
mapfile -t files < <(find src fuzz bench -type f \( -name '*.cc' -o -name '*.h' \) \
                       -not -path '*/node_modules/*' | sort)
clang-format -i "${files[@]}"
echo "format: ${#files[@]} files in the house format"
