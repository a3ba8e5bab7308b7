#!/usr/bin/env bash
# National archive benchmark: `scrutineer import police-uk` of a synthetic national data.police.uk archive (43 forces ×
# 36 months, benchmarks/generate-national.mjs, about 18 million street rows at scale 1) into a fresh SQLite store and
# a fresh PostgreSQL database, each a whole command (process start included) timed by /usr/bin/time (wall time, peak
# resident memory); then the same archive imported again into the same store (every force-month replaced), and
# `scrutineer insights rolling12` for every force × crime type (43 × 15 measures). Floors measured in the same run:
#   read floor    `wc -l` of the same (warm) files: import rows/s against the rows/s of only reading them;
#   memory floor  the same import of the archive at 1/4 of the rows: peak memory at full scale against it (flat ≈ 1).
# The archives are generated once and kept in $TMPDIR/scrutineer-national (delete it afterwards: ~4 GB at scale 1).
#   benchmarks/national-benchmark.sh [ROWS_SCALE]        e.g. 0.1 for 1.8 million rows, a quick try
# PostgreSQL: $SCRUTINEER_BENCH_POSTGRES, else $SCRUTINEER_TEST_POSTGRES (`source /tmp/pgenv`), else the server
# scripts/prerequisites.sh starts; a database scrutineer_national_<pid> is made on it and dropped at the end. With
# $SCRUTINEER_TEST_POSTGRES_CA set the connection verifies the server's certificate against it.
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-1}"
rows=$(awk -v s="$scale" 'BEGIN { printf "%d", 18000000 * s }')
quarter=$(( rows / 4 ))
work="${TMPDIR:-/tmp}/scrutineer-national"
mkdir -p "$work"

generate() {
  local n="$1"
  if [ ! -f "$work/$n/done" ]; then
    echo "Generating a national archive of $n rows ..." >&2
    rm -rf "${work:?}/$n"
    node benchmarks/generate-national.mjs "$work/$n" "$n" >&2
    touch "$work/$n/done"
  fi
}
generate "$rows"
generate "$quarter"

base="${SCRUTINEER_BENCH_POSTGRES:-${SCRUTINEER_TEST_POSTGRES:-}}"
if [ -z "$base" ]; then
  source scripts/prerequisites.sh
  start_postgres >/dev/null
  base="$SCRUTINEER_TEST_POSTGRES"
fi
if [ -n "${SCRUTINEER_TEST_POSTGRES_CA:-}" ]; then base="$base;SSL Mode=VerifyFull;Root Certificate=$SCRUTINEER_TEST_POSTGRES_CA"; fi
pg_database="scrutineer_national_$$"
pg_of() { echo "$base" | sed -E "s/(^|;)Database=[^;]*/\1Database=$1/I"; }
psql_base() { # psql on the server of $base
  local host port user password
  host=$(echo "$base" | grep -oiE '(^|;)Host=[^;]*' | cut -d= -f2); port=$(echo "$base" | grep -oiE '(^|;)Port=[^;]*' | cut -d= -f2)
  user=$(echo "$base" | grep -oiE '(^|;)(Username|User ID)=[^;]*' | cut -d= -f2); password=$(echo "$base" | grep -oiE '(^|;)Password=[^;]*' | cut -d= -f2)
  PGOPTIONS=--client-min-messages=warning PGPASSWORD="$password" psql -q -h "$host" -p "${port:-5432}" -U "$user" -d postgres "$@"
}
cleanup() { psql_base -c "DROP DATABASE IF EXISTS $pg_database WITH (FORCE)" >/dev/null 2>&1 || true; rm -f "$work"/*.db "$work"/*.db-*; }
trap cleanup EXIT

./scrutineer --help > /dev/null   # build first, outside the timing
measure() { /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/out" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }; read -r secs kb < "$work/time"; }
commas() { echo "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
rate() { awk -v r="$1" -v s="$2" 'BEGIN { printf "%.0f", r / s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
fresh_store() { # fresh_store ENGINE NAME → $db
  case "$1" in
    sqlite) db="$work/$2.db"; rm -f "$db" "$db"-*; ./scrutineer init --db "$db" > /dev/null ;;
    postgresql) psql_base -c "DROP DATABASE IF EXISTS $pg_database WITH (FORCE)" -c "CREATE DATABASE $pg_database" > /dev/null
      db=$(pg_of "$pg_database"); ./scrutineer init --db "$db" > /dev/null ;;
  esac
}

# The read floor: only reading the files, warm (the same page cache the imports see).
files=$(find "$work/$rows" -name '*-street.csv' | wc -l)
mb=$(( $(du -cb "$work/$rows" | tail -1 | cut -f1) / 1048576 ))
measure sh -c "find '$work/$rows' -name '*-street.csv' -print0 | xargs -0 cat | wc -l"
measure sh -c "find '$work/$rows' -name '*-street.csv' -print0 | xargs -0 cat | wc -l"
wc_secs=$secs; wc_rate=$(rate "$rows" "$secs")

lines=()
for engine in sqlite postgresql; do
  fresh_store "$engine" quarter
  measure ./scrutineer import police-uk "$work/$quarter" --db "$db"; q_kb=$kb
  fresh_store "$engine" full
  measure ./scrutineer import police-uk "$work/$rows" --db "$db"; i_secs=$secs; i_kb=$kb
  grep -q "Imported $(commas "$rows") rows from $(commas "$files") files" "$work/out" || { echo "$engine: unexpected import summary:" >&2; cat "$work/out" >&2; exit 1; }
  measure ./scrutineer insights rolling12 --db "$db" --format csv; r_secs=$secs
  pairs=$(( $(wc -l < "$work/out") - 1 )); cp "$work/out" "$work/rolling12-first.csv"
  measure ./scrutineer import police-uk "$work/$rows" --db "$db"; again_secs=$secs; again_kb=$kb
  measure ./scrutineer insights rolling12 --db "$db" --format csv
  cmp -s "$work/out" "$work/rolling12-first.csv" || { echo "$engine: rolling-12 differs after importing the archive again" >&2; exit 1; }
  lines+=("| $engine | $i_secs | $(commas "$(rate "$rows" "$i_secs")") | $(ratio "$(rate "$rows" "$i_secs")" "$wc_rate") | $(( i_kb / 1024 )) | $(( q_kb / 1024 )) | $(ratio "$i_kb" "$q_kb") | $again_secs | $(( again_kb / 1024 )) | $r_secs | $pairs |")
  echo "$engine done" >&2
done
cleanup

echo
echo "$(commas "$rows") rows in $files files ($mb MB; 43 forces × 36 months); 1/4 scale $(commas "$quarter") rows; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
echo "Read floor: wc -l of the same files $wc_secs s, $(commas "$wc_rate") rows/s"
echo
echo "| Engine | Import (s) | Rows/s | Rows/s ÷ wc -l | Peak (MB) | Peak at 1/4 rows (MB) | Peak ÷ peak at 1/4 | Again (s) | Again peak (MB) | rolling12 all (s) | Force × measure pairs |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${lines[@]}"
