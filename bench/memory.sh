#!/usr/bin/env bash
# bench/memory.sh — the memory a response costs before --max-response-size refuses it.
#
#   bench/memory.sh [MB] [LIMIT_MIB]
#
# mxs-mock streams a one-session document (no Content-Length) whose one value is MB MiB
# (default 300): a string (`--fault huge-string`), an attribute's name (`huge-key`) or a number
# (`huge-number`). mxs reads it with `--max-response-size LIMIT_MIB` (default 256) as a list in
# each format and as `show`, and is refused; its peak resident memory (GNU time's "Maximum
# resident set size") must stay within the limit plus 32 MiB. The same figures for a value that
# fits (`--max-response-size 1GiB`) follow, for reference: there the value is read, parsed and
# printed. Release binaries; the script fails when a refused read goes over the bound.

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MXS=$ROOT/target/release/mxs
MOCK=$ROOT/target/release/mxs-mock
SLACK_MIB=32

# The mock runs this script again with MXS_HOSTS set to its address and --inner.
if [[ ${1:-} != --inner ]]; then
    MB=${1:-300}
    LIMIT=${2:-256}
    (cd "$ROOT" && cargo build --release --locked -p mxs >/dev/null 2>&1)
    (cd "$ROOT" && cargo build --release --locked -p mxs-mock >/dev/null 2>&1)
    [[ -x /usr/bin/time ]] || { echo "bench/memory.sh needs GNU time (/usr/bin/time)" >&2; exit 1; }
    base=$(/usr/bin/time -f %M "$MXS" --version 2>&1 >/dev/null | tail -1)
    echo "a value of $MB MiB, --max-response-size ${LIMIT}MiB (bound: limit + $SLACK_MIB MiB);" \
        "mxs --version alone: $((base / 1024)) MiB"
    echo
    echo "| value | command | refused at ${LIMIT} MiB: peak RSS | over the limit | read whole (1 GiB limit): peak RSS |"
    echo "|---|---|---:|---:|---:|"
    for what in string key number; do
        "$MOCK" --fault "huge-$what:$MB" -- "$0" --inner "$what" "$LIMIT"
    done
    exit 0
fi
WHAT=$2
LIMIT=$3
WORK=$(mktemp -d "${TMPDIR:-/tmp}/mxs-memory-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export NO_COLOR=1 HOME=$WORK XDG_CACHE_HOME=$WORK
# peak RSS in KiB of one run; $1 is the expected exit status (`any`: whatever it is)
peak() {
    local want=$1
    shift
    local status=0
    /usr/bin/time -f %M -o "$WORK/rss" "$MXS" "$@" >/dev/null 2>"$WORK/err" || status=$?
    [[ $want == any || $status -eq $want ]] || {
        echo "$WHAT: mxs $* exited $status, not $want:" >&2
        cat "$WORK/err" >&2
        exit 1
    }
    tail -1 "$WORK/rss"
}
failed=0
for cmd in "sessions list -o tsv" "sessions list -o json" "sessions list -o table" "sessions show 1"; do
    # shellcheck disable=SC2086
    refused=$(peak 1 --max-response-size "${LIMIT}MiB" $cmd)
    grep -q "larger than --max-response-size" "$WORK/err" || { cat "$WORK/err" >&2; exit 1; }
    # shellcheck disable=SC2086
    # a number of 300 MiB of digits is read whole, then refused as a number: either way
    whole=$(peak any --max-response-size 1GiB $cmd)
    over=$((refused / 1024 - LIMIT))
    mark=""
    if ((over > SLACK_MIB)); then
        mark=" (over the bound)"
        failed=1
    fi
    echo "| $WHAT | \`$cmd\` | $((refused / 1024)) MiB | ${over} MiB$mark | $((whole / 1024)) MiB |"
done
exit $failed
