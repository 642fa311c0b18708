#!/bin/bash
# The layout of a stage split into folders (src/publish, src/indicators, src/synth): a core, one
# folder per part (an output, a group of themes) and testing/ (test fixtures), with the
# orchestration on top. A part includes the core and itself only, never a sibling; the core
# includes no part and nothing of the orchestration on top; no production file includes testing/.
# Tests (*_test.cc) may include anything of their stage. Exit 1 naming each include that breaks it.
set -euo pipefail
dir=${1:?usage: check-layout.sh SRC/STAGE}
dir=${dir%/}
stage=$(basename "$dir")
bad=0
for folder in "$dir"/*/; do
  name=$(basename "$folder")
  case $name in testing|testdata) continue ;; esac
  while IFS= read -r file; do
    case $file in *_test.cc) continue ;; esac
    while IFS= read -r inc; do
      target=${inc#"$stage"/}
      sub=${target%%/*}
      if [[ $target != */* ]]; then
        echo "$file: includes $inc (the orchestration above every folder)"; bad=1
      elif [[ $sub == testing ]]; then
        echo "$file: includes $inc (test fixtures in production code)"; bad=1
      elif [[ $name == core && $sub != core ]]; then
        echo "$file: includes $inc (the core includes no output folder)"; bad=1
      elif [[ $sub != core && $sub != "$name" ]]; then
        echo "$file: includes $inc (a sibling of $name/; move what both need into core/)"; bad=1
      fi
    done < <(sed -n "s/^#include \"\($stage\/[^\"]*\)\".*/\1/p" "$file")
  done < <(find "$folder" -maxdepth 1 -name '*.h' -o -maxdepth 1 -name '*.cc' | sort)
done
for file in "$dir"/*.h "$dir"/*.cc; do
  case $file in *_test.cc) continue ;; esac
  if grep -q "^#include \"$stage/testing/" "$file"; then
    echo "$file: includes test fixtures"; bad=1
  fi
done
if [[ $bad -ne 0 ]]; then exit 1; fi
echo "src/$stage layout: ok"
