-- The peer subset of jbr's indicators in plain SQL, the same text for SQLite and DuckDB
-- (bench/README.md, "Peers"). Written from the definitions in the domain reference (section 5), not
-- from jbr's code, so that agreement checks both. Day numbers are integers (days since 1970-01-01),
-- so no date function of either engine is needed.
--
-- Input tables (made by load_sqlite.sh or duckdb.mjs):
--   p(ministry, pid, s, e, hours)                    personnel: start, end (NULL: ongoing), weekly hours
--   a(ministry, episode, pid, s, e, degree, preg)     absence segments: end NULL = still absent; degree
--                                                     NULL = 100; preg 1 = pregnancy related
--   h(ministry, category, amount)                     external hire
--   m(ministry, d, purpose, mode, km, trips)          mobility: date as a day number, km per traveller
--   ia(ministry, activity, status, ref)               ICT activities: reference date as ISO text
--   ir(ministry, activity, d, action, e, cost, rn)    ICT records: date and end-date estimate as ISO
--                                                     text, whole-life cost estimate, rn the row's
--                                                     place in its file
--   delivered(dataset, ministry)                      every delivery file, empty ones too
--   factors(mode, class, t_per_km)                    tonnes CO2 per km in the year's vintage
--   flight_classes(class, lo, hi)                     a single trip's km: lo < km <= hi (hi NULL: open)
--   params(y0, y1, ydays, yfirst, ylast)              the year's first and last day, its days; the
--                                                     first and last day as ISO text
--   periods(period, pf, pl, days, mult)               the year and its quarters; mult 4 for a quarter
--   excluded(ministry)                                outside the Rijk for personnel and absence
-- Output: indicator, ministry ('Rijk' for the Rijk), period, category ('' for a total), value: the
-- statement after the line
-- "-- result". The statements before it make working tables with the indexes the joins need (a
-- plain CTE chain took SQLite minutes at a twentieth of the Rijk).
-- Full time is 36 hours (norms.csv: personnel.fulltime_hours).

-- Employments in force in the year, an open end running to the end of the year, the end cut there,
-- with their part-time factor.
CREATE TABLE emp AS
  SELECT p.ministry, p.pid, p.s, CASE WHEN p.e IS NULL OR p.e > y1 THEN y1 ELSE p.e END AS e,
         p.hours / 36.0 AS f
  FROM p, params
  WHERE p.s <= y1 AND (p.e IS NULL OR p.e >= y0);
CREATE INDEX emp_person ON emp(ministry, pid);
CREATE TABLE person AS SELECT DISTINCT ministry, pid FROM p;
CREATE INDEX person_key ON person(ministry, pid);
-- Absence segments of persons employed at the ministry, an open end running to the end of the year.
CREATE TABLE seg AS
  SELECT a.ministry, a.episode, a.pid, a.s,
         CASE WHEN a.e IS NULL THEN y1 ELSE a.e END AS e,
         coalesce(a.degree, 100) / 100.0 AS g, coalesce(a.preg, 0) AS preg
  FROM a, params
  WHERE (CASE WHEN a.e IS NULL THEN y1 ELSE a.e END) >= a.s
    AND EXISTS (SELECT 1 FROM person k WHERE k.ministry = a.ministry AND k.pid = a.pid);
-- Episodes: their first day over all segments; one pregnancy-related segment leaves the whole
-- episode out of every absence figure.
CREATE TABLE episodes AS
  SELECT ministry, pid, episode, min(s) AS first, max(preg) AS preg
  FROM seg GROUP BY ministry, pid, episode;
CREATE INDEX episodes_key ON episodes(ministry, pid, episode);
-- Which totals a ministry's rows go to: its own, and the Rijk's unless excluded.
CREATE TABLE scopes AS
  SELECT ministry, ministry AS scope FROM (SELECT DISTINCT ministry FROM p)
  UNION ALL
  SELECT ministry, 'Rijk' FROM (SELECT DISTINCT ministry FROM p)
  WHERE ministry NOT IN (SELECT ministry FROM excluded);
