#!/usr/bin/env bash
# Times the reports for the demo plan: quarterly and closure in DOCX, HTML and PDF, and the figures check.
# Usage: scripts/benchmark-reports.sh   (builds the CLI in Release and a fresh demo store in a temporary folder)
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet build src/Scrutineer.Cli/Scrutineer.Cli.csproj -c Release -o "$work/cli" -nologo -v quiet >/dev/null
cli() { dotnet "$work/cli/scrutineer.dll" --db "$work/demo.db" "$@"; }
cli demo --files "$work/files" >/dev/null
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for report in quarterly closure; do
  for format in docx html pdf; do
    start=$(date +%s.%N)
    line=$(cli report "$report" --period "Q2 2023/24" --format "$format" --out "$work/$report.$format")
    end=$(date +%s.%N)
    printf '%-9s %-4s  whole command %5.2f s   (%s)\n' "$report" "$format" "$(echo "$end - $start" | bc)" "${line##*) in }"
  done
done
start=$(date +%s.%N)
cli report check --period "Q4 2023/24" >/dev/null 2>&1 || true
end=$(date +%s.%N)
printf 'check     Q4    whole command %5.2f s\n' "$(echo "$end - $start" | bc)"
