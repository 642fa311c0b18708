#!/usr/bin/env bash
# clang-tidy (.clang-tidy) on the lines of C++ that changed since BASE: a full run over every file
# takes about an hour on two cores, the lines a change touched a few minutes.
#   scripts/tidy-changed.sh BUILD_DIR [BASE]
# BUILD_DIR has compile_commands.json (every preset writes one). BASE is a commit, by default
# $JBR_TIDY_BASE or else HEAD~1: the last commit, which for a merge is all that it merged; changes
# not yet committed count too. A line counts as changed when it differs after both sides are put
# in the house format, so a commit that only reformats changes nothing here. Each changed .cc file
# of the build is checked, and for a changed header the first .cc of the build that includes it;
# diagnostics are shown for the changed lines only, and any one fails the check (exit 1).
# `make tidy` runs clang-tidy over every file.
set -euo pipefail
build=$(cd "${1:?usage: tidy-changed.sh BUILD_DIR [BASE]}" && pwd)
base=${2:-${JBR_TIDY_BASE:-HEAD~1}}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
for tool in clang-tidy clang-format git; do
  if ! command -v "$tool" >/dev/null; then
    echo "tidy-changed: $tool is not installed (scripts/install-deps.sh installs it)" >&2
    exit 1
  fi
done
if [[ ! -f $build/compile_commands.json ]]; then
  echo "tidy-changed: $build/compile_commands.json missing (configure with a preset first)" >&2
  exit 1
fi
# A shallow clone (git clone --depth 1) lacks the parent: fetch one more commit where the origin
# can be reached, as the comparison needs it.
if ! git rev-parse -q --verify "$base^{commit}" >/dev/null &&
   [[ $(git rev-parse --is-shallow-repository) == true ]]; then
  git fetch -q --deepen=1 2>/dev/null || true
fi
if ! git rev-parse -q --verify "$base^{commit}" >/dev/null; then
  echo "tidy-changed: no commit '$base' to compare with (a clone with history, or JBR_TIDY_BASE)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Changed lines per file, as "file a-b" ranges, between the formatted base and current versions.
mapfile -t changed < <(git diff --name-only --diff-filter=AMR "$base" -- 'src/*.cc' 'src/*.h' \
                         'fuzz/*.cc' 'bench/*.cc' | sort)
: > "$work/ranges"
for f in "${changed[@]}"; do
  [[ -f $f ]] || continue
  if git cat-file -e "$base:$f" 2>/dev/null; then
    git show "$base:$f" | clang-format --assume-filename="$f" > "$work/old"
  else
    : > "$work/old"
  fi
  clang-format "$f" > "$work/new"
  diff --unchanged-line-format= --old-line-format= --new-line-format='%dn'$'\n' \
    "$work/old" "$work/new" | awk -v f="$f" '
      NR == 1 || $1 != last + 1 { if (NR > 1) print f, start "-" last; start = $1 }
      { last = $1 } END { if (NR > 0) print f, start "-" last }' >> "$work/ranges" || true
done
if [[ ! -s $work/ranges ]]; then
  echo "tidy-changed: no C++ line changed since $base"
  exit 0
fi
# The line filter of clang-tidy: [{"name":FILE,"lines":[[a,b],...]},...]. Line numbers are of the
# formatted file; where the file is not yet formatted they may be off by a few lines.
filter=$(awk '{ split($2, r, "-"); s = "[" r[1] "," r[2] "]";
                if ($1 in l) l[$1] = l[$1] "," s; else l[$1] = s }
              END { sep = ""; printf "["; for (f in l) { printf "%s{\"name\":\"%s\",\"lines\":[%s]}", sep, f, l[f]; sep = "," }; printf "]" }' \
         "$work/ranges")
# A unity build's database names its batches (Unity/unity_N_cxx.cxx), not the files: configure a
# scratch copy of the build with the same options but no unity build (seconds: nothing is
# compiled), and give clang-tidy its database of one command per file.
if grep -q '/Unity/unity_' "$build/compile_commands.json"; then
  options=()
  while IFS= read -r line; do options+=("-D$line"); done < <(
    grep -E '^(CMAKE_BUILD_TYPE|CMAKE_C_COMPILER|CMAKE_CXX_COMPILER|CMAKE_CXX_FLAGS_[A-Z]+|JBR_[A-Z_]+):' \
      "$build/CMakeCache.txt")
  cmake -S "$root" -B "$work/db" "${options[@]}" -DCMAKE_UNITY_BUILD=OFF \
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
  build=$work/db
fi
# The translation units to run: the changed .cc files of the build, and one includer per header.
jq -r '.[].file' "$build/compile_commands.json" | sed "s|^$root/||" | sort -u > "$work/units"
: > "$work/run"
for f in $(cut -d' ' -f1 "$work/ranges" | sort -u); do
  case $f in
    *.cc) grep -qxF "$f" "$work/units" && echo "$f" >> "$work/run" ;;
    *.h)
      inc=${f#src/}
      for u in $(grep -lF "#include \"$inc\"" $(cat "$work/units") 2>/dev/null); do
        echo "$u" >> "$work/run"
        break
      done ;;
  esac
done
sort -u -o "$work/run" "$work/run"
if [[ ! -s $work/run ]]; then
  echo "tidy-changed: changed lines since $base, but in no file of this build"
  exit 0
fi
echo "tidy-changed: $(wc -l < "$work/run") files with lines changed since $base"
if ! xargs -a "$work/run" -P "$(nproc)" -n 1 clang-tidy -p "$build" --quiet \
       --extra-arg=-Wno-unknown-warning-option "--line-filter=$filter" 2> "$work/stderr"; then
  grep -v 'warnings generated\|^Suppressed\|^Use -header-filter\|NOLINT' "$work/stderr" >&2 || true
  echo "tidy-changed: clang-tidy found problems in lines changed since $base" >&2
  exit 1
fi
echo "tidy-changed: clean"