-- The absence figures need both datasets: a ministry without absence rows has none.
CREATE TABLE absence_scopes AS
  SELECT * FROM scopes WHERE ministry IN (SELECT DISTINCT ministry FROM a);

-- Mobility rows dated in the year with a mode and a distance, each with its reporting group and its
-- factor: for a flight the factor of the class of one trip (distance / trips, at least one trip).
CREATE TABLE mob AS
  SELECT x.ministry,
         CASE WHEN x.mode = 'flight' THEN 'flights'
              WHEN substr(x.mode, 1, 12) = 'car_private_' AND x.purpose = 'commute' THEN 'private_car_commute'
              WHEN substr(x.mode, 1, 12) = 'car_private_' THEN 'private_car_business'
              WHEN substr(x.mode, 1, 12) = 'car_service_' THEN 'service_cars'
              WHEN x.mode IN ('train', 'bus_tram_metro') THEN 'public_transport'
              ELSE 'other' END AS grp,
         x.km * f.t_per_km AS tonnes
  FROM (SELECT m.*, CASE WHEN m.mode = 'flight' THEN
                      (SELECT c.class FROM flight_classes c
                       WHERE m.km / (CASE WHEN m.trips IS NULL OR m.trips < 1 THEN 1 ELSE m.trips END) > c.lo
                         AND (c.hi IS NULL OR m.km / (CASE WHEN m.trips IS NULL OR m.trips < 1 THEN 1 ELSE m.trips END) <= c.hi))
                    ELSE '' END AS class
        FROM m, params
        WHERE m.d BETWEEN y0 AND y1 AND m.mode IS NOT NULL AND m.km > 0) x
  JOIN factors f ON f.mode = x.mode AND f.class = x.class;
CREATE TABLE mobility_groups(grp TEXT);
INSERT INTO mobility_groups VALUES ('flights'), ('private_car_commute'), ('private_car_business'),
  ('service_cars'), ('public_transport'), ('other');
-- Mobility and ICT count every ministry that delivered; nothing is left out of the Rijk.
CREATE TABLE mobility_scopes AS
  SELECT ministry, ministry AS scope FROM (SELECT DISTINCT ministry FROM delivered WHERE dataset = 'mobility')
  UNION ALL
  SELECT ministry, 'Rijk' FROM (SELECT DISTINCT ministry FROM delivered WHERE dataset = 'mobility');
CREATE TABLE ict_scopes AS
  SELECT ministry, ministry AS scope FROM (
    SELECT DISTINCT ministry FROM delivered WHERE dataset = 'ict_activities'
      AND ministry IN (SELECT ministry FROM delivered WHERE dataset = 'ict_records'))
  UNION ALL
  SELECT ministry, 'Rijk' FROM (
    SELECT DISTINCT ministry FROM delivered WHERE dataset = 'ict_activities'
      AND ministry IN (SELECT ministry FROM delivered WHERE dataset = 'ict_records'));
-- ICT (ict-projects.md): the current record is the newest dated in or before the year (of one date
-- the last in the file); the initial the first record with action initial by date (of one date the
-- first in the file), or the oldest record when none is initial.
CREATE TABLE ict_current AS
  SELECT ministry, activity, e, cost FROM (
    SELECT r.ministry, r.activity, r.e, r.cost,
           row_number() OVER (PARTITION BY r.ministry, r.activity ORDER BY r.d DESC, r.rn DESC) AS k
    FROM ir r, params WHERE r.d <= ylast) t
  WHERE k = 1;
CREATE TABLE ict_initial AS
  SELECT ministry, activity, e, cost FROM (
    SELECT r.ministry, r.activity, r.e, r.cost,
           row_number() OVER (PARTITION BY r.ministry, r.activity
                              ORDER BY CASE WHEN r.action = 'initial' THEN 0 ELSE 1 END, r.d, r.rn) AS k
    FROM ir r WHERE r.d IS NOT NULL) t
  WHERE k = 1;
