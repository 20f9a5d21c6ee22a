#!/usr/bin/env bash
# bench/locks.sh — what reading the backend through MaxScale's SQL API costs: `mxs sessions
# locks`, `list --backend` and `show ID --backend` against mxs-mock serving N generated sessions
# (default 10,000) over several backend servers, with a chain of lock waits on one of them.
#
#   bench/locks.sh [SESSIONS]
#
# For each command: the SQL API requests one run sends (connections opened and closed, queries;
# from the mock's --record of writes), and mxs's wall time (hyperfine median of 5), beside
# `sessions list` (the list every one of them reads first). Release binaries; the mock runs on this
# machine, so the wall time is mxs's and the mock's together (the mock computes its backend's
# tables from every session at each query); mxs's own CPU time is apart.

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MXS=$ROOT/target/release/mxs
MOCK=$ROOT/target/release/mxs-mock
N=${1:-10000}
(cd "$ROOT" && cargo build --release --locked -p mxs -p mxs-mock >/dev/null 2>&1)
command -v hyperfine >/dev/null || { echo "bench/locks.sh needs hyperfine" >&2; exit 1; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/mxs-locks-bench.XXXXXX")
PORT=$((20000 + RANDOM % 20000))
cleanup() { [[ -n ${MOCK_PID:-} ]] && kill "$MOCK_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

start_mock() {
    "$MOCK" --sessions "$N" --seed 5 --port "$PORT" "$@" >"$WORK/mock.out" 2>&1 &
    MOCK_PID=$!
    until curl -s -o /dev/null "http://127.0.0.1:$PORT/"; do sleep 0.1; done
}

# the dataset's threads: a chain of three on the first server
start_mock
curl -s -u admin:mariadb "http://127.0.0.1:$PORT/v1/sessions?fields%5Bsessions%5D=connections" >"$WORK/list.json"
kill "$MOCK_PID"; wait "$MOCK_PID" 2>/dev/null || true
jq '[.data[] | {id, c: .attributes.connections[]}] | group_by(.c.server) | max_by(length)' \
    "$WORK/list.json" >"$WORK/server.json"
server=$(jq -r '.[0].c.server' "$WORK/server.json")
read -r a b c id_c <<<"$(jq -r '"\(.[0].c.connection_id) \(.[1].c.connection_id) \(.[2].c.connection_id) \(.[2].id)"' "$WORK/server.json")"
servers=$(jq '[.data[].attributes.connections[].server] | unique | length' "$WORK/list.json")
jq -n --arg s "$server" --argjson a "$a" --argjson b "$b" --argjson c "$c" \
    '{servers: {($s): {row_waits: [{waiter: $b, blockers: [$a], seconds: 30},
                                    {waiter: $c, blockers: [$b, $a], seconds: 20}]}}}' >"$WORK/backend.json"
start_mock --backend "$WORK/backend.json" --record "$WORK/record.jsonl"
export MXS_HOSTS=127.0.0.1:$PORT MXS_SQL_USER=maxuser MXS_SQL_PASSWORD=maxpwd

echo "$N sessions over $servers backend servers; a chain of three on $server"
echo
echo "| command | SQL connections | SQL queries | wall (median) | mxs CPU (user, mean) |"
echo "|---|---:|---:|---:|---:|"
for cmd in "sessions list -o tsv" "sessions locks -o tsv" "sessions list --backend -o tsv" \
    "sessions show $id_c --backend -o tsv"; do
    : >"$WORK/record.jsonl"
    # shellcheck disable=SC2086
    "$MXS" $cmd >"$WORK/out" 2>"$WORK/err" || { cat "$WORK/err" >&2; exit 1; }
    opened=$(jq -s '[.[] | select(.method == "POST" and .path == "/v1/sql")] | length' "$WORK/record.jsonl")
    closed=$(jq -s '[.[] | select(.method == "DELETE" and (.path | startswith("/v1/sql/")))] | length' "$WORK/record.jsonl")
    queries=$(jq -s '[.[] | select(.path | endswith("/queries"))] | length' "$WORK/record.jsonl")
    [[ $opened -eq $closed ]] || { echo "$cmd: $opened opened, $closed closed" >&2; exit 1; }
    hyperfine -N --style none --runs 5 --warmup 1 --export-json "$WORK/h.json" "$MXS $cmd" >/dev/null
    median=$(jq '.results[0].median * 1000 | round' "$WORK/h.json")
    user=$(jq '.results[0].user * 1000 | round' "$WORK/h.json")
    echo "| \`mxs $cmd\` | $opened (all closed) | $queries | ${median} ms | ${user} ms |"
done
