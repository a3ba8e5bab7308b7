#!/usr/bin/env bash
# Import benchmark: generates a data.police.uk-format street file (default 5 million rows), then loads and groups it
# (month × force × LSOA × crime type) with Scrutineer, DuckDB (npm @duckdb/node-api) and the sqlite3 command-line tool,
# one after the other in the same run, and prints rows per second and peak memory (maximum resident set size).
#   benchmarks/import-benchmark.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
ensure_npm_packages
(cd benchmarks && npm install --no-audit --no-fund --loglevel=error)
rows="${1:-5000000}"
work="${TMPDIR:-/tmp}/scrutineer-bench"
mkdir -p "$work"
file="$work/2023-01-essex-street.csv"
if [ ! -f "$file" ] || [ "$(cat "$work/rows" 2>/dev/null)" != "$rows" ]; then
  echo "Generating $rows rows ..." >&2
  node benchmarks/generate-street.mjs "$file" "$rows"
  echo "$rows" > "$work/rows"
fi
size_mb=$(( $(stat -c %s "$file") / 1048576 ))
./scrutineer --help > /dev/null   # build first, outside the timing
cat "$file" > /dev/null            # same warm page cache for all three

measure() { /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/out" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }; read -r secs kb < "$work/time"; }

rm -f "$work/s.db"
measure ./scrutineer import police-uk "$file" --db "$work/s.db"
s_secs=$secs; s_mb=$((kb / 1024))

measure node benchmarks/duckdb-load.mjs "$file"
d_secs=$secs; d_mb=$((kb / 1024)); read -r _ d_rows d_groups _ < "$work/out"

rm -f "$work/q.db"
sed "s|__FILE__|$file|" benchmarks/sqlite-load.sql > "$work/load.sql"
measure sqlite3 "$work/q.db" ".read $work/load.sql"
q_secs=$secs; q_mb=$((kb / 1024))

rate() { echo "$rows $1" | awk '{ printf "%\047d", $1 / $2 }'; }
echo
echo "$rows rows, $size_mb MB, $(nproc) cores; DuckDB counted $d_rows rows in $d_groups groups"
echo
echo "| Tool | Seconds | Rows per second | Peak memory (MB) |"
echo "|---|---:|---:|---:|"
echo "| Scrutineer (import police-uk, into SQLite) | $s_secs | $(rate "$s_secs") | $s_mb |"
echo "| DuckDB $(node -p "require('./benchmarks/node_modules/@duckdb/node-api/package.json').version") (read_csv + GROUP BY, in memory) | $d_secs | $(rate "$d_secs") | $d_mb |"
echo "| sqlite3 $(sqlite3 --version | cut -d' ' -f1) (.import + GROUP BY) | $q_secs | $(rate "$q_secs") | $q_mb |"
