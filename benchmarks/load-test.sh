#!/usr/bin/env bash
# Load and soak test of the web application (docs/reliability.md, "Load and soak"): builds the demo force into a new
# store (SQLite, or a new PostgreSQL database with --store postgresql), adds the contributors, runs `./scrutineer serve`
# as its own process on a free 127.0.0.1 port, signs every contributor in through the sign-in form and lets them open,
# save and submit quarterly updates; samples the server's memory (VmRSS) every 10 s; then checks the store against what
# every contributor was told (no lost, duplicated or misplaced update, nothing written that was refused). Exit code 0
# only with no 5xx, no unanswered request and no store problem. Not part of `dotnet test`.
#   benchmarks/load-test.sh                                   # 200 contributors for 60 s on SQLite
#   benchmarks/load-test.sh --store postgresql                # the same on PostgreSQL (started as ./test.sh starts it)
#   benchmarks/load-test.sh --users 50 --seconds 1800 --think-ms 500 --samples-csv /tmp/scrutineer-soak.csv   # soak
# Options: --store sqlite|postgresql (or SCRUTINEER_BENCH_STORE)  --users N  --seconds S  --submit-percent P (of saves,
# default 5)  --think-ms T (pause between requests, default 0)  --sample-seconds S (default 10)  --samples-csv FILE
# --work FOLDER (kept; default a temporary folder).
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/demo-server.sh
store_option "$@"
work="$(mktemp -d)"
trap 'drop_demo_store; rm -rf "$work"' EXIT
./scrutineer --help >/dev/null  # builds the Release CLI when the sources changed
dotnet build benchmarks/LoadTest/LoadTest.csproj -c Release -o "$work/bin" -nologo -v quiet >/dev/null
store_arguments=()
if [ "$store" = postgresql ]; then
  demo_store
  store_arguments=(--db "$db")
fi
dotnet "$work/bin/LoadTest.dll" --cli artifacts/cli/scrutineer.dll "${store_arguments[@]+"${store_arguments[@]}"}" "${rest[@]+"${rest[@]}"}"
