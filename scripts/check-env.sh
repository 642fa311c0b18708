#!/bin/bash
# jbr reads its environment in one place: the CLI (src/cli), which passes every value down
# (options structs, parameters, the clock). Below it no production file calls getenv; test support
# (*_test.cc, testing/ folders, test_*.h, *_test_util.h, skip_or_fail.h) may read the tests' own
# variables (CI, JBR_TEST_POSTGRES). Exit 1 naming each call that breaks the rule.
set -euo pipefail
src=${1:?usage: check-env.sh SRC}
src=${src%/}
bad=0
while IFS= read -r hit; do
  file=${hit%%:*}
  case $file in
    "$src"/cli/*) continue ;;
    *_test.cc | */testing/* | */test_*.h | *_test_util.h | */skip_or_fail.h) continue ;;
  esac
  echo "$hit: the environment is read below the CLI (read it in src/cli and pass the value down)"
  bad=1
done < <(grep -rnE '\b(secure_)?getenv\b' "$src" --include='*.h' --include='*.cc' || true)
if [[ $bad -ne 0 ]]; then exit 1; fi
echo "getenv: only in src/cli and test support"
