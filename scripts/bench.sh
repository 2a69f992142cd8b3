#!/usr/bin/env bash
# The benchmark of BENCHMARKS.md in one command: builds the gateway and the load driver, creates a
# fresh database on the local PostgreSQL, starts the gateway on it (free port, fresh data directory,
# built-in development issuer), runs the load driver, then stops the gateway and drops the database.
#
#   scripts/bench.sh [driver options…]        e.g. --push-seconds 5 --feed-records 5000
#
# Environment:
#   PGHOST, PGPORT, PGUSER   the PostgreSQL 15 server (default 127.0.0.1, 5432, postgres; trust auth)
#   BENCH_SKIP_BUILD=1       use the jars already in */target
#   BENCH_DB=NAME            use and keep this database (created if missing) and the data directory
#                            next to it, instead of fresh ones dropped afterwards: one filled log
#                            read by several builds, e.g. `--phases feed --feed-records 1` after a fill
#   GATEWAY_JAR=FILE         run this gateway jar instead (e.g. an earlier build, for before/after)
#   LOAD_JAR=FILE            run this load driver jar instead
#   BENCH_JFR=DIR            record the gateway with JDK Flight Recorder into DIR/gateway.jfr
#   GATEWAY_JAVA_OPTS        extra JVM options for the gateway
#   DRIVER_JAVA_OPTS         JVM options for the driver (default -Xmx3g)
# Driver options: java -jar load/target/interdict-load.jar --help. Results: bench-results/<UTC>.json.
set -euo pipefail
cd "$(dirname "$0")/.."

PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER

if [ "${BENCH_SKIP_BUILD:-0}" != "1" ]; then
    echo "building gateway and load driver…" >&2
    mvn -B -q package -DskipTests -pl gateway,load -am
fi

DB="interdict_bench_$(date -u +%Y%m%d%H%M%S)_$$"
WORK="$(mktemp -d -t interdict-bench-XXXXXX)"
DATA="$WORK/data"
KEEP_DB=0
if [ -n "${BENCH_DB:-}" ]; then
    DB="$BENCH_DB"
    KEEP_DB=1
    DATA="${TMPDIR:-/tmp}/interdict-bench-data-$DB"
fi
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
GATEWAY_PID=""

cleanup() {
    status=$?
    if [ -n "$GATEWAY_PID" ] && kill -0 "$GATEWAY_PID" 2>/dev/null; then
        kill "$GATEWAY_PID" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$GATEWAY_PID" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$GATEWAY_PID" 2>/dev/null || true
    fi
    if [ "$KEEP_DB" = 0 ]; then
        dropdb --if-exists "$DB" 2>/dev/null || echo "could not drop database $DB" >&2
    fi
    # 3: the driver ran and some target was missed; anything else non-zero is a failure.
    if [ $status -ne 0 ] && [ $status -ne 3 ] && [ -f "$WORK/gateway.log" ]; then
        echo "--- last lines of the gateway log ($WORK/gateway.log) ---" >&2
        tail -n 40 "$WORK/gateway.log" >&2
    else
        rm -rf "$WORK"
    fi
    exit $status
}
trap cleanup EXIT INT TERM

if [ "$KEEP_DB" = 0 ] || ! psql -d postgres -Atqc "select 1 from pg_database where datname = '$DB'" | grep -q 1; then
    createdb "$DB"
fi
echo "database $DB, gateway on 127.0.0.1:$PORT, data in $WORK" >&2

JFR_OPTS=()
if [ -n "${BENCH_JFR:-}" ]; then
    mkdir -p "$BENCH_JFR"
    JFR_OPTS=("-XX:StartFlightRecording=filename=$(cd "$BENCH_JFR" && pwd)/gateway.jfr,settings=profile,dumponexit=true")
fi

# shellcheck disable=SC2086
java ${GATEWAY_JAVA_OPTS:-} "${JFR_OPTS[@]}" -jar "${GATEWAY_JAR:-gateway/target/interdict-gateway.jar}" \
    --server.port="$PORT" \
    --server.address=127.0.0.1 \
    --interdict.data-dir="$DATA" \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
    --spring.datasource.username="$PGUSER" \
    --spring.datasource.password= \
    >"$WORK/gateway.log" 2>&1 &
GATEWAY_PID=$!

for i in $(seq 1 240); do
    if curl -fsS "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1; then
        break
    fi
    if ! kill -0 "$GATEWAY_PID" 2>/dev/null; then
        echo "the gateway exited during start" >&2
        exit 1
    fi
    [ "$i" = 240 ] && { echo "the gateway did not become ready in 120 s" >&2; exit 1; }
    sleep 0.5
done
echo "gateway ready; load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# shellcheck disable=SC2086
java ${DRIVER_JAVA_OPTS:--Xmx3g} -jar "${LOAD_JAR:-load/target/interdict-load.jar}" \
    --gateway "http://127.0.0.1:$PORT" \
    --jdbc-url "jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
    --jdbc-user "$PGUSER" \
    "$@"
