#!/usr/bin/env bash
# Start-up benchmark: whole CLI commands side by side in one run, each against `scrutineer --help` measured in the same
# run (process start and argument parsing only), with the targets of issue 14:
#   round status on the demo store      within 3x of --help
#   report quarterly --format docx      within 5x of --help
#   report quarterly --format html      (printed, no target)
# The Word report is laid out on its pages by the command itself (decision 0182): no other program runs.
# The commands run round-robin (help, status, docx, html, ...) so a change in the machine's load falls on all
# of them alike; each figure is the median of RUNS runs.
# Usage: benchmarks/startup-benchmark.sh [RUNS]     (default 7; builds as ./scrutineer does,
#        and a fresh demo store in a temporary folder)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-7}"
period="Q2 2023/24"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "Building as ./scrutineer does (Release, self-contained, composite ReadyToRun) ..." >&2
./scrutineer --help >/dev/null
cli() { artifacts/cli/scrutineer "$@"; }
echo "Building the demo store ..." >&2
cli demo --db "$work/demo.db" --files "$work/files" >/dev/null

# Milliseconds a command takes, its output discarded; a failing command stops the benchmark.
ms() {
  local start end
  start=$(date +%s%N)
  if ! "$@" >"$work/last.out" 2>&1; then
    echo "FAILED: $*" >&2
    cat "$work/last.out" >&2
    exit 1
  fi
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)) }'; }

echo "machine: $(nproc) cores; load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq "$runs"); do
  ms cli --help >>"$work/help"
  ms cli round status --db "$work/demo.db" >>"$work/status"
  ms cli report quarterly --db "$work/demo.db" --period "$period" --format docx --out "$work/q.docx" >>"$work/docx"
  ms cli report quarterly --db "$work/demo.db" --period "$period" --format html --out "$work/q.html" >>"$work/html"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); median of $runs runs each"
echo

help=$(median <"$work/help")
status=$(median <"$work/status")
docx=$(median <"$work/docx")
html=$(median <"$work/html")
verdict() { awk -v a="$1" -v b="$help" -v t="$2" 'BEGIN { r = a / b; printf "%5.2fx", r; if (t != "") printf "  (target <= %sx: %s)", t, (r <= t ? "PASS" : "FAIL") }'; }
printf '%-52s %7s ms  %s\n' "scrutineer --help" "$help" "1.00x (the peer)"
printf '%-52s %7s ms  %s\n' "scrutineer round status" "$status" "$(verdict "$status" 3)"
printf '%-52s %7s ms  %s\n' "scrutineer report quarterly --format docx" "$docx" "$(verdict "$docx" 5)"
printf '%-52s %7s ms  %s\n' "scrutineer report quarterly --format html" "$html" "$(verdict "$html" "")"
