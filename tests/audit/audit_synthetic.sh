#!/usr/bin/env bash
# jbr audit-publication on a real publication: a small synthetic Rijk published by jbr demo (whose
# publish already refuses to write a publication whose report-year cells fail the audit). No cell
# of the report year may fail; the counts are checked against the files themselves and against
# domain facts, not against the audit's own output.
set -euo pipefail
JBR=${1:?usage: audit_synthetic.sh path/to/jbr}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

(cd "$TMP" && "$JBR" --workspace "$TMP/ws" demo --no-serve --no-pdf --scale 0.1 --years 2020-2021 \
  >"$TMP/demo.log" 2>&1) || { cat "$TMP/demo.log"; exit 1; }
set +e
"$JBR" audit-publication "$TMP/ws/site" --format json >"$TMP/audit.json" 2>"$TMP/audit.err"
code=$?
set -e
if [[ $code != 0 && $code != 1 ]]; then
  echo "FAIL: audit-publication exited $code"
  cat "$TMP/audit.err"
  exit 1
fi
python3 - "$TMP/audit.json" "$TMP/ws/site/opendata" "$code" <<'PY'
import csv, json, sys
report = json.load(open(sys.argv[1]))
opendata, code = sys.argv[2], int(sys.argv[3])
assert report["safe"] == (code == 0), (report["safe"], code)
disclosure = {d["id"]: d["disclosure"] for d in csv.DictReader(open(f"{opendata}/definitions.csv"))}
hidden = 0
for name in ("indicators.csv", "series.csv"):
    for row in csv.DictReader(open(f"{opendata}/{name}")):
        if row["status"] == "suppressed" and disclosure.get(row["indicator"], "x") != "none":
            hidden += 1
assert hidden > 0, "the synthetic Rijk has suppressed cells"
assert report["suppressed_cells"] == hidden, (report["suppressed_cells"], hidden)
assert report["audited_quantities"] >= hidden
assert len(report["failures"]) == report["exact_recoveries"] + report["under_protection"]
in_year = [f for f in report["failures"] if f["period"].startswith("2021")]
assert not in_year, in_year[:5]
for q in report["quantities"]:
    assert q["lo"] >= -1e-9 and (q["hi"] is None or q["lo"] <= q["hi"] + 1e-6), q
    if q["exact"] and q["integer"]:
        assert q["lo"] == round(q["lo"]), q
# domain.md and rijk_scope.csv: Defence is outside the Rijk for personnel-type data. The audit must
# find that from the numbers alone.
labels = {f["label"] for f in report["families"] if f["accepted"]}
assert "personnel.headcount numerator: Rijk = ministries except DEF" in labels, sorted(labels)[:20]
print(f"audit on a synthetic publication: {hidden} suppressed cells, "
      f"{report['exact_recoveries']} exact recoveries, {report['under_protection']} under protection")
PY
