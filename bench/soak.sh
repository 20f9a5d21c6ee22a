#!/usr/bin/env bash
# bench/soak.sh — the live view and a piped `watch` held for a long time against a server whose
# sessions come and go.
#
#   bench/soak.sh [SECONDS] [SESSIONS]     (default 600 s, 5000 sessions)
#
# mxs-mock --churn --sessions SESSIONS (its clock running: sessions age, run statements and
# idle) serves, for SECONDS:
#   * `mxs top 1s` in a pseudo-terminal (120x40, driven by a Python pty), with, every minute, a
#     filter typed (`/user~a`), a session killed (`x`, `y`) and the filter cleared (`\`);
#   * `mxs sessions watch 1s -o jsonl --count N` piped to a file (N = SECONDS);
# each twice: with glibc's malloc as it comes, and with MALLOC_ARENA_MAX=1 (one arena), which
# tells memory that mxs keeps from memory that the allocator keeps in its per-thread arenas
# (every refresh's parsing threads are new threads).
# Resident memory, open file descriptors and threads of each are read from /proc at the start
# (once warm: after the first minute's keys, or a third of a shorter run) and at the end. The
# script fails when a one-arena process's resident memory grew by more than 10% + 4 MiB (memory
# that mxs keeps), any descriptors or threads grew, a view wrote no frame after a key, or a
# watch lost a snapshot (fewer than N lines, or one that is not a whole JSON document with
# SESSIONS sessions, give or take the kills). The default allocator's growth is reported.
# Release binaries. Prints a Markdown table; bench/README.md keeps the last full run.

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MXS=$ROOT/target/release/mxs
MOCK=$ROOT/target/release/mxs-mock
SECONDS_RUN=${1:-600}
SESSIONS=${2:-5000}

