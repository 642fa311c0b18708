#!/usr/bin/env bash
# Where `jbr validate` and `jbr load` spend their CPU time and their memory, on the file of run.sh.
#   bench/profile.sh [ROWS]        (default 1,000,000; needs perf, and valgrind for MEMORY=1)
# Environment: JBR=path/to/jbr as for run.sh; MEMORY=1 adds a valgrind massif run of the load (slow:
# about a minute for a million rows). Output: tables of on-CPU samples by phase, and bench/out/perf.*
# for `perf report -i`.
# perf samples only while the process runs on a CPU, so a busy machine changes the totals but
# hardly the shares; time spent waiting (fsync) is not in them.
set -euo pipefail
export LC_ALL=C

rows="${1:-1000000}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
out="$here/out"
jbr_src="$(realpath -m "${JBR:-$root/build/release/src/cli/jbr}")"
[ -x "$jbr_src" ] || { echo "no jbr binary at $jbr_src (run 'make build', or set JBR=...)" >&2; exit 1; }
command -v perf >/dev/null || { echo "perf is missing: apt-get install linux-perf" >&2; exit 1; }
mkdir -p "$out"
jbr="$out/jbr.profile"
cp "$jbr_src" "$jbr"
csv="$out/personnel_${rows}.csv"
if [ ! -s "$csv" ] || [ "$here/gen_personnel.sh" -nt "$csv" ]; then
  "$here/gen_personnel.sh" "$rows" >"$csv.tmp" && mv "$csv.tmp" "$csv"
fi
args=(--dataset personnel --ministry BZK --year 2020)

# shellcheck disable=SC2016  # awk programs, kept in single quotes
# perf script prints a "TIME:" line, then one frame a line, innermost first; a blank line ends a sample.
stacks='
/^ *[0-9]+\.[0-9]+: *$/ { if (n) flush(); n = 1; stack = ""; first = ""; next }
NF == 0 { next }
{ line = $0; sub(/^[ \t]*[0-9a-f]+ /, "", line); if (first == "") first = line; stack = stack " | " line }
END { if (n) flush()
      for (k in c) if (100 * c[k] / total >= 0.8) printf "%5.1f%%  %s\n", 100 * c[k] / total, k | order
      close(order); printf "(%d samples; shares under 0.8%% left out)\n", total }'

validate_phases='
function flush(  s) {
  total++
  if (stack ~ /KeyMap::Grow/) s = "KeyMap::Grow: rehashing the unique-key table, page faults of the new one"
  else if (stack ~ /KeyMap::InsertOrGet/) s = "KeyMap::InsertOrGet: unique employment_id"
  else if (stack ~ /KeyMap::Prefetch/) s = "KeyMap::Prefetch: fetching the key slot early (memory waits show here)"
  else if (stack ~ /HashKey/) s = "HashKey"
  else if (stack ~ /RowRules::Check/) s = "RowRules::Check: not-before, period (FieldIndex by name each row)"
  else if (stack ~ /RowState::Check/) s = "RowState::Check, other"
  else if (stack ~ /ParseRecord/) s = "CsvSource::ParseRecord: CSV tokenising"
  else if (stack ~ /_read|read64|filemap|copy_to_iter|CsvSource::Next/) s = "reading the file"
  else if (stack ~ /LooksLikeBsn/) s = "LooksLikeBsn"
  else if (stack ~ /CanonicalEnum/) s = "FieldSchema::CanonicalEnum"
  else if (stack ~ /ParseDate|CheckedDate|DaysFromCivil/) s = "dates"
  else if (stack ~ /ParseDecimal|from_chars/) s = "ParseDecimal"
  else if (stack ~ /ParseInt/) s = "ParseInt"
  else if (stack ~ /ParseBool/) s = "ParseBool"
  else if (stack ~ /Trim/) s = "Trim"
  else if (stack ~ /ConvertCell|Convert/) s = "ConvertCell/Convert, self"
  else if (stack ~ /FieldIndex/) s = "DatasetSchema::FieldIndex"
  else if (stack ~ /ValidateFile/) s = "ValidateFile, self: " first
  else s = "outside ValidateFile: " first
  c[s]++
}'

