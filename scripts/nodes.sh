#!/usr/bin/env bash
# Runs N gateway nodes on this machine against one PostgreSQL (README, "Several nodes"):
# a fresh database on the machine's PostgreSQL (127.0.0.1:5432, user postgres, trust auth), one
# gateway signing key and one development-issuer key shared by every node, so the records of every
# node verify with one published key and a token from any node's /oauth2/token works on all of
# them; distinct free ports and data directories. Prints the URLs; Ctrl-C stops every node.
#
#   scripts/nodes.sh [N]    (default 2; builds the jar when missing; needs java, psql, openssl, curl)
#
# Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), JAR (gateway/target/interdict-gateway.jar),
# RUN_DIR (a new temporary directory: keys, node data and logs), KEEP_DB=1 to keep the database.
set -euo pipefail
cd "$(dirname "$0")/.."

N="${1:-2}"
PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
JAR="${JAR:-gateway/target/interdict-gateway.jar}"
RUN_DIR="${RUN_DIR:-$(mktemp -d -t interdict-nodes-XXXXXX)}"
DB="interdict_nodes_$(date +%s)_$$"
export PGHOST PGPORT PGUSER

if ! [[ "$N" =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: $0 [number of nodes, at least 1]" >&2
    exit 2
fi
if [ ! -f "$JAR" ]; then
    mvn -B -q package -pl gateway -am -DskipTests
fi

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

PIDS=()
stop_nodes() {
    trap - INT TERM EXIT
    echo
    for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    if [ "${KEEP_DB:-0}" != 1 ]; then
        psql -d postgres -qc "drop database if exists \"$DB\" with (force)" || true
        echo "stopped ${#PIDS[@]} nodes, dropped database $DB (logs in $RUN_DIR)"
    else
        echo "stopped ${#PIDS[@]} nodes, kept database $DB (logs in $RUN_DIR)"
    fi
    exit 0
}
trap stop_nodes INT TERM EXIT

psql -d postgres -qc "create database \"$DB\""
mkdir -p "$RUN_DIR/keys"
chmod 700 "$RUN_DIR/keys"
# The gateway's notarisation key (Ed25519, PKCS#8 PEM) and the dev issuer's RSA key, shared by all.
openssl genpkey -algorithm ed25519 -out "$RUN_DIR/keys/gateway-ed25519.pem" 2>/dev/null
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out "$RUN_DIR/keys/dev-issuer-rsa.pem" 2>/dev/null
chmod 600 "$RUN_DIR"/keys/*.pem

URLS=()
for i in $(seq 1 "$N"); do
    port="$(free_port)"
    mkdir -p "$RUN_DIR/node$i"
    # Node 1 starts alone first so that it migrates the schema and enrols the demo partners;
    # the others start together once it is ready.
    java -jar "$JAR" \
        --server.port="$port" \
        --interdict.data-dir="$RUN_DIR/node$i" \
        --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
        --spring.datasource.username="$PGUSER" \
        --spring.datasource.password= \
        --interdict.signing.key-file="$RUN_DIR/keys/gateway-ed25519.pem" \
        --interdict.dev-issuer.key-file="$RUN_DIR/keys/dev-issuer-rsa.pem" \
        --interdict.dev-issuer.issuer=http://interdict.local \
        >"$RUN_DIR/node$i/gateway.log" 2>&1 &
    PIDS+=("$!")
    URLS+=("http://127.0.0.1:$port")
    if [ "$i" = 1 ] || [ "$i" = "$N" ]; then
        for url in "${URLS[@]}"; do
            for _ in $(seq 1 120); do
                curl -fs "$url/actuator/health/readiness" >/dev/null 2>&1 && break
                for pid in "${PIDS[@]}"; do
                    kill -0 "$pid" 2>/dev/null || { echo "a node stopped; see $RUN_DIR/node*/gateway.log" >&2; exit 1; }
                done
                sleep 1
            done
        done
    fi
done

echo "database: jdbc:postgresql://$PGHOST:$PGPORT/$DB"
for i in $(seq 1 "$N"); do
    echo "node $i: ${URLS[$((i - 1))]}  (pid ${PIDS[$((i - 1))]}, log $RUN_DIR/node$i/gateway.log)"
done
echo "every node accepts tokens from any node's /oauth2/token, e.g.:"
echo "  curl -s -u amazon:amazon-dev-secret -d grant_type=client_credentials ${URLS[0]}/oauth2/token"
echo "segments owned per node: curl -s <url>/actuator/segments"
echo "Ctrl-C stops every node."
wait -n "${PIDS[@]}" || true
echo "a node exited; stopping the others" >&2
