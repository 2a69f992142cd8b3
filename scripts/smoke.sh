#!/usr/bin/env bash
# End to end against the packaged gateway, as a newcomer runs it (the README's first command, on a
# free port and a fresh data directory so it can run beside anything else):
#   1. start `java -jar gateway/target/interdict-gateway.jar` with its embedded PostgreSQL;
#   2. play the story (scripts/demo.sh), then a provider and an auditor written from the RFCs in
#      Python (scripts/independent-push.py, scripts/independent-check.py) push signed shares and
#      verify every signature, the root, and every inclusion and consistency proof;
#   3. stop it (SIGTERM), start it again on the same data directory, and verify the log again.
# Needs: the gateway jar (mvn -B -q package -DskipTests), curl, jq, python3 with `cryptography`.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR="gateway/target/interdict-gateway.jar"
[ -f "$JAR" ] || { echo "no $JAR: run mvn -B -q package -DskipTests first" >&2; exit 2; }
PYTHON="${PYTHON:-python3}"

WORK="$(mktemp -d -t interdict-smoke-XXXXXX)"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
BASE="http://localhost:${PORT}"
PID=""
stop() {
    if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
        kill -TERM "$PID"
        for _ in $(seq 1 60); do kill -0 "$PID" 2>/dev/null || break; sleep 1; done
        kill -0 "$PID" 2>/dev/null && { echo "gateway did not stop within 60 s of SIGTERM" >&2; kill -KILL "$PID"; return 1; }
    fi
    PID=""
}
cleanup() {
    local status=$?
    stop || true
    if [ "$status" -eq 0 ]; then rm -rf "$WORK"; else echo "smoke: failed; the gateway's log is $WORK/gateway.log" >&2; fi
}
trap cleanup EXIT

start() {
    java -jar "$JAR" --server.port="$PORT" --interdict.data-dir="$WORK/data" >>"$WORK/gateway.log" 2>&1 &
    PID=$!
    for _ in $(seq 1 180); do
        if curl -fsS "$BASE/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then return 0; fi
        kill -0 "$PID" 2>/dev/null || { tail -40 "$WORK/gateway.log" >&2; echo "gateway exited" >&2; return 1; }
        sleep 1
    done
    tail -40 "$WORK/gateway.log" >&2
    echo "gateway not ready after 180 s" >&2
    return 1
}

echo "smoke: gateway on $BASE, data in $WORK/data"
start
bash scripts/demo.sh "$BASE" >"$WORK/demo.log" 2>&1 || { cat "$WORK/demo.log" >&2; exit 1; }
echo "smoke: demo.sh played the story"
"$PYTHON" scripts/independent-push.py "$BASE" amazon
"$PYTHON" scripts/independent-push.py "$BASE" dhl
sleep 3 # the next signed tree head (every 2 s while the log grows)
"$PYTHON" scripts/independent-check.py "$BASE"

stop
echo "smoke: stopped with SIGTERM; starting again on the same data directory"
start
"$PYTHON" scripts/independent-check.py "$BASE"
if grep -E -A20 '^[0-9T:.-]+Z +ERROR' "$WORK/gateway.log"; then
    echo "smoke: the gateway logged errors (above)" >&2
    exit 1
fi
echo "smoke: passed"
