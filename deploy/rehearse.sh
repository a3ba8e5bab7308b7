#!/usr/bin/env bash
# Rehearses a force's deployment on this machine, from nothing (docs/deployment.md follows it step by step):
#   PostgreSQL with TLS and two roles (owner: schema; application: data only) → the demo force built as the owner →
#   two `scrutineer serve` instances as the application role, sharing the key ring → nginx with TLS (a self-signed
#   certificate made here) in front of both → the load test through nginx (200 contributors, 60 s) → the checks.
# Run as root on Debian (it installs nginx and PostgreSQL when missing). Prints, as its last line,
#   rehearsal: N passed, N failed
# Options: --users N (200)  --seconds S (60)  --work DIR (kept; default a temporary folder, removed at the end)
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
users=200; seconds=60; work=""
while [ $# -gt 0 ]; do
  case "$1" in
    --users) users=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    *) echo "Unknown option $1 (options: --users N --seconds S --work DIR)" >&2; exit 2 ;;
  esac
done
keep=1
if [ -z "$work" ]; then work=$(mktemp -d /tmp/scrutineer-rehearsal.XXXXXX); keep=0; fi
mkdir -p "$work"; chmod 700 "$work"
passed=0; failed=0
check() { # check NAME COMMAND...: runs the command, counts and prints the outcome
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "PASS  $name"; else failed=$((failed + 1)); echo "FAIL  $name"; fi
}
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null
  [ "$keep" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT

# 1. Machine: PostgreSQL (with TLS, as test.sh sets it up), nginx, the .NET build.
source scripts/prerequisites.sh
ensure_system_packages
command -v nginx >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; }
systemctl stop nginx >/dev/null 2>&1 || true
start_postgres >/dev/null
ca=$SCRUTINEER_TEST_POSTGRES_CA
./scrutineer --help >/dev/null || { echo "rehearsal: 0 passed, 1 failed"; exit 1; }
cli="$root/artifacts/cli/scrutineer"

# 2. The store: a database owned by the owner role; the application role granted data access only.
db=scrutineer_rehearsal
psql_admin() { su postgres -c "psql -q -p $SCRUTINEER_PG_PORT -v ON_ERROR_STOP=1 $*" >/dev/null; }
psql_admin "-c \"DROP DATABASE IF EXISTS $db\" -c \"DROP DATABASE IF EXISTS ${db}_restored\""
psql_admin "-c \"DROP ROLE IF EXISTS scrutineer_app\" -c \"DROP ROLE IF EXISTS scrutineer_owner\""
psql_admin "-c \"CREATE ROLE scrutineer_owner LOGIN PASSWORD 'owner-rehearsal'\" -c \"CREATE ROLE scrutineer_app LOGIN PASSWORD 'app-rehearsal'\""
psql_admin "-c \"CREATE DATABASE $db OWNER scrutineer_owner\" -c \"CREATE DATABASE ${db}_restored OWNER scrutineer_owner\""
tls="SSL Mode=VerifyFull;Root Certificate=$ca"
owner="Host=127.0.0.1;Port=$SCRUTINEER_PG_PORT;Database=$db;Username=scrutineer_owner;Password=owner-rehearsal;$tls"
# Each instance keeps 10 connections open from the start and waits up to 60 s for a new one: 200 contributors signing
# in at once on 2 cores would otherwise queue TLS and SCRAM handshakes past Npgsql's 15 s default (docs/deployment.md §2).
app="Host=127.0.0.1;Port=$SCRUTINEER_PG_PORT;Database=$db;Username=scrutineer_app;Password=app-rehearsal;$tls;Timeout=60;Minimum Pool Size=10"
$cli demo --db "$owner" >/dev/null || { echo "demo failed"; echo "rehearsal: $passed passed, $((failed + 1)) failed"; exit 1; }
check "the application role is granted data access only (init --grant-to)" $cli init --grant-to scrutineer_app --db "$owner"