-- In the report for the year: a record dated in or after it or the reference date in it, the current
-- end in or after it or unknown, and not "not started".
CREATE TABLE ict_in AS
  SELECT a.ministry, a.activity, i.e AS e0, c.e AS e1, i.cost AS cost0, c.cost AS cost1
  FROM ia a CROSS JOIN params
  LEFT JOIN ict_current c ON c.ministry = a.ministry AND c.activity = a.activity
  LEFT JOIN ict_initial i ON i.ministry = a.ministry AND i.activity = a.activity
  WHERE a.status <> 'not_started'
    AND (substr(a.ref, 1, 4) = substr(yfirst, 1, 4)
         OR EXISTS (SELECT 1 FROM ir r WHERE r.ministry = a.ministry AND r.activity = a.activity AND r.d >= yfirst))
    AND (c.e IS NULL OR c.e >= yfirst);
CREATE TABLE slip_classes(class TEXT);
INSERT INTO slip_classes VALUES ('Eerder'), ('Ongewijzigd'), ('Later ≤1 jaar'), ('Later >1 jaar');

-- result
WITH
-- headcount and fte on 31 December: employments in force that day.
on_ref AS (
  SELECT p.ministry, p.pid, sum(p.hours / 36.0) AS fte
  FROM p, params WHERE p.s <= y1 AND (p.e IS NULL OR p.e >= y1)
  GROUP BY p.ministry, p.pid
),
stock AS (
  SELECT sc.scope, count(*) AS headcount, sum(r.fte) AS fte
  FROM on_ref r JOIN scopes sc ON sc.ministry = r.ministry GROUP BY sc.scope
),
-- fte_mean: hours/36 x days in force in the year / days of the year.
fte_mean AS (
  SELECT sc.scope,
         sum(x.f * (x.e - (CASE WHEN x.s > y0 THEN x.s ELSE y0 END) + 1) / ydays) AS fte_mean
  FROM emp x JOIN scopes sc ON sc.ministry = x.ministry, params
  GROUP BY sc.scope
),
sick_seg AS (
  SELECT s.* FROM seg s JOIN episodes ep
    ON ep.ministry = s.ministry AND ep.pid = s.pid AND ep.episode = s.episode
  WHERE ep.preg = 0
),
-- Sick fte-days: segment x employment x period, at the employment's factor and the degree.
sick_parts AS (
  SELECT s.ministry,
         CASE WHEN s.s > x.s THEN s.s ELSE x.s END AS s,
         CASE WHEN s.e < x.e THEN s.e ELSE x.e END AS e,
         x.f * s.g AS w
  FROM sick_seg s JOIN emp x ON x.ministry = s.ministry AND x.pid = s.pid
),
sick AS (
  SELECT sc.scope, per.period,
         sum(w * ((CASE WHEN z.e < per.pl THEN z.e ELSE per.pl END)
                  - (CASE WHEN z.s > per.pf THEN z.s ELSE per.pf END) + 1)) AS days
  FROM sick_parts z JOIN absence_scopes sc ON sc.ministry = z.ministry
  JOIN periods per ON z.s <= per.pl AND z.e >= per.pf AND z.s <= z.e
  GROUP BY sc.scope, per.period
),
employed AS (
  SELECT sc.scope, per.period,
         sum(x.f * ((CASE WHEN x.e < per.pl THEN x.e ELSE per.pl END)
                    - (CASE WHEN x.s > per.pf THEN x.s ELSE per.pf END) + 1)) AS days
  FROM emp x JOIN absence_scopes sc ON sc.ministry = x.ministry
  JOIN periods per ON x.s <= per.pl AND x.e >= per.pf
  GROUP BY sc.scope, per.period
),
-- Frequency: episodes starting in the period (first day over all segments), counted where the
-- person had an employment on the episode's first day in the year; over the mean headcount.
started AS (
  SELECT ep.ministry, ep.first FROM episodes ep, params
  WHERE ep.preg = 0 AND EXISTS (
    SELECT 1 FROM emp x WHERE x.ministry = ep.ministry AND x.pid = ep.pid
      AND x.s <= (CASE WHEN ep.first > y0 THEN ep.first ELSE y0 END)
      AND x.e >= (CASE WHEN ep.first > y0 THEN ep.first ELSE y0 END))
),
started_count AS (
  SELECT sc.scope, per.period, count(*) * per.mult AS n
  FROM started st JOIN absence_scopes sc ON sc.ministry = st.ministry
  JOIN periods per ON st.first BETWEEN per.pf AND per.pl
  GROUP BY sc.scope, per.period, per.mult
),
-- Mean headcount: the days each person had any employment (the union of the person's employments
-- in the year, as islands), over the days of the period.
clipped AS (
  SELECT ministry, pid, CASE WHEN x.s > y0 THEN x.s ELSE y0 END AS s, x.e FROM emp x, params
),
marked AS (
  SELECT ministry, pid, s, e,
         max(e) OVER (PARTITION BY ministry, pid ORDER BY s, e ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach
  FROM clipped
),
numbered AS (
  SELECT ministry, pid, s, e,
         sum(CASE WHEN reach IS NULL OR s > reach THEN 1 ELSE 0 END)
           OVER (PARTITION BY ministry, pid ORDER BY s, e ROWS UNBOUNDED PRECEDING) AS island
  FROM marked
),
islands AS (SELECT ministry, pid, min(s) AS s, max(e) AS e FROM numbered GROUP BY ministry, pid, island),
headcount_days AS (
  SELECT sc.scope, per.period,
         sum(((CASE WHEN i.e < per.pl THEN i.e ELSE per.pl END)
              - (CASE WHEN i.s > per.pf THEN i.s ELSE per.pf END) + 1) * 1.0) / per.days AS mean_headcount
  FROM islands i JOIN absence_scopes sc ON sc.ministry = i.ministry
  JOIN periods per ON i.s <= per.pl AND i.e >= per.pf
  GROUP BY sc.scope, per.period, per.days
),
-- Hire share: ministries that deliver their own personnel spend; the Rijk is all of them.
hire_ministry AS (
  SELECT ministry,
         sum(CASE WHEN category <> 'own_personnel' THEN amount ELSE 0 END) AS hire,
         sum(CASE WHEN category = 'own_personnel' THEN amount ELSE 0 END) AS own
  FROM h WHERE amount IS NOT NULL
  GROUP BY ministry
  HAVING sum(CASE WHEN category = 'own_personnel' THEN 1 ELSE 0 END) > 0
),
hire AS (
  SELECT ministry AS scope, hire, own FROM hire_ministry
  UNION ALL
  SELECT 'Rijk', sum(hire), sum(own) FROM hire_ministry HAVING count(*) > 0
),
-- Mobility CO2 in tonnes by group, every group of every scope (zero included), and the total.
mobility_sum AS (
  SELECT sc.scope, x.grp, sum(x.tonnes) AS tonnes
  FROM mob x JOIN mobility_scopes sc ON sc.ministry = x.ministry GROUP BY sc.scope, x.grp
),
mobility_group AS (
  SELECT sc.scope, g.grp, coalesce(ms.tonnes, 0) AS tonnes
  FROM (SELECT DISTINCT scope FROM mobility_scopes) sc CROSS JOIN mobility_groups g
  LEFT JOIN mobility_sum ms ON ms.scope = sc.scope AND ms.grp = g.grp
),
-- ICT cost change: 100 x (sum of current - sum of initial estimates) / sum of initial estimates,
-- an unknown estimate counting 0; no figure when the initial sum is 0.
ict_cost AS (
  SELECT sc.scope, sum(coalesce(x.cost1, 0)) - sum(coalesce(x.cost0, 0)) AS diff,
         sum(coalesce(x.cost0, 0)) AS base
  FROM ict_in x JOIN ict_scopes sc ON sc.ministry = x.ministry GROUP BY sc.scope
),
-- End-date slip between the initial and the current end estimate: earlier, unchanged, later by at
-- most a calendar year (to the same day a year on, 29 February to 28 February) or by more; an
-- activity without both estimates is in no class.
ict_slip AS (
  SELECT ministry,
         CASE WHEN e1 < e0 THEN 'Eerder'
              WHEN e1 = e0 THEN 'Ongewijzigd'
              WHEN e1 <= CAST(CAST(substr(e0, 1, 4) AS INTEGER) + 1 AS VARCHAR)
                         || CASE WHEN substr(e0, 5) = '-02-29' THEN '-02-28' ELSE substr(e0, 5) END
                THEN 'Later ≤1 jaar'
              ELSE 'Later >1 jaar' END AS class
  FROM ict_in WHERE e0 IS NOT NULL AND e1 IS NOT NULL
),
ict_slip_sum AS (
  SELECT sc.scope, x.class, count(*) AS n
  FROM ict_slip x JOIN ict_scopes sc ON sc.ministry = x.ministry GROUP BY sc.scope, x.class
),
ict_slip_count AS (
  SELECT sc.scope, k.class, coalesce(ss.n, 0) AS n
  FROM (SELECT DISTINCT scope FROM ict_scopes) sc CROSS JOIN slip_classes k
  LEFT JOIN ict_slip_sum ss ON ss.scope = sc.scope AND ss.class = k.class
)
SELECT 'personnel.headcount' AS indicator, scope AS ministry, (SELECT period FROM periods WHERE mult = 1) AS period,
       '' AS category, 1.0 * headcount AS value FROM stock
UNION ALL
SELECT 'personnel.fte', scope, (SELECT period FROM periods WHERE mult = 1), '', fte FROM stock
UNION ALL
SELECT 'personnel.fte_mean', scope, (SELECT period FROM periods WHERE mult = 1), '', fte_mean FROM fte_mean
UNION ALL
SELECT 'absence.rate', e.scope, e.period, '', 100.0 * coalesce(s.days, 0) / e.days
FROM employed e LEFT JOIN sick s ON s.scope = e.scope AND s.period = e.period
WHERE e.days > 0
UNION ALL
SELECT 'absence.frequency', hd.scope, hd.period, '', coalesce(n.n, 0) / hd.mean_headcount
FROM headcount_days hd LEFT JOIN started_count n ON n.scope = hd.scope AND n.period = hd.period
WHERE hd.mean_headcount > 0
UNION ALL
SELECT 'hire.share', scope, (SELECT period FROM periods WHERE mult = 1), '', 100.0 * hire / (own + hire)
FROM hire WHERE own + hire <> 0
UNION ALL
SELECT 'co2.mobility', scope, (SELECT period FROM periods WHERE mult = 1), grp, tonnes FROM mobility_group
UNION ALL
SELECT 'co2.mobility', scope, (SELECT period FROM periods WHERE mult = 1), '', sum(tonnes)
FROM mobility_group GROUP BY scope
UNION ALL
SELECT 'ict.cost_change', scope, (SELECT period FROM periods WHERE mult = 1), '', 100.0 * diff / base
FROM ict_cost WHERE base > 0
UNION ALL
SELECT 'ict.by_slip_class', scope, (SELECT period FROM periods WHERE mult = 1), class, 1.0 * n FROM ict_slip_count
UNION ALL
SELECT 'ict.by_slip_class', scope, (SELECT period FROM periods WHERE mult = 1), '', 1.0 * sum(n)
FROM ict_slip_count GROUP BY scope
ORDER BY 1, 2, 3, 4;
