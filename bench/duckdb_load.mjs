// Peer 2 of bench/run.sh: loads a CSV into a table of a fresh on-disk DuckDB database.
//   node bench/duckdb_load.mjs FILE.csv DB.duckdb
// Prints one line of JSON: {"seconds": <wall seconds of CREATE TABLE ... AS SELECT * FROM read_csv(...),
// checkpoint included>, "cpu_seconds": <CPU seconds of the process meanwhile, every thread>,
// "rows": <rows in the table>, "threads": <DuckDB's thread count>}. Node's start-up is not counted.
import { existsSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const [file, dbPath] = process.argv.slice(2);
if (!file || !dbPath) {
  console.error('usage: node duckdb_load.mjs FILE.csv DB.duckdb');
  process.exit(2);
}
if (existsSync(dbPath)) {
  console.error(`${dbPath} exists; the benchmark wants a fresh database`);
  process.exit(2);
}

const quote = (s) => `'${s.replaceAll("'", "''")}'`;
const instance = await DuckDBInstance.create(dbPath);
const conn = await instance.connect();
const cpu0 = process.cpuUsage();
const started = process.hrtime.bigint();
await conn.run(`CREATE TABLE t AS SELECT * FROM read_csv(${quote(file)})`);
await conn.run('CHECKPOINT');  // the data is in the database file, as with the other tools
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const rows = Number((await conn.runAndReadAll('SELECT count(*) FROM t')).getRows()[0][0]);
const threads = (await conn.runAndReadAll("SELECT current_setting('threads')")).getRows()[0][0];
conn.closeSync();
instance.closeSync();
console.log(JSON.stringify({ seconds, cpu_seconds: cpuSeconds, rows, threads: Number(threads) }));
