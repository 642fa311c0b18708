#!/bin/bash
# The layout of src/publish: a core, one folder per output and testing/ (test fixtures). An output
# folder includes the core and itself only, never a sibling; the core includes no output folder and
# nothing of the orchestration on top; no production file includes testing/. Exit 1 naming each
# include that breaks it.
set -euo pipefail
dir=${1:?usage: check-publish-layout.sh SRC/PUBLISH}
bad=0
for folder in "$dir"/*/; do
  name=$(basename "$folder")
  case $name in testing|testdata) continue ;; esac
  while IFS= read -r file; do
    case $file in *_test.cc) continue ;; esac
    while IFS= read -r inc; do
      target=${inc#publish/}
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
    done < <(sed -n 's/^#include "\(publish\/[^"]*\)".*/\1/p' "$file")
  done < <(find "$folder" -maxdepth 1 -name '*.h' -o -maxdepth 1 -name '*.cc' | sort)
done
for file in "$dir"/*.h "$dir"/*.cc; do
  case $file in *_test.cc) continue ;; esac
  if grep -q '^#include "publish/testing/' "$file"; then
    echo "$file: includes test fixtures"; bad=1
  fi
done
if [[ $bad -ne 0 ]]; then exit 1; fi
echo "src/publish layout: ok"
