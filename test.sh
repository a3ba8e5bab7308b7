#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs and starts what the tests need, then runs them.
#   ./test.sh                 every test (SQLite and PostgreSQL, browser and PDF tests; the web tests once per engine)
#   ./test.sh --filter X      passes the rest of the arguments to dotnet test
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh

ensure_system_packages
start_postgres
ensure_npm_packages

if [ -d ../shared/data ]; then
  export SCRUTINEER_SHARED="$(cd ../shared && pwd)"
  echo "Real open data found at $SCRUTINEER_SHARED: the tests that read it will run."
else
  echo "NOTE: ../shared is absent: the tests that read real data.police.uk files will say they were skipped."
fi

dotnet build Scrutineer.slnx -c Release -nologo -v quiet
# One test assembly at a time keeps the two cores for the tests themselves.
set +e
dotnet test Scrutineer.slnx -c Release --no-build -nologo -m:1 --logger "console;verbosity=normal" "$@" > /tmp/scrutineer-test.log 2>&1
status=$?
# The web tests a second time with their demo sites on PostgreSQL, the production engine: every page, authorization
# rule, race and rendering check on both engines (store-level tests already run on both within the first pass).
for project in tests/Scrutineer.Web.Tests tests/Scrutineer.Reliability.Web.Tests; do
  echo "== $project with its demo sites on PostgreSQL" >> /tmp/scrutineer-test.log
  SCRUTINEER_TEST_WEB_STORE=postgresql dotnet test "$project" -c Release --no-build -nologo --logger "console;verbosity=normal" "$@" >> /tmp/scrutineer-test.log 2>&1 || status=1
done
set -e
grep -vE '^\s+Passed |^\[xUnit.net' /tmp/scrutineer-test.log | grep -vE '^\s*$' | tail -n 400
count() { grep -E "^\s+$1: +[0-9]+" /tmp/scrutineer-test.log | sed -nE "s/^\s+$1: +([0-9]+).*/\1/p" | paste -sd+ | bc || true; }
passed=$(count Passed); failed=$(count Failed); skipped=$(count Skipped)
if [ "${failed:-0}" != 0 ]; then
  # The failures again, last, so that the end of the output names them whatever the servers logged before.
  echo
  echo "== Failed tests (full log: /tmp/scrutineer-test.log)"
  grep -E -A 8 '^\s+Failed Scrutineer' /tmp/scrutineer-test.log | grep -vE '^\s*(\{"Timestamp"|Passed )' || true
fi
echo
echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
exit "$status"
