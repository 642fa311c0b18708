#!/usr/bin/env bash
# Whether a peer's figures agree with jbr's:
#   bench/peers/agree.sh PEER NAME.csv JBR_COMPUTE.csv
# PEER.csv: indicator,ministry,period,category,value (indicators.sql); JBR_COMPUTE.csv: `jbr compute
# --format csv`. Every published jbr figure of the peer subset (all units; the total, and for
# co2.mobility and ict.by_slip_class every category) must have the peer's
# value to a relative 1e-9 (the peers add in another order, and sqlite3 prints 15 digits); every peer
# figure must be one jbr has (published, or suppressed by disclosure control). Prints the count and
# each disagreement; exit 1 on any.
set -euo pipefail
name="$1"
peer="$2"
jbr="$3"
awk -F, -v name="$name" '
  BEGIN {
    split("personnel.headcount personnel.fte personnel.fte_mean absence.rate absence.frequency hire.share ict.cost_change", ids, " ")
    for (i in ids) subset[ids[i]] = 1
    split("co2.mobility ict.by_slip_class", ids, " ")
    for (i in ids) subset[ids[i]] = 2  # by category too
  }
  # sqlite3 -csv writes an empty category as "".
  FILENAME == ARGV[1] { c = $4; gsub(/"/, "", c); peer[$1 "," $2 "," $3 "," c] = $5; next }
  FNR == 1 { next }
  ($1 in subset) && $3 == "" && ($5 == "" || subset[$1] == 2) {
    key = $1 "," $2 "," $4 "," $5
    if ($10 == "published") {
      published[key] = $6
    } else if ($10 == "suppressed") {
      hidden[key] = 1
    }
  }
  END {
    bad = 0; n = 0
    for (key in published) {
      n++
      if (!(key in peer)) { printf "%s: no figure for %s (jbr %s)\n", name, key, published[key]; bad++; continue }
      a = peer[key] + 0; b = published[key] + 0
      d = a - b; if (d < 0) d = -d
      m = b < 0 ? -b : b; if (m < 1) m = 1
      if (d > 1e-9 * m) { printf "%s: %s is %s, jbr %s\n", name, key, peer[key], published[key]; bad++ }
    }
    for (key in peer) {
      if (!(key in published) && !(key in hidden)) { printf "%s: %s = %s, which jbr has no figure for\n", name, key, peer[key]; bad++ }
    }
    if (n == 0) { printf "%s: jbr published none of the peer subset\n", name; exit 1 }
    printf "%s: %d figures compared, %d disagree\n", name, n, bad
    exit bad > 0
  }' "$peer" "$jbr"
