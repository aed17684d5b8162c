#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server for the scale-out tests and prints the JDBC URL to use.
# Installs Debian's postgresql package when it is missing. The cluster lives in a temporary
# folder, listens on 127.0.0.1 only, and trusts local connections: it holds nothing but test data.
#   usage: url=$(.ci/postgres.sh start DIR)   ...   .ci/postgres.sh stop DIR
set -euo pipefail
action="${1:?start or stop}"
dir="${2:?a folder for the cluster}"
port="${IMAGELOOP_TEST_PG_PORT:-55432}"

bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

case "$action" in
  start)
    if [ -z "$(bin)" ]; then
      sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
      export DEBIAN_FRONTEND=noninteractive
      $sudo apt-get update -qq >&2
      $sudo apt-get install -y -qq --no-install-recommends postgresql >&2
    fi
    pg="$(bin)"
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    as_postgres "'$pg/initdb' -D '$dir/data' -A trust -U postgres --no-sync" >&2
    as_postgres "'$pg/pg_ctl' -D '$dir/data' -l '$dir/log' -w -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off\" start" >&2
    echo "jdbc:postgresql://127.0.0.1:$port/postgres?user=postgres"
    ;;
  stop)
    pg="$(bin)"
    [ -n "$pg" ] && [ -d "$dir/data" ] && as_postgres "'$pg/pg_ctl' -D '$dir/data' -m fast -w stop" >&2 || true
    ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
