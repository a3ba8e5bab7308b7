// Loads a street-level CSV with DuckDB and groups it as Scrutineer does (month × force × LSOA × crime type).
// Prints: seconds rows groups peak_rss_mb
// Usage: node benchmarks/duckdb-load.mjs FILE.csv (or a glob: DIR/*.csv)
import { DuckDBInstance } from '@duckdb/node-api';

const file = process.argv[2];
const started = process.hrtime.bigint();
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run(`CREATE TABLE tally AS
  SELECT "Month" AS month, "Falls within" AS force, "LSOA code" AS lsoa, "Crime type" AS crime_type, count(*) AS n
  FROM read_csv('${file.replaceAll("'", "''")}', header = true, all_varchar = true)
  GROUP BY ALL`);
const reader = await connection.runAndReadAll('SELECT sum(n)::BIGINT AS rows_, count(*)::BIGINT AS groups_ FROM tally');
const [rows, groups] = reader.getRows()[0];
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(`${seconds.toFixed(2)} ${rows} ${groups} ${Math.round(process.resourceUsage().maxRSS / 1024)}`);