load_phases='
function flush(  p, s) {
  total++
  if (stack ~ /DigestFile/) p = "1 DigestFile"
  else if (stack ~ /StoreOriginal|BeginDelivery/) p = "3 BeginDelivery/StoreOriginal"
  else if (stack ~ /SqliteWriter::Commit/) p = "5 SqliteWriter::Commit"
  else if (stack ~ /ValidateFile/) p = seen_begin ? "4 ValidateFile, pass 2 (convert, store)" : "2 ValidateFile, pass 1 (checks)"
  else p = "6 start-up and exit"
  if (p ~ /^3/) seen_begin = 1
  if (stack ~ /sha256|Sha256/) s = "sha256"
  else if (stack ~ /blob_write/) s = "sqlite3_blob_write"
  else if (stack ~ /[Cc]heckpoint/) s = "WAL checkpoint"
  else if (stack ~ /KeyMap::Grow/) s = "KeyMap::Grow"
  else if (stack ~ /KeyMap::InsertOrGet/) s = "KeyMap::InsertOrGet"
  else if (stack ~ /ColumnBuilder::Finish/) s = "ColumnBuilder::Finish"
  else if (stack ~ /ColumnBuilder::Append/) s = "ColumnBuilder::Append"
  else if (stack ~ /sqlite3_step|Statement::Run/) s = "sqlite3_step"
  else if (stack ~ /ParseRecord/) s = "CSV tokenising"
  else if (stack ~ /_read|read64|filemap|copy_to_iter|CsvSource::Next|basic_filebuf|xsgetn/) s = "reading the file"
  else if (stack ~ /ConvertCell|Convert|Parse(Int|Date|Decimal|Bool)|CanonicalEnum|Trim|RowRules|RowState|LooksLikeBsn/) s = "cell conversion and checks"
  else s = "other: " first
  c[p " / " s]++
  c[p " (all)"]++
}'

echo "== jbr validate, $rows rows: on-CPU samples by what they were doing"
perf record -q -F 500 --call-graph dwarf,16384 -o "$out/perf.validate.data" \
  "$jbr" validate "${args[@]}" "$csv" >/dev/null
perf script -i "$out/perf.validate.data" -F time,ip,sym 2>/dev/null |
  awk -v order="sort -k1nr" "$validate_phases $stacks"

echo
echo "== jbr load, $rows rows: on-CPU samples by phase (in order), then by phase and what they were doing"
rm -rf "$out/ws.profile"
"$jbr" init "$out/ws.profile" >/dev/null
perf record -q -F 250 --call-graph dwarf,16384 -o "$out/perf.load.data" \
  "$jbr" -w "$out/ws.profile" load "${args[@]}" --by bench "$csv" >/dev/null
perf script -i "$out/perf.load.data" -F time,ip,sym 2>/dev/null |
  awk -v order="sort -k2,2 -k1,1nr" "$load_phases $stacks"

if [ -n "${MEMORY:-}" ]; then
  echo
  echo "== jbr load, $rows rows: heap at its peak (valgrind massif)"
  rm -rf "$out/ws.profile"
  "$jbr" init "$out/ws.profile" >/dev/null
  valgrind -q --tool=massif --massif-out-file="$out/massif.load.out" \
    "$jbr" -w "$out/ws.profile" load "${args[@]}" --by bench "$csv" >/dev/null
  ms_print "$out/massif.load.out" >"$out/massif.load.txt"
  # The peak snapshot's largest allocation sites.
  awk 'FNR == NR { if (match($0, /[0-9]+ \(peak\)/)) peak = substr($0, RSTART, RLENGTH - 7); next }
       /^ +[0-9]+ +[0-9,]+ +[0-9,]+ +[0-9,]+ +[0-9,]+ +[0-9,]+$/ { snap = $1; if (snap == peak) print "peak:", $3, "bytes of heap" }
       snap == peak && /^(->|\| ->)/ { sub(/ \(in \/.*$/, ""); print; if (++shown == 6) exit }' \
    "$out/massif.load.txt" "$out/massif.load.txt"
  echo "(full: bench/out/massif.load.txt)"
fi
rm -rf "$out/ws.profile" "$jbr"
