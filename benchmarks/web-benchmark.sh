#!/usr/bin/env bash
# Web load benchmark: `./scrutineer serve --demo` on a fresh SQLite store on 127.0.0.1, signed in as a demo account,
# then wrk with 50 connections (50 concurrent users) alternating the dashboard and commitment pages for 30 s
# (after a 5 s warm-up). Prints requests/s, p50/p95/p99 latency, the count of 5xx answers and the load average.
# THINK_MS above 0 gives each user a think time between pages (mean THINK_MS, uniform from half to 1.5 times it), as
# people reading pages have; 0 (the default) sends each connection's next request as soon as the last is answered.
#   benchmarks/web-benchmark.sh [SECONDS] [CONNECTIONS] [USER] [THINK_MS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
connections="${2:-50}"
user="${3:-viewer}"
export SCRUTINEER_THINK_MS="${4:-0}"
port="${SCRUTINEER_BENCH_PORT:-5091}"
url="http://127.0.0.1:$port"

if ! command -v wrk >/dev/null 2>&1; then
  [ "$(id -u)" -eq 0 ] || { echo "ERROR: wrk is missing; install it with apt-get install wrk (as root)." >&2; exit 1; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

work="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

./scrutineer --help >/dev/null  # builds the Release CLI when the sources changed
./scrutineer serve --db "$work/demo.db" --demo --urls "$url" > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 180); do
  curl -fsS "$url/health" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 1
done
curl -fsS "$url/health" >/dev/null || { echo "ERROR: the app did not answer $url/health" >&2; exit 1; }

jar="$work/cookies"
token=$(curl -fsS -c "$jar" -b "$jar" "$url/account/sign-in" | sed -nE 's/.*name="__RequestVerificationToken" type="hidden" value="([^"]+)".*/\1/p' | head -1)
status=$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "username=$user" \
  --data-urlencode "password=scrutineer-demo" --data-urlencode "__RequestVerificationToken=$token" "$url/account/sign-in")
[ "$status" = 302 ] || { echo "ERROR: sign-in as $user answered $status" >&2; exit 1; }
export SCRUTINEER_COOKIE=$(awk -F'\t' 'NF >= 7 && $1 !~ /^# / { printf "%s%s=%s", sep, $6, $7; sep="; " }' "$jar")
export SCRUTINEER_COMMITMENTS=$(curl -fsS -b "$jar" "$url/priorities" | grep -oE 'href="/priorities/commitments/[0-9]+"' | grep -oE '[0-9]+' | sort -un | tr '\n' ' ')
[ -n "$SCRUTINEER_COMMITMENTS" ] || { echo "ERROR: no commitment links on /priorities" >&2; exit 1; }
echo "Signed in as $user; $(echo $SCRUTINEER_COMMITMENTS | wc -w) commitment pages and the dashboard."

echo "Warm-up (5 s) ..."
wrk -t2 -c"$connections" -d5s -s benchmarks/web-load.lua "$url" >/dev/null
echo "Load: $connections connections for $seconds s against $url, think time ${SCRUTINEER_THINK_MS} ms"
wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -s benchmarks/web-load.lua "$url" | sed -n '/^requests/,$p'
echo "uptime: $(uptime)"
echo "5xx logged by the app: $(grep -c '"StatusCode":5' "$work/serve.log" || true)"
