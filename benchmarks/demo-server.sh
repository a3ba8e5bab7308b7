# Sourced by the web benchmarks (web-benchmark.sh, pdf-benchmark.sh): a fresh demo store on the engine chosen, the
# Release `./scrutineer serve --demo` on it at 127.0.0.1, and curl signed in through the form.
#   store=sqlite|postgresql (from --store or SCRUTINEER_BENCH_STORE; default sqlite)   port=...   work=FOLDER
# PostgreSQL: a new database scrutineer_bench_<pid> on the server `scripts/prerequisites.sh` starts (start_postgres),
# dropped when the benchmark ends.

demo_store() {
  case "$store" in
    sqlite) db="$work/demo.db" ;;
    postgresql)
      # shellcheck source=../scripts/prerequisites.sh
      source scripts/prerequisites.sh
      start_postgres >/dev/null
      pg_database="scrutineer_bench_$$"
      PGPASSWORD=scrutineer psql -q -h 127.0.0.1 -p "$SCRUTINEER_PG_PORT" -U scrutineer -d postgres -c "CREATE DATABASE $pg_database" >/dev/null
      db="Host=127.0.0.1;Port=$SCRUTINEER_PG_PORT;Username=scrutineer;Password=scrutineer;Database=$pg_database"
      ;;
    *) echo "ERROR: --store is \"$store\"; use sqlite or postgresql." >&2; exit 1 ;;
  esac
}

drop_demo_store() {
  if [ -n "${pg_database:-}" ]; then
    PGPASSWORD=scrutineer psql -q -h 127.0.0.1 -p "$SCRUTINEER_PG_PORT" -U scrutineer -d postgres -c "DROP DATABASE IF EXISTS $pg_database WITH (FORCE)" >/dev/null 2>&1 || true
  fi
}

start_demo_server() {
  url="http://127.0.0.1:$port"
  demo_store
  ./scrutineer --help >/dev/null  # builds the Release CLI when the sources changed
  ./scrutineer serve --db "$db" --demo --urls "$url" > "$work/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 1 300); do
    curl -fsS "$url/health" >/dev/null 2>&1 && break
    kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
    sleep 1
  done
  curl -fsS "$url/health" >/dev/null || { echo "ERROR: the app did not answer $url/health" >&2; exit 1; }
}

stop_demo_server() {
  if [ -n "${server:-}" ]; then
    kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  fi
  drop_demo_store
  rm -rf "$work"
}

# sign_in USER: signs USER in with the demo password; the cookies are in $jar and SCRUTINEER_COOKIE.
sign_in() {
  jar="$work/cookies"
  local token status
  token=$(curl -fsS -c "$jar" -b "$jar" "$url/account/sign-in" | sed -nE 's/.*name="__RequestVerificationToken" type="hidden" value="([^"]+)".*/\1/p' | head -1)
  status=$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "username=$1" \
    --data-urlencode "password=scrutineer-demo" --data-urlencode "__RequestVerificationToken=$token" "$url/account/sign-in")
  [ "$status" = 302 ] || { echo "ERROR: sign-in as $1 answered $status" >&2; exit 1; }
  SCRUTINEER_COOKIE=$(awk -F'\t' 'NF >= 7 && $1 !~ /^# / { printf "%s%s=%s", sep, $6, $7; sep="; " }' "$jar")
  export SCRUTINEER_COOKIE
}

# store_option ARGS...: sets $store from --store VALUE (removed from the arguments left in $rest) or SCRUTINEER_BENCH_STORE.
store_option() {
  store="${SCRUTINEER_BENCH_STORE:-sqlite}"
  rest=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --store) store="$2"; shift 2 ;;
      --store=*) store="${1#--store=}"; shift ;;
      *) rest+=("$1"); shift ;;
    esac
  done
}