(cd "$ROOT" && cargo build --release --locked -p mxs >/dev/null 2>&1)
(cd "$ROOT" && cargo build --release --locked -p mxs-mock >/dev/null 2>&1)
command -v python3 >/dev/null || { echo "bench/soak.sh needs python3" >&2; exit 1; }
command -v jq >/dev/null || { echo "bench/soak.sh needs jq" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/mxs-soak.XXXXXX")
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT
export NO_COLOR=1 HOME=$WORK XDG_CACHE_HOME=$WORK
unset MXS_HOSTS MXS_USER MXS_PASSWORD MXS_CONFIG

# the server, and its address once it listens (read through a FIFO: no sleep)
mkfifo "$WORK/listening"
"$MOCK" --churn --sessions "$SESSIONS" --seed 7 >"$WORK/listening" 2>"$WORK/mock.err" &
PIDS+=($!)
read -r line <"$WORK/listening"
HOST=${line##*//}
echo "mxs-mock --churn --sessions $SESSIONS on $HOST; $SECONDS_RUN s"

# /proc figures of a process: RSS (KiB), descriptors, threads; the fewest descriptors and
# threads of five looks 0.2 s apart (a refresh in flight holds a connection and a thread)
figures() {
    local pid=$1 rss threads fds t f i
    threads=1000000 fds=1000000
    for i in 1 2 3 4 5; do
        t=$(awk '/^Threads:/ {print $2}' "/proc/$pid/status")
        f=$(find "/proc/$pid/fd" -mindepth 1 -maxdepth 1 | wc -l)
        ((t < threads)) && threads=$t
        ((f < fds)) && fds=$f
        ((i < 5)) && sleep 0.2
    done
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")
    echo "$rss $fds $threads"
}

# the live view, driven in a pseudo-terminal; the driver prints its child's pid, then
# "started" after the first refresh, one line per minute's keys, and "done" when it has quit
cat >"$WORK/drive.py" <<'PY'
import os, pty, select, sys, time, struct, fcntl, termios

mxs, host, seconds, arenas = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
pid, fd = pty.fork()
if pid == 0:
    os.environ["TERM"] = "xterm"
    if arenas != "default":
        os.environ["MALLOC_ARENA_MAX"] = arenas
    os.execv(mxs, [mxs, "-H", host, "top", "1s"])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
print(pid, flush=True)
seen = bytearray()
frames_after_keys = 0

def pump(until):
    """Read the view's output until `until` (a monotonic time); returns the bytes read."""
    got = bytearray()
    while True:
        left = until - time.monotonic()
        if left <= 0:
            return got
        r, _, _ = select.select([fd], [], [], min(left, 0.5))
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return got
            if not chunk:
                return got
            got += chunk

start = time.monotonic()
while b"refreshed" not in seen:
    seen += pump(time.monotonic() + 0.5)
    if time.monotonic() - start > 60:
        print("no first frame", flush=True)
        sys.exit(1)
print("started", flush=True)
end = start + seconds
minute = 0
while time.monotonic() < end - 5:
    next_minute = min(start + 60 * (minute + 1), end - 5)
    pump(next_minute)
    minute += 1
    for keys in [b"/user~a\r", b"jjjjj", b"x", b"y", b"\\"]:
        os.write(fd, keys)
        out = pump(time.monotonic() + 1.0)
        if out:
            frames_after_keys += 1
    print(f"minute {minute}: filter, kill, clear", flush=True)
pump(end)
print(f"keys answered with a frame: {frames_after_keys}", flush=True)
os.write(fd, b"q")
pump(time.monotonic() + 5)
_, status = os.waitpid(pid, 0)
print(f"done {os.waitstatus_to_exitcode(status)}", flush=True)
PY

VARIANTS=(default 1)
declare -A VIEW WATCH DRIVER
for v in "${VARIANTS[@]}"; do
    if [[ $v == default ]]; then
        "$MXS" -H "$HOST" sessions watch 1s -o jsonl --count "$SECONDS_RUN" \
            >"$WORK/watch-$v.jsonl" 2>"$WORK/watch-$v.err" &
    else
        MALLOC_ARENA_MAX=$v "$MXS" -H "$HOST" sessions watch 1s -o jsonl --count "$SECONDS_RUN" \
            >"$WORK/watch-$v.jsonl" 2>"$WORK/watch-$v.err" &
    fi
    WATCH[$v]=$!
    PIDS+=("${WATCH[$v]}")
    python3 "$WORK/drive.py" "$MXS" "$HOST" "$SECONDS_RUN" "$v" >"$WORK/view-$v.log" 2>&1 &
    DRIVER[$v]=$!
    PIDS+=("${DRIVER[$v]}")
done

# wait for the views' first refresh (each driver's second line), then until they are warm
for v in "${VARIANTS[@]}"; do
    until [[ $(grep -c . "$WORK/view-$v.log" 2>/dev/null || true) -ge 2 ]]; do
        kill -0 "${DRIVER[$v]}" 2>/dev/null || { cat "$WORK/view-$v.log" >&2; exit 1; }
        sleep 0.2
    done
    VIEW[$v]=$(head -1 "$WORK/view-$v.log")
done
started=$(date +%s)
warm=$((SECONDS_RUN / 3 < 65 ? SECONDS_RUN / 3 : 65))
while (( $(date +%s) < started + warm )); do
    sleep 1
done
declare -A FIRST
for v in "${VARIANTS[@]}"; do
    FIRST[view-$v]=$(figures "${VIEW[$v]}")
    FIRST[watch-$v]=$(figures "${WATCH[$v]}")
done
echo "figures from ${warm} s after the views' first refresh to ${SECONDS_RUN} s"

# the end: the last figures a few seconds before they finish
while (( $(date +%s) < started + SECONDS_RUN - 8 )); do
    for v in "${VARIANTS[@]}"; do
        kill -0 "${VIEW[$v]}" 2>/dev/null || { cat "$WORK/view-$v.log" >&2; exit 1; }
    done
    sleep 1
done
declare -A LAST
for v in "${VARIANTS[@]}"; do
    LAST[view-$v]=$(figures "${VIEW[$v]}")
    if kill -0 "${WATCH[$v]}" 2>/dev/null; then
        LAST[watch-$v]=$(figures "${WATCH[$v]}")
    else
        LAST[watch-$v]=${FIRST[watch-$v]}
    fi
done
declare -A STATUS
for v in "${VARIANTS[@]}"; do
    wait "${DRIVER[$v]}" || true
    STATUS[$v]=0
    wait "${WATCH[$v]}" || STATUS[$v]=$?
done

failed=0
check() {
    local what=$1 key=$2 strict=$3 r0 f0 t0 r1 f1 t1
    read -r r0 f0 t0 <<<"${FIRST[$key]}"
    read -r r1 f1 t1 <<<"${LAST[$key]}"
    local bound=$((r0 + r0 / 10 + 4096)) mark=""
    if ((f1 > f0 || t1 > t0)); then
        mark=" **grew**"
        failed=1
    elif ((r1 > bound)); then
        if [[ $strict == yes ]]; then
            mark=" **grew**"
            failed=1
        else
            mark=" grew (the allocator's arenas)"
        fi
    fi
    echo "| $what | $((r0 / 1024)) MiB → $((r1 / 1024)) MiB | $f0 → $f1 | $t0 → $t1 |$mark"
}
echo
echo "| process | resident memory | open descriptors | threads |"
echo "|---|---:|---:|---:|"
check "mxs top 1s (pty)" view-default no
check "mxs top 1s (pty), MALLOC_ARENA_MAX=1" view-1 yes
check "mxs sessions watch 1s -o jsonl" watch-default no
check "mxs sessions watch 1s -o jsonl, MALLOC_ARENA_MAX=1" watch-1 yes
echo
# churn keeps the count (each list closes one session and opens one); the views' kills take one
# a minute each
slack=$((10 + 2 * SECONDS_RUN / 60))
for v in "${VARIANTS[@]}"; do
    grep -E '^(keys|done)' "$WORK/view-$v.log" | sed "s/^/    view ($v): /"
    grep -q '^done 0$' "$WORK/view-$v.log" || { echo "the view ($v) did not quit cleanly" >&2; failed=1; }
    minutes=$(grep -c '^minute' "$WORK/view-$v.log" || true)
    answered=$(sed -n 's/^keys answered with a frame: //p' "$WORK/view-$v.log")
    ((answered >= minutes * 4)) || { echo "the view ($v) stopped answering keys" >&2; failed=1; }
    lines=$(wc -l <"$WORK/watch-$v.jsonl")
    bad=$(jq -c --argjson n "$SESSIONS" --argjson slack "$slack" \
        'select((.data | length) < $n - $slack or (.data | length) > $n + $slack) | .time' \
        "$WORK/watch-$v.jsonl" | wc -l)
    echo "    watch ($v): $lines snapshots of $SECONDS_RUN (exit ${STATUS[$v]}), $bad with a session count off by more than $slack"
    if ((lines != SECONDS_RUN || bad > 0 || STATUS[$v] != 0)); then
        echo "watch ($v) lost snapshots" >&2
        cat "$WORK/watch-$v.err" >&2
        failed=1
    fi
done
exit $failed
