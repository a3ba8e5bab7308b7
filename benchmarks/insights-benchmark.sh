#!/usr/bin/env bash
# Rolling-12 insights benchmark: builds the demo force (ten years of monthly data for every measure × area) in a
# temporary SQLite store and prints the median of 20 runs of each query, in milliseconds.
#   benchmarks/insights-benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project benchmarks/InsightsBenchmark -v quiet
