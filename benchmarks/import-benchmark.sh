#!/usr/bin/env bash
# Import benchmark: Scrutineer against DuckDB in the same run, on two cases of data.police.uk street files, grouping by
# month × force × LSOA × crime type:
#   many files  26 monthly files of 41,154 rows (1,070,004 rows), imported as one folder;
#   one file    a single file of ROWS rows (default 5,000,000).
# The files are generated (benchmarks/generate-street.mjs, deterministic) on the first run. Each tool runs RUNS times
# per case, alternating, each run a whole command (process start included) on the same warm files, Scrutineer into a
# fresh copy of an empty store made by `scrutineer init` (creating the store is not the import); the median wall
# time and the highest peak memory (maximum resident set size) come from /usr/bin/time. Prints, per case, the ratio
# Scrutineer/DuckDB (at most 1.00 passes) and both peaks.
#   benchmarks/import-benchmark.sh [ROWS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
ensure_npm_packages
(cd benchmarks && npm install --no-audit --no-fund --loglevel=error)
rows="${1:-5000000}"
runs="${2:-3}"
work="${TMPDIR:-/tmp}/scrutineer-bench"
mkdir -p "$work/many"

file="$work/2023-01-essex-street.csv"
if [ ! -f "$file" ] || [ "$(cat "$work/rows" 2>/dev/null)" != "$rows" ]; then
  echo "Generating $rows rows ..." >&2
  node benchmarks/generate-street.mjs "$file" "$rows"
  echo "$rows" > "$work/rows"
fi
if [ "$(ls "$work/many" | wc -l)" != 26 ]; then
  echo "Generating 26 monthly files ..." >&2
  for i in $(seq 0 25); do
    month="$((2021 + i / 12))-$(printf %02d $(( i % 12 + 1 )))"
    node benchmarks/generate-street.mjs "$work/many/$month-essex-street.csv" 41154 "$month"
  done
fi

./scrutineer --help > /dev/null   # build first, outside the timing
rm -f "$work/template.db" && ./scrutineer init --db "$work/template.db" > /dev/null   # the store exists before an import
cat "$file" "$work"/many/*.csv > /dev/null   # same warm page cache for both tools

measure() { /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/out" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }; read -r secs kb < "$work/time"; }
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
max() { printf '%s\n' "$@" | sort -n | tail -1; }

# run_case NAME PATH DUCKDB_INPUT
run_case() {
  local name="$1" path="$2" input="$3" s_all=() d_all=() s_kb=() d_kb=()
  for _ in $(seq "$runs"); do
    cp "$work/template.db" "$work/s.db"
    measure ./scrutineer import police-uk "$path" --db "$work/s.db"; s_all+=("$secs"); s_kb+=("$kb")
    measure node benchmarks/duckdb-load.mjs "$input"; d_all+=("$secs"); d_kb+=("$kb")
    read -r _ d_rows d_groups _ < "$work/out"
  done
  local s d ratio verdict
  s=$(median "${s_all[@]}"); d=$(median "${d_all[@]}")
  ratio=$(echo "$s $d" | awk '{ printf "%.2f", $1 / $2 }')
  verdict=$(echo "$ratio" | awk '{ print ($1 <= 1.0 ? "PASS" : "FAIL") }')
  local mb=$(( $(du -cb "$path" | tail -1 | cut -f1) / 1048576 ))
  rows_line+=("| $name | $(printf "%'d" "$d_rows") | $mb | $d_groups | $s | $d | $ratio | $verdict | $(( $(max "${s_kb[@]}") / 1024 )) | $(( $(max "${d_kb[@]}") / 1024 )) |")
  echo "$name: Scrutineer ${s_all[*]} s; DuckDB ${d_all[*]} s" >&2
}

rows_line=()
run_case "26 monthly files" "$work/many" "$work/many/*.csv"
run_case "one file" "$file" "$file"

echo
echo "$(nproc) cores; median of $runs runs each, alternating; DuckDB $(node -p "require('./benchmarks/node_modules/@duckdb/node-api/package.json').version") (read_csv + GROUP BY, in memory)"
echo
echo "| Case | Rows | MB | Groups | Scrutineer (s) | DuckDB (s) | Scrutineer/DuckDB | ≤ 1.00 | Scrutineer peak (MB) | DuckDB peak (MB) |"
echo "|---|---:|---:|---:|---:|---:|---:|---|---:|---:|"
printf '%s\n' "${rows_line[@]}"
