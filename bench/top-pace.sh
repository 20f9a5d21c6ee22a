#!/usr/bin/env bash
# bench/top-pace.sh — what a minute of `mxs top` costs the server it watches, with the mock's
# cost model standing in for MaxScale: `mxs-mock --list-cost-us US` waits US microseconds per
# live session before it answers a list (a real MaxScale 24.02.4 spends about 60 of CPU), and
# says on exit how many lists it answered and the time they cost.
#
#   bench/top-pace.sh SECONDS US SESSIONS... -- MXS...
#
# e.g. bench/top-pace.sh 60 60 1000 10000 50000 -- /tmp/mxs-before target/release/mxs
# Prints one markdown row per (sessions, binary): the lists answered, the server time they cost
# and its share of the run. Needs `script` (util-linux) and a release mxs-mock
# (`cargo build --release -p mxs-mock`, built apart from mxs).

set -euo pipefail

if [[ $# -lt 4 ]]; then
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
SECONDS_=$1 US=$2
shift 2
SIZES=()
while [[ $# -gt 0 && $1 != -- ]]; do
    SIZES+=("$1")
    shift
done
shift
MOCK=${MXS_MOCK:-$(dirname "$0")/../target/release/mxs-mock}

echo "| sessions | mxs | lists in ${SECONDS_} s | server time | of the run |"
echo "|---:|---|---:|---:|---:|"
for n in "${SIZES[@]}"; do
    for mxs in "$@"; do
        # a frozen clock: the mock renders each list once and serves it from memory, so
        # that what is measured is the cost model, not the mock's own rendering
        stats=$("$MOCK" --sessions "$n" --list-cost-us "$US" --server-time 1795857600 -- \
            timeout "$SECONDS_" script -qfec \
            "stty rows 50 cols 160; exec '$mxs' top" /dev/null 2>&1 >/dev/null |
            grep '^mxs-mock: ' || true)
        lists=$(sed -n 's/^mxs-mock: \([0-9]*\) list.*/\1/p' <<<"$stats")
        cost=$(sed -n 's/.*, \([0-9.]*\) s of list cost.*/\1/p' <<<"$stats")
        awk -v n="$n" -v m="$mxs" -v l="${lists:-?}" -v c="${cost:-0}" -v s="$SECONDS_" \
            'BEGIN { printf "| %d | %s | %s | %.1f s | %.1f%% |\n", n, m, l, c, 100 * c / s }'
    done
done
