#!/usr/bin/env bash
# PDF benchmark (decision 0144): `./scrutineer serve --demo` on a fresh store (SQLite, or PostgreSQL with
# --store postgresql) on 127.0.0.1, signed in as the demo analyst; the quarterly report of Q4 2023/24 as a PDF,
# downloaded through the web server's warm Chromium:
#   1. one download to warm up (starts the browser), not counted;
#   2. single: RUNS downloads one after another;
#   3. concurrent: RUNS rounds of 4 downloads at once: the demo analyst and the demo administrator (the two accounts
#      cleared for the full version) two each, as one account may generate at most Reports:PerUserLimit (2) at once.
# Prints each set's p50 and p95 (nearest rank) and the ratio of the concurrent p95 to the single p95, PASS when at
# most 3.0. Every download must answer 200 with a PDF; any other answer stops the run.
#   benchmarks/pdf-benchmark.sh [--store sqlite|postgresql] [RUNS=5]
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/demo-server.sh
store_option "$@"
set -- "${rest[@]+"${rest[@]}"}"
runs="${1:-5}"
period="${PERIOD:-Q4 2023/24}"
port="${SCRUTINEER_BENCH_PORT:-5092}"
work="$(mktemp -d)"
server=""
trap 'code=$?; stop_demo_server; exit $code' EXIT
start_demo_server
sign_in admin
cp "$jar" "$work/admin.cookies"
sign_in analyst
cp "$jar" "$work/analyst.cookies"
round=$(curl -fsS -b "$jar" "$url/reports" | grep -F "$period" | sed -nE 's/.*<option value="([0-9]+)">.*/\1/p' | head -1)
[ -n "$round" ] || { echo "ERROR: no round for $period on /reports" >&2; exit 1; }
download="$url/reports/download?report=quarterly&round=$round&format=pdf&version=full"

# fetch N [ACCOUNT]: downloads the PDF to $work/N.pdf as ACCOUNT (default analyst) and prints the seconds it took;
# stops the run on anything but a PDF.
fetch() {
  local answer
  answer=$(curl -sS -b "$work/${2:-analyst}.cookies" -o "$work/$1.pdf" -w '%{http_code} %{content_type} %{time_total}' "$download")
  set -- "$1" $answer
  if [ "$2" != 200 ] || [ "$3" != application/pdf ] || ! head -c 5 "$work/$1.pdf" | grep -q '%PDF-'; then
    echo "ERROR: download $1 answered $2 $3" >&2
    exit 1
  fi
  echo "$4"
}

# percentile P FILE: nearest-rank percentile of the seconds in FILE.
percentile() { sort -n "$2" | awk -v p="$1" '{ v[NR] = $1 } END { r = int((p / 100) * NR + 0.999999); if (r < 1) r = 1; printf "%.2f", v[r] }'; }

echo "machine: $(nproc) cores; store: $store; report: quarterly $period (full version) as PDF; uptime: $(uptime)"
echo "warm-up: $(fetch warm) s"
: > "$work/single"
for i in $(seq 1 "$runs"); do fetch "single-$i" >> "$work/single"; done
: > "$work/concurrent"
for i in $(seq 1 "$runs"); do
  users=()
  for u in 1 2 3 4; do
    account=analyst; [ $((u % 2)) = 0 ] && account=admin
    fetch "concurrent-$i-$u" "$account" > "$work/c-$i-$u" & users+=($!)
  done
  for pid in "${users[@]}"; do wait "$pid"; done
  cat "$work"/c-"$i"-* >> "$work/concurrent"
done
pages=$(pdfinfo "$work/single-1.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
single_p95=$(percentile 95 "$work/single")
concurrent_p95=$(percentile 95 "$work/concurrent")
ratio=$(echo "scale=4; $concurrent_p95 / $single_p95" | bc)
printf 'single     (%2d downloads one at a time): p50 %6.2f s   p95 %6.2f s   (%s pages)\n' "$runs" "$(percentile 50 "$work/single")" "$single_p95" "${pages:-?}"
printf 'concurrent (%2d downloads, 4 at a time):  p50 %6.2f s   p95 %6.2f s\n' "$((runs * 4))" "$(percentile 50 "$work/concurrent")" "$concurrent_p95"
verdict=FAIL
[ "$(echo "$ratio <= 3" | bc)" = 1 ] && verdict=PASS
printf 'ratio concurrent p95 / single p95: %.2f (target at most 3.00): %s\n' "$ratio" "$verdict"
echo "uptime after: $(uptime)"
[ "$verdict" = PASS ]
