#!/usr/bin/env bash
# bench/top-load.sh — what the live view costs the MaxScale it watches: the server's CPU time
# (user + system of its process, from /proc) over SECONDS with nobody watching, then while
# `MXS top` runs in a pseudo-terminal, for each binary given.
#
#   bench/top-load.sh MAXSCALE_PID HOSTS SECONDS MXS...
#
# For a real MaxScale on this machine (with, say, 10,000 idle client sessions held open on one
# of its listeners); not for CI. Prints one line per run: the CPU seconds the server
# spent and their share of one core.

set -euo pipefail

if [[ $# -lt 4 ]]; then
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
PID=$1 HOSTS=$2 SECONDS_=$3
shift 3
TICK=$(getconf CLK_TCK)

# utime + stime of the server, in clock ticks
cpu() { awk '{print $14 + $15}' "/proc/$PID/stat"; }

measure() {
    local label=$1 start end
    shift
    start=$(cpu)
    "$@" >/dev/null 2>&1 || true
    end=$(cpu)
    awk -v l="$label" -v d=$((end - start)) -v t="$TICK" -v s="$SECONDS_" \
        'BEGIN { printf "| %s | %.2f s | %.1f%% |\n", l, d / t, 100 * d / t / s }'
}

echo "| who watches for ${SECONDS_} s | MaxScale CPU | of one core |"
echo "|---|---:|---:|"
measure "nobody" sleep "$SECONDS_"
for mxs in "$@"; do
    # a 50x160 terminal; the view ends when `timeout` ends the terminal's session
    measure "$mxs top" timeout "$SECONDS_" \
        script -qfec "stty rows 50 cols 160; exec '$mxs' -H '$HOSTS' top" /dev/null
done
