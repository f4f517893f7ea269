// DuckDB (through @duckdb/node-api, in memory) as a peer of the national analytics benchmark
// (bench/analytics-bench): (a) loads the households of one year and the GSO unit list into its
// own tables, (b) classifies by the 2011–2015 lines and counts households, poor and near-poor
// households and their rates by commune, district and province, fastest of RUNS runs.
//
//   node duckdb_peer.mjs HOUSEHOLDS.csv UNITS.csv OUT_PROVINCES.csv RUNS THREADS
//
// Prints `key value` lines (load_s, compute_s, rss_peak_mib, rows) and writes the province
// counts for the check against An Sinh's.
import { DuckDBInstance, version } from '@duckdb/node-api';
import { writeFileSync } from 'node:fs';

const [hhPath, unitsPath, outPath, runsArg, threadsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 3);
const threads = String(threadsArg ?? 2);

const quote = (s) => `'${s.replaceAll("'", "''")}'`;

// Classification is per household; the heavy part is one pass grouping by commune, then the
// communes roll up to districts and provinces (as An Sinh's counters do).
const query = `
WITH c AS MATERIALIZED (
  SELECT u.commune_code, u.district_code, u.province_code,
         count(*) AS households,
         count(*) FILTER (WHERE h.income_month <= (CASE WHEN u.urban THEN 500000 ELSE 400000 END) * h.members) AS poor,
         count(*) FILTER (WHERE h.income_month > (CASE WHEN u.urban THEN 500000 ELSE 400000 END) * h.members
                            AND h.income_month <= (CASE WHEN u.urban THEN 650000 ELSE 520000 END) * h.members) AS near_poor
  FROM hh h JOIN units u ON h.commune_code = u.commune_code
  GROUP BY u.commune_code, u.district_code, u.province_code)
SELECT 'commune' AS level, commune_code AS code, households, poor, near_poor,
       100.0 * poor / households AS poverty_rate, 100.0 * near_poor / households AS near_poverty_rate
FROM c
UNION ALL
SELECT 'district', district_code, sum(households), sum(poor), sum(near_poor),
       100.0 * sum(poor) / sum(households), 100.0 * sum(near_poor) / sum(households)
FROM c GROUP BY district_code
UNION ALL
SELECT 'province', province_code, sum(households), sum(poor), sum(near_poor),
       100.0 * sum(poor) / sum(households), 100.0 * sum(near_poor) / sum(households)
FROM c GROUP BY province_code`;

const instance = await DuckDBInstance.create(':memory:', { threads });
const connection = await instance.connect();

let start = performance.now();
await connection.run(`CREATE TABLE hh AS SELECT * FROM read_csv(${quote(hhPath)}, header = true,
  columns = {'household_id': 'BIGINT', 'year': 'INTEGER', 'commune_code': 'VARCHAR',
             'income_month': 'BIGINT', 'members': 'INTEGER'})`);
await connection.run(`CREATE TABLE units AS
  SELECT commune_code, district_code, province_code, commune_type IN ('Phường', 'Thị trấn') AS urban
  FROM read_csv(${quote(unitsPath)}, header = true, all_varchar = true)
  WHERE commune_code IS NOT NULL AND commune_code <> ''`);
const loadS = (performance.now() - start) / 1000;

let best = Infinity;
let rows = [];
for (let r = 0; r < runs; ++r) {
  start = performance.now();
  const reader = await connection.runAndReadAll(query);
  rows = reader.getRowObjectsJS();
  best = Math.min(best, (performance.now() - start) / 1000);
}

const provinces = rows
  .filter((row) => row.level === 'province')
  .sort((a, b) => (a.code < b.code ? -1 : 1))
  .map((row) => `${row.code},${row.households},${row.poor},${row.near_poor}`);
writeFileSync(outPath, ['province_code,households,poor,near_poor', ...provinces].join('\n') + '\n');

console.log(`load_s ${loadS.toFixed(3)}`);
console.log(`compute_s ${best.toFixed(3)}`);
console.log(`rss_peak_mib ${(process.resourceUsage().maxRSS / 1024).toFixed(0)}`);
console.log(`rows ${rows.length}`);
console.log(`version ${version()}`);
connection.closeSync();
instance.closeSync();
