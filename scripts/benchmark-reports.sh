#!/usr/bin/env bash
# Times the reports for the demo force (Q4 2023/24): quarterly, strategy and closure in DOCX, HTML and PDF, and the
# figures check.
#  1. in-process, as the web application generates them: build the data from the store and render (cold first run,
#     then the median of warm runs) — benchmarks/ReportsBenchmark;
#  2. whole CLI commands (process start, store open, queries, rendering).
# Usage: scripts/benchmark-reports.sh   (builds in Release and a fresh demo store in a temporary folder)
set -euo pipefail
cd "$(dirname "$0")/.."
period="${PERIOD:-Q4 2023/24}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet build src/Scrutineer.Cli/Scrutineer.Cli.csproj -c Release -o "$work/cli" -nologo -v quiet >/dev/null
dotnet build benchmarks/ReportsBenchmark/ReportsBenchmark.csproj -c Release -o "$work/bench" -nologo -v quiet >/dev/null
cli() { dotnet "$work/cli/scrutineer.dll" --db "$work/demo.db" "$@"; }
cli demo --files "$work/files" >/dev/null
echo "machine: $(nproc) cores; uptime: $(uptime)"
echo
echo "In-process (data from the store + rendering), $period:"
dotnet "$work/bench/ReportsBenchmark.dll" "$work/demo.db" "$period"
echo
echo "Whole CLI commands, $period:"
for report in quarterly strategy closure; do
  for format in docx html pdf; do
    start=$(date +%s.%N)
    line=$(cli report "$report" --period "$period" --format "$format" --out "$work/$report.$format")
    end=$(date +%s.%N)
    printf '%-9s %-4s  whole command %5.2f s   (%s)\n' "$report" "$format" "$(echo "$end - $start" | bc)" "${line##*) in }"
  done
done
start=$(date +%s.%N)
cli report check --period "$period" >/dev/null 2>&1 || true
end=$(date +%s.%N)
printf 'check     %s  whole command %5.2f s\n' "$period" "$(echo "$end - $start" | bc)"
echo "uptime after: $(uptime)"
