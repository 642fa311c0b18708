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
--   params(y0, y1, ydays)                             the year's first and last day, its days
--   periods(period, pf, pl, days, mult)               the year and its quarters; mult 4 for a quarter
--   excluded(ministry)                                outside the Rijk for personnel and absence
-- Output: indicator, ministry ('Rijk' for the Rijk), period, value: the statement after the line
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
)
SELECT 'personnel.headcount' AS indicator, scope AS ministry, (SELECT period FROM periods WHERE mult = 1) AS period,
       1.0 * headcount AS value FROM stock
UNION ALL
SELECT 'personnel.fte', scope, (SELECT period FROM periods WHERE mult = 1), fte FROM stock
UNION ALL
SELECT 'personnel.fte_mean', scope, (SELECT period FROM periods WHERE mult = 1), fte_mean FROM fte_mean
UNION ALL
SELECT 'absence.rate', e.scope, e.period, 100.0 * coalesce(s.days, 0) / e.days
FROM employed e LEFT JOIN sick s ON s.scope = e.scope AND s.period = e.period
WHERE e.days > 0
UNION ALL
SELECT 'absence.frequency', hd.scope, hd.period, coalesce(n.n, 0) / hd.mean_headcount
FROM headcount_days hd LEFT JOIN started_count n ON n.scope = hd.scope AND n.period = hd.period
WHERE hd.mean_headcount > 0
UNION ALL
SELECT 'hire.share', scope, (SELECT period FROM periods WHERE mult = 1), 100.0 * hire / (own + hire)
FROM hire WHERE own + hire <> 0
ORDER BY 1, 2, 3;
