#!/usr/bin/env bash
# Web load benchmark: `./scrutineer serve --demo` on a fresh store (SQLite, or PostgreSQL with --store postgresql) on
# 127.0.0.1, signed in as a demo account, then wrk with 50 connections (50 concurrent users) alternating the dashboard
# and commitment pages for 30 s (after a 5 s warm-up). Prints requests/s, p50/p95/p99 latency, the count of 5xx answers
# and the load average.
# THINK_MS above 0 gives each user a think time between pages (mean THINK_MS, uniform from half to 1.5 times it), as
# people reading pages have; 0 (the default) sends each connection's next request as soon as the last is answered.
#   benchmarks/web-benchmark.sh [--store sqlite|postgresql] [SECONDS] [CONNECTIONS] [USER] [THINK_MS]
#   (or SCRUTINEER_BENCH_STORE=postgresql; PostgreSQL is started as ./test.sh starts it, scripts/prerequisites.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/demo-server.sh
store_option "$@"
set -- "${rest[@]+"${rest[@]}"}"
seconds="${1:-30}"
connections="${2:-50}"
user="${3:-viewer}"
export SCRUTINEER_THINK_MS="${4:-0}"
port="${SCRUTINEER_BENCH_PORT:-5091}"

if ! command -v wrk >/dev/null 2>&1; then
  [ "$(id -u)" -eq 0 ] || { echo "ERROR: wrk is missing; install it with apt-get install wrk (as root)." >&2; exit 1; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

work="$(mktemp -d)"
server=""
trap 'code=$?; stop_demo_server; exit $code' EXIT
start_demo_server
sign_in "$user"
export SCRUTINEER_COMMITMENTS=$(curl -fsS -b "$jar" "$url/priorities" | grep -oE 'href="/priorities/commitments/[0-9]+"' | grep -oE '[0-9]+' | sort -un | tr '\n' ' ')
[ -n "$SCRUTINEER_COMMITMENTS" ] || { echo "ERROR: no commitment links on /priorities" >&2; exit 1; }
echo "Store: $store. Signed in as $user; $(echo $SCRUTINEER_COMMITMENTS | wc -w) commitment pages and the dashboard."

echo "Warm-up (5 s) ..."
wrk -t2 -c"$connections" -d5s -s benchmarks/web-load.lua "$url" >/dev/null
echo "Load: $connections connections for $seconds s against $url ($store), think time ${SCRUTINEER_THINK_MS} ms"
wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -s benchmarks/web-load.lua "$url" | sed -n '/^requests/,$p'
echo "uptime: $(uptime)"
echo "5xx logged by the app: $(grep -c '"StatusCode":5' "$work/serve.log" || true)"
