#!/usr/bin/env bash
# Writes a synthetic, valid personnel delivery (BZK, 2020) as CSV to stdout.
#   bench/gen_personnel.sh [ROWS] > personnel.csv        (default 1,000,000 rows, about 100 MB)
# Valid for: jbr load --dataset personnel --ministry BZK --year 2020
# Deterministic: its own random generator (MINSTD, exact in awk's doubles), so the bytes are the same
# on every run, with any POSIX awk (tried with mawk).
set -euo pipefail

rows="${1:-1000000}"
case "$rows" in '' | *[!0-9]*) echo "usage: $0 [ROWS]" >&2; exit 2 ;; esac

LC_ALL=C exec awk -v rows="$rows" '
function rnd() { seed = (seed * 48271) % 2147483647; return seed / 2147483647 }  # in (0, 1)
function pick(n) { return int(rnd() * n) }                                        # 0 .. n-1
function date(y,   m, d) { m = 1 + pick(12); d = 1 + pick(mdays[m]); return sprintf("%04d-%02d-%02d", y, m, d) }
BEGIN {
  seed = 20200101
  split("31 28 31 30 31 30 31 31 30 31 30 31", mdays, " ")
  # Units of a ministry and their type; a row names a unit and one of its teams.
  nu = split("Bestuursondersteuning BZK|DG Overheidsorganisatie|DG Koninkrijksrelaties|" \
             "DG Volkshuisvesting en Bouwen|DG Digitalisering en Overheidsorganisatie|" \
             "DG Openbaar Bestuur en Democratische Rechtsstaat|Directie Financieel-Economische Zaken|" \
             "Directie Communicatie|Rijksvastgoedbedrijf|Logius|Rijksdienst voor Identiteitsgegevens|" \
             "Dienst van de Huurcommissie|Inspectie Leefomgeving en Transport|Inspectie Openbaar Bestuur|" \
             "P-Direkt|FMHaaglanden|Uitvoeringsorganisatie Bedrijfsvoering Rijk|SSC-ICT|" \
             "Doc-Direkt|Kiesraad|Raad van State|Nationale Ombudsman", unit, "|")
  split("core|core|core|core|core|core|core|core|agency|agency|agency|agency|inspectorate|inspectorate|" \
        "shared_service|shared_service|shared_service|shared_service|shared_service|other|other|other",
        utype, "|")
  nh = split("36 36 36 36 36 36 36 36 36 36 32 32 32 24 24 28.8 18 18.5 20 16 38 40 12.5 27.5 33.5 0", hours, " ")
  ns = split("1 2 3 4 5 5 6 6 7 7 7 8 8 8 8 9 9 9 9 10 10 10 10 11 11 11 11 12 12 12 13 13 14 14 15 16 17 18 19",
             scale, " ")
  print "person_id,employment_id,organisation_unit,unit_type,start_date,end_date,weekly_hours," \
        "birth_year,gender,salary_scale,contract,jobs_agreement"
  person = 0; left = 0
  for (i = 1; i <= rows; i++) {
    if (left == 0) {            # a new person: one employment, sometimes two or three
      person++
      r = rnd(); left = r < 0.85 ? 1 : (r < 0.97 ? 2 : 3)
      birth = 1955 + pick(48)   # 1955 .. 2002
      r = rnd(); gender = r < 0.52 ? "female" : (r < 0.995 ? "male" : (r < 0.998 ? "other" : "unknown"))
      jobs = rnd() < 0.03 ? "true" : "false"
    }
    left--
    u = 1 + pick(nu)
    first = birth + 18
    if (first > 2020) first = 2020
    sy = first + pick(2021 - first)
    if (rnd() < 0.04) sy = 2020          # joined during the year
    start = date(sy)
    end = ""
    if (sy < 2020 && rnd() < 0.12) end = date(2020)  # left during the year
    if (rnd() < 0.35) h = hours[1 + pick(nh)]; else h = 36
    if (rnd() < 0.05) h = sprintf("%.1f", 8 + pick(65) / 2)  # 8.0 .. 40.0 in halves
    contract = rnd() < 0.86 ? "permanent" : "temporary"
    printf "P%07d,E%08d,%s / Team %d,%s,%s,%s,%s,%d,%s,%s,%s,%s\n",
           person, i, unit[u], 1 + pick(40), utype[u], start, end, h, birth, gender,
           scale[1 + pick(ns)], contract, jobs
  }
}'
