#!/usr/bin/env bash
# The scale-out measurement of server/README.md: one HTTP server (serve --workers 0) and render
# workers in processes of their own, each pinned to one core with taskset, on a throw-away
# PostgreSQL and a shared data folder on loopback. A batch of exports with 1 worker, then with 2,
# then a worker killed with SIGKILL mid-render. Extra arguments go to `imageloop bench-scale`
# (e.g. --exports 4 --resolution 720). Waits for the machine to be idle first (load < 0.7).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
./mvnw -B -q package -DskipTests -pl cli -am
for _ in $(seq 1 30); do
  load=$(cut -d' ' -f1 /proc/loadavg)
  awk -v l="$load" 'BEGIN { exit !(l < 0.7) }' && break
  echo "scale-out: load average $load, waiting for the machine to be idle..." >&2
  sleep 30
done
pgdir="$(mktemp -d)"
export IMAGELOOP_TEST_PG_PORT="${IMAGELOOP_TEST_PG_PORT:-55433}"
trap '.ci/postgres.sh stop "$pgdir"; rm -rf "$pgdir"' EXIT
url="$(.ci/postgres.sh start "$pgdir")"
OPENCV_LOG_LEVEL=ERROR java -Xmx512m -Dimageloop.home="$root" -jar cli/target/imageloop-cli.jar bench-scale --jdbc-url "$url" "$@"