# 3. Two instances as the application role, one key-ring key, trusting the proxy's forwarded headers.
openssl rand -base64 32 > "$work/key-ring.key"; chmod 600 "$work/key-ring.key"
port_a=5181; port_b=5182
start_instance() {
  local port=$1
  # The load generator signs 200 contributors in from one address: the per-address sign-in limit is raised for it.
  SCRUTINEER_DB="$app" DataProtection__KeyFile="$work/key-ring.key" Proxy__KnownProxies=127.0.0.1 ASPNETCORE_ENVIRONMENT=Production \
    SignIn__AttemptsPerAddress=100000 \
    $cli serve --urls "http://127.0.0.1:$port" > "$work/instance-$port.log" 2>&1 &
  echo $!
}
wait_ready() { for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$1/health/ready" >/dev/null && return 0; sleep 1; done; return 1; }
pid_a=$(start_instance $port_a); pids+=("$pid_a")
pid_b=$(start_instance $port_b); pids+=("$pid_b")
check "instance A ready (/health/ready)" wait_ready $port_a
check "instance B ready (/health/ready)" wait_ready $port_b

# 4. nginx with TLS in front of both, from deploy/nginx-scrutineer.conf.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
  -keyout "$work/tls.key" -out "$work/tls.crt" 2>/dev/null
# As shipped, except the sign-in rate, raised because every contributor of the load test comes from 127.0.0.1.
sed -e "s|@PORT_A@|$port_a|; s|@PORT_B@|$port_b|; s|@HTTPS_PORT@|8443|; s|@HTTP_PORT@|8080|; s|@SERVER_NAME@|localhost|g; s|@CERT@|$work/tls.crt|; s|@KEY@|$work/tls.key|" \
  -e "s|rate=10r/m|rate=1000r/s|; s|burst=10 nodelay|burst=1000 nodelay|" \
  deploy/nginx-scrutineer.conf > "$work/scrutineer.conf"
cat > "$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log $work/nginx-access.log;
  client_body_temp_path $work/nginx-body;
  proxy_temp_path $work/nginx-proxy;
  include $work/scrutineer.conf;
}
CONF
nginx -c "$work/nginx.conf" -t -q && nginx -c "$work/nginx.conf"
proxy=https://localhost:8443
check "the proxy answers over TLS and the application sends HSTS" \
  sh -c "curl -s -D - -o /dev/null --cacert '$work/tls.crt' $proxy/account/sign-in | grep -qi '^strict-transport-security: max-age=31536000'"
check "the proxy's readiness route reaches the instances" curl -fs --cacert "$work/tls.crt" "$proxy/health/ready"

# 5. A session started on one instance works on the other (shared key ring, sessions in the store).
session_across() {
  local jar="$work/cookies.txt"; rm -f "$jar"
  local token
  token=$(curl -s -c "$jar" "http://127.0.0.1:$port_a/account/sign-in" | sed -n 's/.*name="__RequestVerificationToken"[^>]*value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -b "$jar" -c "$jar" -o /dev/null -X POST "http://127.0.0.1:$port_a/account/sign-in" \
    --data-urlencode "UserName=analyst" --data-urlencode "Password=scrutineer-demo" --data-urlencode "__RequestVerificationToken=$token"
  curl -s -b "$jar" "http://127.0.0.1:$port_b/" | grep -q "Sign out"
}
check "a session started on instance A works on instance B" session_across

# 6. The load test through nginx across both instances; then again, killing instance A mid-run.
loadtest() { benchmarks/load-test.sh --url "$proxy" --ca "$work/tls.crt" --db "$owner" "$@"; }
loadtest --users "$users" --seconds "$seconds" --prefix r1. | tee "$work/load.txt"
check "zero 5xx under load through the proxy" grep -q "^5xx answers: 0;" "$work/load.txt"
check "zero lost or duplicated updates" grep -q "^store check: no lost, duplicated" "$work/load.txt"
loadtest --users "$users" --seconds "$seconds" --prefix r2. --kill "$pid_a" --kill-after $((seconds / 3)) | tee "$work/failover.txt"
check "killing instance A mid-load loses no acknowledged save" grep -q "^store check: no lost, duplicated" "$work/failover.txt"
check "the proxy fails over: requests after the kill are answered by instance B" grep -q "^after the kill: 0 5xx or unanswered" "$work/failover.txt"

# 7. Backup and restore over VerifyFull TLS.
restored="Host=127.0.0.1;Port=$SCRUTINEER_PG_PORT;Database=${db}_restored;Username=scrutineer_owner;Password=owner-rehearsal;$tls"
backup_restore() {
  $cli backup --out "$work/rehearsal.dump" --db "$owner" >/dev/null &&
  $cli backup verify "$work/rehearsal.dump" >/dev/null &&
  $cli restore "$work/rehearsal.dump" --db "$restored" >/dev/null &&
  [ "$($cli round status --db "$owner" --format csv)" = "$($cli round status --db "$restored" --format csv)" ]
}
check "backup → verify → restore with SSL Mode=VerifyFull; the restored store answers as the original" backup_restore

echo "rehearsal: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
