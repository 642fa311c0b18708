// The DuckDB peer of bench/pipeline.sh: loads one year's personnel, absence, external_hire,
// mobility, ict_activities and ict_records deliveries of a synthetic Rijk (plain UTF-8 CSV) into a fresh database file and computes the peer
// subset with indicators.sql, the same SQL the SQLite peer runs.
//   node bench/peers/duckdb.mjs SYNTH_DIR YEAR DB.duckdb SETUP.sql OUT.csv
// SETUP.sql: the parameter tables (setup.sh). OUT.csv: indicator,ministry,period,value. Prints one
// line of JSON: load and compute wall seconds and CPU seconds of the process meanwhile (every
// thread), timed inside node, so node's start-up is not counted; and DuckDB's thread count.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const [dir, year, dbPath, setupPath, outPath] = process.argv.slice(2);
if (!outPath) {
  console.error('usage: node duckdb.mjs SYNTH_DIR YEAR DB.duckdb SETUP.sql OUT.csv');
  process.exit(2);
}
if (existsSync(dbPath)) {
  console.error(`${dbPath} exists; the peer wants a fresh database`);
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const quote = (s) => `'${s.replaceAll("'", "''")}'`;

// The year's files of each dataset, from the manifest (file,dataset,ministry,year,sha256,rows);
// files without rows are read by nobody but listed in `delivered`.
const files = { personnel: [], absence: [], external_hire: [], mobility: [], ict_activities: [], ict_records: [] };
const ministryOf = new Map();
const delivered = [];
for (const line of readFileSync(join(dir, 'manifest.csv'), 'utf8').split('\n').slice(1)) {
  const [file, dataset, ministry, y, , rows] = line.split(',');
  if (y === year && dataset in files) {
    const path = join(dir, file);
    delivered.push(`(${quote(dataset)}, ${quote(ministry)})`);
    if (Number(rows) === 0) continue;
    files[dataset].push(path);
    ministryOf.set(path, ministry);
  }
}
const list = (paths) => `[${paths.map(quote).join(', ')}]`;
const ministries = `(VALUES ${[...ministryOf].map(([f, m]) => `(${quote(f)}, ${quote(m)})`).join(', ')}) AS m(file, ministry)`;
const day = (col) => `datediff('day', DATE '1970-01-01', ${col})`;

const instance = await DuckDBInstance.create(dbPath);
const conn = await instance.connect();
// Statements of a script, in order; `-- result` starts the query whose rows are the output.
const statements = (sql) => sql.split(/;\s*\n/).map((s) => s.replace(/^(\s*--[^\n]*\n)*/g, '').trim()).filter((s) => s);

let cpu0 = process.cpuUsage();
let t0 = process.hrtime.bigint();
await conn.run(`CREATE TABLE p AS SELECT m.ministry, person_id AS pid, ${day('start_date')} AS s, ${day('end_date')} AS e,
  CAST(weekly_hours AS DOUBLE) AS hours
  FROM read_csv(${list(files.personnel)}, header = true, filename = true, union_by_name = true,
                types = {'start_date': 'DATE', 'end_date': 'DATE', 'weekly_hours': 'DOUBLE', 'person_id': 'VARCHAR'}) r
  JOIN ${ministries} ON m.file = r.filename`);
await conn.run(`CREATE TABLE a AS SELECT m.ministry, episode_id AS episode, person_id AS pid, ${day('start_date')} AS s,
  ${day('end_date')} AS e, degree, CASE WHEN pregnancy THEN 1 ELSE 0 END AS preg
  FROM read_csv(${list(files.absence)}, header = true, filename = true, union_by_name = true,
                types = {'start_date': 'DATE', 'end_date': 'DATE', 'degree': 'DOUBLE', 'pregnancy': 'BOOLEAN',
                         'person_id': 'VARCHAR', 'episode_id': 'VARCHAR'}) r
  JOIN ${ministries} ON m.file = r.filename`);
await conn.run(`CREATE TABLE h AS SELECT m.ministry, category, amount_eur AS amount
  FROM read_csv(${list(files.external_hire)}, header = true, filename = true, union_by_name = true,
                types = {'amount_eur': 'DOUBLE', 'category': 'VARCHAR'}) r
  JOIN ${ministries} ON m.file = r.filename`);
await conn.run(`CREATE TABLE m AS SELECT m.ministry, ${day('date')} AS d, purpose, mode, distance_km AS km, trips
  FROM read_csv(${list(files.mobility)}, header = true, filename = true, union_by_name = true,
                types = {'date': 'DATE', 'purpose': 'VARCHAR', 'mode': 'VARCHAR', 'distance_km': 'DOUBLE', 'trips': 'BIGINT'}) r
  JOIN ${ministries} ON m.file = r.filename`);
// ICT dates stay ISO text; rn is the row's place in its file (the read keeps the files' order).
await conn.run(`CREATE TABLE ia AS SELECT m.ministry, activity_id AS activity, status, reference_date AS ref
  FROM read_csv(${list(files.ict_activities)}, header = true, filename = true, union_by_name = true, all_varchar = true) r
  JOIN ${ministries} ON m.file = r.filename`);
await conn.run(`CREATE TABLE ir AS SELECT m.ministry, activity_id AS activity, date AS d, action, end_date_estimate AS e,
  CAST(cost_estimate_eur AS DOUBLE) AS cost, rn
  FROM (SELECT *, row_number() OVER () AS rn
        FROM read_csv(${list(files.ict_records)}, header = true, filename = true, union_by_name = true, all_varchar = true)) r
  JOIN ${ministries} ON m.file = r.filename`);
await conn.run(`CREATE TABLE delivered AS SELECT * FROM (VALUES ${delivered.join(', ')}) AS t(dataset, ministry)`);
await conn.run('CHECKPOINT');  // the data is in the database file, as with the other tools
const loadSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
let cpu = process.cpuUsage(cpu0);
const loadCpu = (cpu.user + cpu.system) / 1e6;

cpu0 = process.cpuUsage();
t0 = process.hrtime.bigint();
const script = readFileSync(setupPath, 'utf8') + '\n' + readFileSync(join(here, 'indicators.sql'), 'utf8');
const [before, result] = script.split(/\n-- result\n/);
// The indexes are SQLite's: DuckDB joins by hashing, and building its ART indexes only costs time.
for (const s of statements(before)) {
  if (!/^CREATE INDEX/i.test(s)) await conn.run(s);
}
const rows = (await conn.runAndReadAll(result.trim().replace(/;\s*$/, ''))).getRows();
const computeSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
cpu = process.cpuUsage(cpu0);
const computeCpu = (cpu.user + cpu.system) / 1e6;
writeFileSync(outPath, rows.map((r) => r.map(String).join(',')).join('\n') + '\n');
const threads = (await conn.runAndReadAll("SELECT current_setting('threads')")).getRows()[0][0];
conn.closeSync();
instance.closeSync();
console.log(JSON.stringify({
  load_seconds: loadSeconds, load_cpu_seconds: loadCpu,
  compute_seconds: computeSeconds, compute_cpu_seconds: computeCpu,
  figures: rows.length, threads: Number(threads),
}));
