#!/usr/bin/env bash
# bench/log.sh — what reading a session's log back costs, by page size: `mxs sessions log` against
# mxs-mock serving a log of LINES lines (default 100,000) in which one session's lines are spread
# from start to end, read back to the start of the log at each `--page-size`.
#
#   bench/log.sh [LINES]
#
# For each page size: the requests sent (each costs MaxScale a read of its whole log file, whatever
# the page size: its cost grows with the number of requests; the bytes are the log's either way)
# and mxs's wall time (hyperfine median). Release binaries; the mock runs on this machine, so the wall time is
# mxs's and the mock's together.

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MXS=$ROOT/target/release/mxs
MOCK=$ROOT/target/release/mxs-mock

# The mock runs this script again with MXS_HOSTS set to its address and --inner.
if [[ ${1:-} != --inner ]]; then
    LINES=${1:-100000}
    (cd "$ROOT" && cargo build --release --locked -p mxs -p mxs-mock >/dev/null 2>&1)
    command -v hyperfine >/dev/null || { echo "bench/log.sh needs hyperfine" >&2; exit 1; }
    exec "$MOCK" --sessions 200 --seed 11 --log-lines "$LINES" -- "$0" --inner "$LINES"
fi
LINES=$2
WORK=$(mktemp -d "${TMPDIR:-/tmp}/mxs-log-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
host=${MXS_HOSTS%%,*}
url="http://$host/v1/maxscale/logs/entries?page%5Bsize%5D=$((LINES + 1000))"
curl -s -u admin:mariadb "$url" >"$WORK/all.json"
# the session with the most lines
session=$(jq -r '[.data[].attributes.session // empty] | group_by(.) | max_by(length) | .[0]' "$WORK/all.json")
count=$(jq --arg s "$session" '[.data[] | select(.attributes.session == $s)] | length' "$WORK/all.json")
bytes_total=$(wc -c <"$WORK/all.json")
echo "log of $LINES lines ($bytes_total bytes as one page); session $session has $count lines, read back to the start"
echo
echo "| page size | requests | mxs wall (median) |"
echo "|---:|---:|---:|"
for size in 100 250 500 1000 2000 5000; do
    requests=$(( (LINES + size - 1) / size ))
    "$MXS" sessions log "$session" --since 2000-01-01 --page-size "$size" -o tsv >"$WORK/out" 2>"$WORK/err"
    got=$(wc -l <"$WORK/out")
    [[ $got -eq $count ]] || { echo "page size $size: $got lines, not $count" >&2; exit 1; }
    hyperfine -N --style none --runs 5 --warmup 1 --export-json "$WORK/h.json" \
        "$MXS sessions log $session --since 2000-01-01 --page-size $size -o tsv" >/dev/null
    median=$(jq '.results[0].median * 1000 | round' "$WORK/h.json")
    echo "| $size | $requests | ${median} ms |"
done
