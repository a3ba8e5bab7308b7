# Installs and starts what Scrutineer's run and test commands need. Sourced by ./test.sh and ./scrutineer.
# Debian packages via apt-get (as root); npm packages from package-lock.json.

SCRUTINEER_PG_PORT="${SCRUTINEER_PG_PORT:-5432}"

ensure_system_packages() {
  local missing=()
  command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /usr/lib/postgresql ] || missing+=(postgresql)
  command -v chromium >/dev/null 2>&1 || missing+=(chromium fonts-liberation fonts-dejavu-core)
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
  command -v bc >/dev/null 2>&1 || missing+=(bc)
  command -v gpg >/dev/null 2>&1 || missing+=(gnupg)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  # A real SMTP server for the email tests (Debian's Python, /usr/bin/python3, not a pyenv one first on PATH).
  /usr/bin/python3 -c "import aiosmtpd" >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]} ..."
    if [ "$(id -u)" -ne 0 ]; then
      echo "ERROR: ${missing[*]} missing and not running as root to install them." >&2
      exit 1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  # The tests lay the Word reports out with LibreOffice to check their pages (decision 0182); without its recommends it is ~50 packages.
  if ! command -v soffice >/dev/null 2>&1; then
    [ "$(id -u)" -eq 0 ] || { echo "ERROR: libreoffice-writer-nogui missing and not running as root to install it." >&2; exit 1; }
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui >/dev/null
  fi
}

# TLS for the test server, so that connections with SSL Mode=VerifyFull (as production requires) are exercised: a CA
# made here once, and a server certificate it signs for 127.0.0.1 and localhost.
SCRUTINEER_PG_TLS=/etc/postgresql/scrutineer-tls
ensure_postgres_tls() {
  local version=$1
  if [ ! -f "$SCRUTINEER_PG_TLS/server.crt" ]; then
    mkdir -p "$SCRUTINEER_PG_TLS"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=Scrutineer test CA" \
      -keyout "$SCRUTINEER_PG_TLS/ca.key" -out "$SCRUTINEER_PG_TLS/ca.crt" 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout "$SCRUTINEER_PG_TLS/server.key" -out "$SCRUTINEER_PG_TLS/server.csr" 2>/dev/null
    printf "subjectAltName=IP:127.0.0.1,DNS:localhost\n" > "$SCRUTINEER_PG_TLS/san.ext"
    openssl x509 -req -in "$SCRUTINEER_PG_TLS/server.csr" -CA "$SCRUTINEER_PG_TLS/ca.crt" -CAkey "$SCRUTINEER_PG_TLS/ca.key" \
      -CAcreateserial -days 3650 -extfile "$SCRUTINEER_PG_TLS/san.ext" -out "$SCRUTINEER_PG_TLS/server.crt" 2>/dev/null
    chown postgres:postgres "$SCRUTINEER_PG_TLS/server.key" "$SCRUTINEER_PG_TLS/server.crt"
    chmod 600 "$SCRUTINEER_PG_TLS/server.key" "$SCRUTINEER_PG_TLS/ca.key"
    chmod 644 "$SCRUTINEER_PG_TLS/ca.crt"
  fi
  local tls="/etc/postgresql/$version/main/conf.d/scrutineer-tls.conf"
  if [ ! -f "$tls" ]; then
    printf "ssl = on\nssl_cert_file = '%s/server.crt'\nssl_key_file = '%s/server.key'\n" "$SCRUTINEER_PG_TLS" "$SCRUTINEER_PG_TLS" > "$tls"
  fi
}

start_postgres() {
  local version
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  if ! pg_lsclusters -h | grep -q "^$version main"; then
    pg_createcluster "$version" main >/dev/null
  fi
  local conf="/etc/postgresql/$version/main/conf.d/scrutineer.conf"
  if [ ! -f "$conf" ]; then
    printf "listen_addresses = '127.0.0.1'\nport = %s\nfsync = off\nsynchronous_commit = off\nmax_connections = 300\n" "$SCRUTINEER_PG_PORT" > "$conf"
  fi
  ensure_postgres_tls "$version"
  if ! pg_lsclusters -h | grep "^$version main" | grep -q online; then
    pg_ctlcluster "$version" main start
  else
    pg_ctlcluster "$version" main reload
  fi
  for _ in $(seq 1 30); do
    pg_isready -h 127.0.0.1 -p "$SCRUTINEER_PG_PORT" -q && break
    sleep 1
  done
  pg_isready -h 127.0.0.1 -p "$SCRUTINEER_PG_PORT" -q || { echo "ERROR: PostgreSQL did not start on 127.0.0.1:$SCRUTINEER_PG_PORT" >&2; exit 1; }
  su postgres -c "psql -q -p $SCRUTINEER_PG_PORT -tc \"SELECT 1 FROM pg_roles WHERE rolname='scrutineer'\" | grep -q 1 || psql -q -p $SCRUTINEER_PG_PORT -c \"CREATE ROLE scrutineer LOGIN SUPERUSER PASSWORD 'scrutineer'\"" >/dev/null
  export SCRUTINEER_TEST_POSTGRES="Host=127.0.0.1;Port=$SCRUTINEER_PG_PORT;Username=scrutineer;Password=scrutineer;Database=postgres"
  export SCRUTINEER_TEST_POSTGRES_CA="$SCRUTINEER_PG_TLS/ca.crt"
  echo "PostgreSQL $version running on 127.0.0.1:$SCRUTINEER_PG_PORT"
}

ensure_npm_packages() {
  if [ -f package.json ] && [ ! -d node_modules ]; then
    npm ci --no-audit --no-fund --loglevel=error
  fi
}
