#!/bin/bash
# Tests make their temporary directories in one way: jbr::testing::TestDir
# (common/testing/temp_dir.h, over common/temp_dir.h), which makes a new private directory and
# removes it with everything in it. No test support file (*_test.cc, testing/ folders, test_*.h,
# *_test_util.h) makes its own: no mkdtemp or mkstemp, no temp_directory_path, no gtest
# TempDir(), no literal /tmp path. Exit 1 naming each line that breaks the rule.
set -euo pipefail
src=${1:?usage: check-temp-dirs.sh SRC}
src=${src%/}
pattern='\b(mkdtemp|mkstemp|mkstemps|tmpnam|tempnam|tmpfile|temp_directory_path)\b|\btesting::TempDir\(\)|"/tmp\b'
bad=0
while IFS= read -r hit; do
  file=${hit%%:*}
  case $file in
    "$src"/common/testing/temp_dir.h | "$src"/common/temp_dir_test.cc) continue ;;  # the helper
    *_test.cc | */testing/* | */test_*.h | *_test_util.h) ;;
    *) continue ;;
  esac
  echo "$hit: a test makes its own temporary directory (use jbr::testing::TestDir, common/testing/temp_dir.h)"
  bad=1
done < <(grep -rnE "$pattern" "$src" --include='*.h' --include='*.cc' || true)
if [[ $bad -ne 0 ]]; then exit 1; fi
echo "temporary directories: every test uses jbr::testing::TestDir"
