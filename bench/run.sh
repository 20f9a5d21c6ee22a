#!/usr/bin/env bash
# bench/run.sh — benchmark harness of mxs: timings against mxs-static (pre-rendered bodies served
# from memory, the honest floor), functional checks against the mxs-mock MaxScale API server.
#
#   bench/run.sh          full run (10,000 and 100,000 sessions, 10 runs each; multi-host, rdns)
#   bench/run.sh quick    100,000 sessions with 3 runs, fewer repetitions elsewhere
#
# It builds the release binaries (mxs apart from the mock's crate, so the mock's dependency
# features never reach mxs), checks that curl reaches at least 2 GB/s from mxs-static (the run
# fails otherwise; MXS_BENCH_ALLOW_SLOW_FLOOR=1 goes on and marks the figures), times mxs side by
# side with curl (hyperfine medians, user+sys CPU per MB), measures peak RSS (/usr/bin/time -v),
# checks mxs's TSV against jq's, and writes everything to bench/results/ (summary.md).
# Every process it starts is recorded by PID and killed on exit (trap), and only those.
# See bench/README.md for the method.

set -euo pipefail

# ----------------------------------------------------------------------------------------------
# Configuration
# ----------------------------------------------------------------------------------------------

MODE=${1:-full}
case $MODE in
full | quick) ;;
-h | --help)
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
*)
    echo "usage: $0 [full|quick]" >&2
    exit 2
    ;;
esac

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
RESULTS=$BENCH_DIR/results
MXS=$ROOT/target/release/mxs
MOCK=$ROOT/target/release/mxs-mock
STATIC=$ROOT/target/release/mxs-static
JQ_FILTER=$BENCH_DIR/sessions-tsv.jq
AUTH=admin:mariadb # the mock's default credentials, which are also mxs's defaults

# Session counts and hyperfine repetitions per count: "N:RUNS:WARMUP". The targets are read at
# the largest count.
if [[ $MODE == full ]]; then
    SIZES=(10000:10:2 100000:10:2)
    MULTI_RUNS=20 RDNS_RUNS=10 THREE_RUNS=50
else
    SIZES=(100000:3:1)
    MULTI_RUNS=5 RDNS_RUNS=3 THREE_RUNS=20
fi
FLOOR_MIN=2000000000 # bytes per second curl must reach from mxs-static

# ----------------------------------------------------------------------------------------------
# Process bookkeeping and cleanup
# ----------------------------------------------------------------------------------------------

WORK=$(mktemp -d "${TMPDIR:-/tmp}/mxs-bench.XXXXXX") # scratch: fifos, outputs, caches
PIDS=()                                               # every background process we started

cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    PIDS=()
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ----------------------------------------------------------------------------------------------
# Small helpers
# ----------------------------------------------------------------------------------------------

log() { printf '\n\033[1m==> %s\033[0m\n' "$*" >&2; }
warn() { printf 'bench: warning: %s\n' "$*" >&2; }
die() {
    printf 'bench: error: %s\n' "$*" >&2
    exit 1
}

# q WORD: WORD quoted for a shell command line (hyperfine runs commands with sh -c).
q() { printf '%q' "$1"; }

# calc EXPR [DECIMALS]: floating-point arithmetic with awk; prints "n/a" if any operand is n/a.
calc() {
    if [[ $1 == *n/a* || $1 == *nan* ]]; then
        echo n/a
        return
    fi
    awk "BEGIN { x = ($1); printf \"%.${2:-2}f\", x }"
}

# ms SECONDS: "123.4" (milliseconds), or n/a.
ms() {
    [[ $1 == n/a || -z $1 ]] && {
        echo n/a
        return
    }
    calc "$1 * 1000" 1
}

# verdict VALUE OP LIMIT: PASS or MISS (with the factor by which the limit is exceeded).
verdict() {
    local v=$1 op=$2 limit=$3
    [[ $v == n/a ]] && {
        echo "n/a"
        return
    }
    if awk "BEGIN { exit !($v $op $limit) }"; then
        echo PASS
    else
        echo "**MISS** ($(calc "$v / $limit") × the limit)"
    fi
}

# cpu_busy: the percentage of all CPUs that was busy over one second (from /proc/stat), to tell
# whether something else is running while we measure.
cpu_busy() {
    local a b
    a=$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6; exit }' /proc/stat)
    sleep 1
    b=$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6; exit }' /proc/stat)
    awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " ");
        busy = y[1] - x[1]; idle = y[2] - x[2]; printf "%.0f", 100 * busy / (busy + idle) }'
}

# apt_install PACKAGE: install a Debian package as root, running apt-get update if needed.
apt_install() {
    local pkg=$1
    if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
        return 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y "$pkg" >"$WORK/apt.log" 2>&1 && return 0
    apt-get update >>"$WORK/apt.log" 2>&1 || true
    apt-get install -y "$pkg" >>"$WORK/apt.log" 2>&1
}

# ----------------------------------------------------------------------------------------------
# Tools and build
# ----------------------------------------------------------------------------------------------

HAVE_HYPERFINE=1
HAVE_TIME=1

ensure_tools() {
    local t
    for t in curl jq cargo awk; do
        command -v "$t" >/dev/null || die "$t is required"
    done
    if ! command -v hyperfine >/dev/null; then
        log "installing hyperfine"
        if ! apt_install hyperfine; then
            HAVE_HYPERFINE=0
            warn "hyperfine is not installed and could not be installed (apt-get install -y hyperfine"
            warn "failed or we are not root): FALLING BACK to a simple timing loop (date +%s%N),"
            warn "which includes the sh -c startup in every figure and has no outlier detection."
        fi
    fi
    if [[ ! -x /usr/bin/time ]]; then
        log "installing time (for /usr/bin/time -v)"
        if ! apt_install time; then
            HAVE_TIME=0
            warn "/usr/bin/time is missing and the time package could not be installed:"
            warn "peak RSS figures will be n/a."
        fi
    fi
}

build() {
    log "building release binaries (two invocations: no feature unification between mxs and mxs-mock)"
    (cd "$ROOT" && cargo build --release --locked -p mxs)
    (cd "$ROOT" && cargo build --release --locked -p mxs-mock)
    [[ -x $MXS && -x $MOCK && -x $STATIC ]] || die "release binaries not found in $ROOT/target/release"
}

# machine_info: markdown lines describing the machine, the tools and the tree that was measured.
machine_info() {
    local cpu mem commit dirty
    cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
    mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
    commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
    dirty=$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null | wc -l)
    echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "- mode: $MODE"
    echo "- machine: $(nproc) CPUs ($cpu), $mem RAM, $(uname -sr)"
    echo "- before the run: CPUs ${BUSY_BEFORE}% busy over 1 s; load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- tree: $commit$([[ $dirty -gt 0 ]] && echo " + $dirty modified tracked file(s)")"
    echo "- mxs: $("$MXS" --version 2>/dev/null || echo '?'), release profile"
    echo "- tools: $(rustc --version 2>/dev/null || echo 'rustc ?'); $(curl --version | head -1 | cut -d' ' -f1-2);" \
        "$(jq --version); $( ((HAVE_HYPERFINE)) && hyperfine --version || echo 'hyperfine MISSING (timing loop)')"
}

# ----------------------------------------------------------------------------------------------
# Mock servers
# ----------------------------------------------------------------------------------------------

MOCK_PID=
MOCK_HOSTS=()

# start_mock NAME LISTENERS [MOCK OPTIONS...]: start mxs-mock in the background and wait for its
# "listening on http://127.0.0.1:PORT" lines (read from a FIFO, with no sleeps). Sets MOCK_PID and
# MOCK_HOSTS (127.0.0.1:PORT, one per listener).
start_mock() { start_server "$MOCK" "$@"; }

# start_static NAME LISTENERS [OPTIONS...]: the same with mxs-static (which renders its bodies
# before it prints its lines, so the first request is already served from memory).
start_static() { start_server "$STATIC" "$@"; }

start_server() {
    local bin=$1 name=$2 listeners=$3 fifo fd line
    shift 3
    fifo=$WORK/mock-$name.fifo
    mkfifo "$fifo"
    "$bin" --listeners "$listeners" "$@" >"$fifo" 2>"$WORK/mock-$name.err" &
    MOCK_PID=$!
    PIDS+=("$MOCK_PID")
    exec {fd}<"$fifo"
    MOCK_HOSTS=()
    while ((${#MOCK_HOSTS[@]} < listeners)); do
        if ! IFS= read -r -t 120 -u "$fd" line; then
            die "$(basename "$bin") $* did not start: $(cat "$WORK/mock-$name.err")"
        fi
        [[ $line == "listening on http://"* ]] && MOCK_HOSTS+=("${line#listening on http://}")
    done
    exec {fd}<&- # the mock prints nothing else on stdout
    rm -f "$fifo"
    echo "$(basename "$bin") $* (pid $MOCK_PID): ${MOCK_HOSTS[*]}" >&2
}

# stop_mock: kill the current mock by its PID and forget it.
stop_mock() {
    local pid keep=()
    kill "$MOCK_PID" 2>/dev/null || true
    wait "$MOCK_PID" 2>/dev/null || true
    for pid in "${PIDS[@]}"; do
        [[ $pid == "$MOCK_PID" ]] || keep+=("$pid")
    done
    PIDS=("${keep[@]}")
    MOCK_PID=
}

# ----------------------------------------------------------------------------------------------
# Measurement
# ----------------------------------------------------------------------------------------------

# time_cases NAME RUNS WARMUP LABEL CMD [LABEL CMD...]: time the commands side by side and write
# $RESULTS/NAME.json in hyperfine's format (results[].command is the LABEL; mean/stddev/min/max/
# median in seconds). Failures do not abort: the rss runs record exit statuses.
time_cases() {
    local name=$1 runs=$2 warmup=$3 json=$RESULTS/$1.json
    shift 3
    if ((HAVE_HYPERFINE)); then
        local args=()
        while (($#)); do
            args+=(-n "$1" "$2")
            shift 2
        done
        # --shell=none: no shell startup to calibrate and subtract (pipelines are spelt sh -c '...').
        hyperfine -N --style basic --ignore-failure --runs "$runs" --warmup "$warmup" \
            --export-json "$json" "${args[@]}" 2>&1 | tee -a "$RESULTS/hyperfine.log" >&2
    else
        local entries=() label cmd i t0 t1 times
        while (($#)); do
            label=$1 cmd=$2
            shift 2
            for ((i = 0; i < warmup; i++)); do sh -c "$cmd" >/dev/null 2>&1 || true; done
            times=()
            for ((i = 0; i < runs; i++)); do
                t0=$(date +%s%N)
                sh -c "$cmd" >/dev/null 2>&1 || true
                t1=$(date +%s%N)
                times+=("$(calc "($t1 - $t0) / 1e9" 6)")
            done
            printf '%-32s mean %s ms over %d runs\n' "$label" \
                "$(ms "$(printf '%s\n' "${times[@]}" | awk '{ s += $1 } END { print s / NR }')")" "$runs" >&2
            entries+=("$(printf '%s\n' "${times[@]}" | jq -s --arg c "$label" '
                (add / length) as $m
                | { command: $c, mean: $m, times: .,
                    stddev: (if length > 1 then (map(. - $m | . * .) | add / (length - 1) | sqrt) else 0 end),
                    min: min, max: max, median: (sort | .[length / 2 | floor]) }')")
        done
        printf '%s\n' "${entries[@]}" | jq -s '{ results: . }' >"$json"
    fi
}

# fig NAME LABEL FIELD: one figure (seconds) from $RESULTS/NAME.json.
fig() {
    local v
    v=$(jq -r --arg l "$2" --arg f "$3" '.results[] | select(.command == $l) | .[$f] // "n/a"' \
        "$RESULTS/$1.json" 2>/dev/null || true)
    echo "${v:-n/a}"
}

declare -A RSS_KB=() EXIT_STATUS=() WALL1=()

# measure_rss KEY OUTFILE CMD: run CMD once under /usr/bin/time -v (sh -c, stdout to OUTFILE) and
# record its peak RSS (for a pipeline: the largest single process), exit status and wall time.
# The full report stays in $RESULTS/rss-KEY.txt and CMD's stderr in $RESULTS/stderr-KEY.txt.
measure_rss() {
    local key=$1 out=$2 cmd=$3 report=$RESULTS/rss-$1.txt t0 t1 rc=0
    t0=$(date +%s%N)
    if ((HAVE_TIME)); then
        /usr/bin/time -v -o "$report" sh -c "$cmd" >"$out" 2>"$RESULTS/stderr-$key.txt" || rc=$?
    else
        sh -c "$cmd" >"$out" 2>"$RESULTS/stderr-$key.txt" || rc=$?
    fi
    t1=$(date +%s%N)
    EXIT_STATUS[$key]=$rc
    WALL1[$key]=$(calc "($t1 - $t0) / 1e9" 3)
    if ((HAVE_TIME)); then
        RSS_KB[$key]=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$report")
    else
        RSS_KB[$key]=n/a
    fi
    [[ -s $RESULTS/stderr-$key.txt ]] || rm -f "$RESULTS/stderr-$key.txt"
    if ((rc != 0)); then
        warn "$key: exit status $rc: $(head -c 300 "$RESULTS/stderr-$key.txt" 2>/dev/null)"
    fi
}

# mib KB: kilobytes as MiB with one decimal, or n/a.
mib() { [[ ${1:-n/a} == n/a ]] && echo n/a || calc "$1 / 1024" 1; }

# ----------------------------------------------------------------------------------------------
# The cases
# ----------------------------------------------------------------------------------------------

declare -A SIZE=() CHECKS=() # response bytes per N; correctness notes per case
FLOOR_RATE=n/a FLOOR_NOTE=

# check_floor: curl from mxs-static on the 100,000-session document must reach FLOOR_MIN bytes
# per second (the median of 5 fetches), or the floor is not a floor and the run stops.
check_floor() {
    log "floor check: curl from mxs-static, 100,000 sessions"
    start_static floor 1 --sessions 100000
    local url="http://${MOCK_HOSTS[0]}/v1/sessions" i rates=()
    for i in 1 2 3 4 5 6; do
        rates+=("$(curl -s -o /dev/null -u "$AUTH" -w '%{speed_download}' "$url")")
    done
    stop_mock
    # the first fetch warms the connection path and page cache; the median of the other five
    FLOOR_RATE=$(printf '%s\n' "${rates[@]:1}" | sort -n | sed -n 3p)
    echo "curl from mxs-static: $(calc "$FLOOR_RATE / 1e9" 2) GB/s (median of 5; runs: ${rates[*]:1})" >&2
    if awk "BEGIN { exit !($FLOOR_RATE < $FLOOR_MIN) }"; then
        if [[ ${MXS_BENCH_ALLOW_SLOW_FLOOR:-0} == 1 ]]; then
            FLOOR_NOTE=" — **below 2 GB/s: the machine is not idle; figures are not comparable**"
            warn "curl reaches only $(calc "$FLOOR_RATE / 1e9" 2) GB/s; going on (MXS_BENCH_ALLOW_SLOW_FLOOR=1)"
        else
            die "curl reaches only $(calc "$FLOOR_RATE / 1e9" 2) GB/s from mxs-static (at least 2 GB/s is needed for an honest floor; is the machine idle?)"
        fi
    fi
}

# tsv_vs_jq KEY N HOST OUT_MXS OUT_JQ: compare mxs's TSV with jq's; sets CHECKS[KEY].
# They must agree on every column but connected and idle (which mxs formats), ignoring order.
tsv_vs_jq() {
    local key=$1 n=$2 mxs_out=$3 jq_out=$4 rows ids badcols jqrows diffs note
    rows=$(wc -l <"$mxs_out")
    ids=$(cut -f1 "$mxs_out" | sort -u | wc -l)
    badcols=$(awk -F'\t' 'NF != 13' "$mxs_out" | wc -l)
    jqrows=$(wc -l <"$jq_out")
    diffs=$(diff <(cut -f1-7,10-13 "$mxs_out" | sort) <(cut -f1-7,10-13 "$jq_out" | sort) |
        tee "$RESULTS/diff-$key.txt" | grep -c '^[<>]' || true)
    [[ $diffs -eq 0 ]] && rm -f "$RESULTS/diff-$key.txt"
    note="tsv rows $rows/$n, distinct ids $ids, rows without 13 columns $badcols, jq rows $jqrows,"
    note+=" lines differing from jq (cols 1-7,10-13) $diffs"
    if [[ $rows -ne $n || $ids -ne $n || $badcols -ne 0 || $jqrows -ne $n || $diffs -ne 0 ]]; then
        note="**CHECK FAILED**: $note"
        warn "$key: $note"
    fi
    CHECKS[$key]=$note
}

# bench_sessions N RUNS WARMUP: N generated sessions from mxs-static; curl (the floor) and mxs
# -o tsv / -o json / -o jsonl / table side by side, peak RSS of each, and mxs's TSV against jq's.
bench_sessions() {
    local n=$1 runs=$2 warmup=$3
    log "$n sessions (generated, 24.02 shape, pretty), from mxs-static"
    start_static "n$n" 1 --sessions "$n"
    local h=${MOCK_HOSTS[0]}
    local url="http://$h/v1/sessions"
    SIZE[$n]=$(curl -s -u "$AUTH" "$url" | wc -c)
    echo "response: ${SIZE[$n]} bytes" >&2

    local c_floor c_jq c_tsv c_json c_jsonl c_table
    c_floor="curl -s -o /dev/null -u $AUTH $(q "$url")"
    c_jq="curl -s -u $AUTH $(q "$url") | jq -r --arg ep $(q "$h") -f $(q "$JQ_FILTER")"
    c_tsv="$(q "$MXS") -H $(q "$h") sessions list -o tsv"
    c_json="$(q "$MXS") -H $(q "$h") sessions list -o json"
    c_jsonl="$(q "$MXS") -H $(q "$h") sessions list -o jsonl"
    c_table="$(q "$MXS") -H $(q "$h") sessions list"

    # One run each under /usr/bin/time -v; the TSV is kept for the check against jq (one jq run:
    # it takes about 14 s on 100,000 sessions), the others are only counted.
    measure_rss "$n-curl" /dev/null "$c_floor"
    measure_rss "$n-jq" "$WORK/jq.tsv" "$c_jq"
    measure_rss "$n-tsv" "$WORK/mxs.tsv" "$c_tsv"
    measure_rss "$n-json" "$WORK/json.count" "$c_json | wc -c"
    measure_rss "$n-jsonl" "$WORK/jsonl.count" "$c_jsonl | wc -l"
    measure_rss "$n-table" "$WORK/table.count" "$c_table | wc -l"
    tsv_vs_jq "$n" "$n" "$WORK/mxs.tsv" "$WORK/jq.tsv"
    CHECKS[$n]+="; json bytes $(tr -d ' ' <"$WORK/json.count"), jsonl lines $(tr -d ' ' <"$WORK/jsonl.count"),"
    CHECKS[$n]+=" table lines $(tr -d ' ' <"$WORK/table.count")"
    rm -f "$WORK/mxs.tsv" "$WORK/jq.tsv"

    time_cases "sessions-$n" "$runs" "$warmup" \
        "curl -o /dev/null" "$c_floor" \
        "mxs -o tsv" "$c_tsv" \
        "mxs -o json" "$c_json" \
        "mxs -o jsonl" "$c_jsonl" \
        "mxs table" "$c_table"
    stop_mock
}

# check_mock: the functional check against the real mock: 1,000 sessions, mxs's TSV against jq's.
check_mock() {
    log "functional check against mxs-mock: 1,000 sessions, mxs -o tsv against jq"
    start_mock check 1 --sessions 1000 --server-time 1795857600
    local h=${MOCK_HOSTS[0]}
    "$MXS" -H "$h" sessions list -o tsv >"$WORK/mock.tsv" 2>"$WORK/mock.err" || warn "mxs against the mock: $(cat "$WORK/mock.err")"
    curl -s -u "$AUTH" "http://$h/v1/sessions" | jq -r --arg ep "$h" -f "$JQ_FILTER" >"$WORK/mock-jq.tsv"
    tsv_vs_jq mock 1000 "$WORK/mock.tsv" "$WORK/mock-jq.tsv"
    stop_mock
}

# bench_three: the 3 captured sessions, served by mxs-static: mxs -o tsv against curl.
bench_three() {
    log "3 captured sessions, from mxs-static"
    start_static three 1
    local h=${MOCK_HOSTS[0]} url c_floor c_tsv rows
    url="http://$h/v1/sessions"
    SIZE[three]=$(curl -s -u "$AUTH" "$url" | wc -c)
    c_floor="curl -s -o /dev/null -u $AUTH $(q "$url")"
    c_tsv="$(q "$MXS") -H $(q "$h") sessions list -o tsv"
    measure_rss three-curl /dev/null "$c_floor"
    measure_rss three-tsv "$WORK/three.tsv" "$c_tsv"
    rows=$(wc -l <"$WORK/three.tsv")
    CHECKS[three]="tsv rows $rows/3"
    [[ $rows -eq 3 ]] || CHECKS[three]="**CHECK FAILED**: ${CHECKS[three]}"
    time_cases three "$THREE_RUNS" 5 \
        "curl -o /dev/null" "$c_floor" \
        "mxs -o tsv" "$c_tsv"
    stop_mock
}

# bench_multi: what fan-out costs: 10 hosts × 1,000 sessions against one host × 10,000 sessions,
# the same bytes, 50 ms of latency on every response (mxs-static --latency).
bench_multi() {
    log "10 hosts x 1,000 sessions against 1 host x 10,000 sessions, 50 ms latency"
    start_static multi 10 --sessions 1000 --latency 50
    local all rows hosts ten_pid
    all=$(
        IFS=,
        echo "${MOCK_HOSTS[*]}"
    )
    ten_pid=$MOCK_PID
    start_static single 1 --sessions 10000 --latency 50
    local h1=${MOCK_HOSTS[0]}
    SIZE[multi]=$(curl -s -u "$AUTH" "http://$h1/v1/sessions" | wc -c)
    local c_curl c_one c_ten
    c_curl="curl -s -o /dev/null -u $AUTH $(q "http://$h1/v1/sessions")"
    c_one="$(q "$MXS") -H $(q "$h1") sessions list -o tsv"
    c_ten="$(q "$MXS") -H $(q "$all") sessions list -o tsv"
    measure_rss multi-one /dev/null "$c_one"
    measure_rss multi-ten "$WORK/multi.tsv" "$c_ten"
    rows=$(wc -l <"$WORK/multi.tsv")
    hosts=$(cut -f13 "$WORK/multi.tsv" | sort -u | wc -l)
    CHECKS[multi]="10-host tsv rows $rows/10000, distinct maxscale column values $hosts/10"
    [[ $rows -eq 10000 && $hosts -eq 10 ]] || CHECKS[multi]="**CHECK FAILED**: ${CHECKS[multi]}"
    time_cases multihost "$MULTI_RUNS" 2 \
        "curl -o /dev/null, 1 host × 10,000" "$c_curl" \
        "mxs -o tsv, 1 host × 10,000" "$c_one" \
        "mxs -o tsv, 10 hosts × 1,000" "$c_ten"
    stop_mock
    MOCK_PID=$ten_pid
    stop_mock
}
# bench_rdns: 10,000 sessions from 1,000 addresses, fake resolver with 50 ms per lookup; without
# the cache (1,000 real lookups), then with a filled cache (all hits) against no rdns at all.
bench_rdns() {
    log "reverse DNS: 10,000 sessions / 1,000 addresses, 50 ms lookups"
    start_mock rdns 1 --sessions 10000 --addresses 1000 --server-time 1795857600
    local h=${MOCK_HOSTS[0]} cache=$WORK/rdns-cache named names addrs cached
    curl -s -o /dev/null -u "$AUTH" "http://$h/v1/sessions"
    local base c_nocache c_plain c_hit
    base="$(q "$MXS") -H $(q "$h") sessions list -o tsv"
    c_nocache="env MXS_TEST_RESOLVER=delay=50ms $base --rdns --no-rdns-cache"
    c_plain=$base
    c_hit="env XDG_CACHE_HOME=$(q "$cache") MXS_TEST_RESOLVER=delay=50ms $base --rdns"

    measure_rss rdns-nocache "$WORK/rdns.tsv" "$c_nocache"
    named=$(awk -F'\t' '$4 != ""' "$WORK/rdns.tsv" | wc -l)
    names=$(cut -f4 "$WORK/rdns.tsv" | sort -u | grep -c . || true)
    # Distinct addresses to look up: IPv4-mapped IPv6 (::ffff:a.b.c.d) is the IPv4 address.
    addrs=$(cut -f3 "$WORK/rdns.tsv" | sed 's/^::ffff://I' | sort -u | wc -l)
    # Fill the cache with one run, then check that it holds the names.
    mkdir -p "$cache"
    measure_rss rdns-fill "$WORK/rdns-fill.tsv" "$c_hit"
    cached=$( (cat "$cache"/mxs/* 2>/dev/null || true) | wc -l)
    measure_rss rdns-hit "$WORK/rdns-hit.tsv" "$c_hit"
    measure_rss rdns-plain /dev/null "$c_plain"
    CHECKS[rdns]="no-cache run: $(wc -l <"$WORK/rdns.tsv") rows, $named with a remote_name, $names distinct names for $addrs distinct addresses;"
    CHECKS[rdns]+=" cache file lines after the fill $cached; cache-hit output identical to the no-cache output:"
    if cmp -s "$WORK/rdns.tsv" "$WORK/rdns-hit.tsv"; then CHECKS[rdns]+=" yes"; else CHECKS[rdns]+=" **NO**"; fi
    [[ $named -eq 10000 && $names -eq $addrs ]] || CHECKS[rdns]="**CHECK FAILED**: ${CHECKS[rdns]}"

    time_cases rdns-nocache "$RDNS_RUNS" 1 \
        "mxs -o tsv --rdns --no-rdns-cache" "$c_nocache"
    time_cases rdns-cache "$RDNS_RUNS" 2 \
        "mxs -o tsv (no rdns)" "$c_plain" \
        "mxs -o tsv --rdns (cache hits)" "$c_hit"
    stop_mock
}

# ----------------------------------------------------------------------------------------------
# Summary
# ----------------------------------------------------------------------------------------------

# cpu GROUP LABEL: user+sys seconds of one run (hyperfine's means), or n/a.
cpu() {
    local u s
    u=$(fig "$1" "$2" user) s=$(fig "$1" "$2" system)
    calc "$u + $s" 3
}

# row GROUP LABEL FLOOR BYTES RSSKEY: one line of a side-by-side table.
row() {
    local group=$1 label=$2 floor=$3 bytes=$4 key=$5 med c rss
    med=$(fig "$group" "$label" median)
    c=$(cpu "$group" "$label")
    rss=${RSS_KB[$key]:-n/a}
    echo "| $label | $(ms "$med") | $(ms "$(fig "$group" "$label" mean)") ± $(ms "$(fig "$group" "$label" stddev)") |" \
        "$(calc "$(fig "$group" "$label" user)" 3) + $(calc "$(fig "$group" "$label" system)" 3) |" \
        "$(calc "$c * 1000 / ($bytes / 1048576)" 2) | $(calc "$med / $floor") | $(mib "$rss") |" \
        "$(calc "$rss * 1024 / $bytes" 3) | ${EXIT_STATUS[$key]:-?} |"
}

summary() {
    local out=$RESULTS/summary.md n spec label key
    local largest=${SIZES[-1]%%:*}
    {
        echo "# mxs benchmark results ($MODE run)"
        echo
        echo "$MACHINE_INFO"
        echo "- after the run: CPUs $(cpu_busy)% busy over 1 s; load average $(cut -d' ' -f1-3 /proc/loadavg)"
        echo "- floor: curl -o /dev/null from mxs-static reaches $(calc "$FLOOR_RATE / 1e9" 2) GB/s (median of 5; at least 2 GB/s required)$FLOOR_NOTE"
        echo
        echo "Wall times are milliseconds: the median, and mean ± standard deviation, of the hyperfine"
        echo "runs. CPU is user + system seconds per run (hyperfine's means), and per MiB of the response."
        echo "Peak RSS is one \`/usr/bin/time -v\` run. The ratio is the median against curl's median."
        echo
        for spec in "${SIZES[@]}"; do
            n=${spec%%:*}
            local floor bytes
            floor=$(fig "sessions-$n" "curl -o /dev/null" median)
            bytes=${SIZE[$n]}
            echo "## $n sessions ($bytes B, $(calc "$bytes / 1048576" 1) MiB), mxs-static"
            echo
            echo "| command | median (ms) | mean ± σ (ms) | CPU user + sys (s) | CPU ms / MiB | × curl | peak RSS (MiB) | RSS / body | exit |"
            echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
            for pair in "curl -o /dev/null:curl" "mxs -o tsv:tsv" "mxs -o json:json" "mxs -o jsonl:jsonl" "mxs table:table"; do
                row "sessions-$n" "${pair%:*}" "$floor" "$bytes" "$n-${pair##*:}"
            done
            echo
            echo "curl | jq (the same TSV, one run): $(ms "${WALL1[$n-jq]:-n/a}") ms wall, peak RSS $(mib "${RSS_KB[$n-jq]:-n/a}") MiB."
            echo
        done
        echo "## 3 captured sessions, mxs-static"
        echo
        echo "| command | median (ms) | mean ± σ (ms) | CPU user + sys (s) | CPU ms / MiB | × curl | peak RSS (MiB) | RSS / body | exit |"
        echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
        local t3
        t3=$(fig three "curl -o /dev/null" median)
        row three "curl -o /dev/null" "$t3" "${SIZE[three]}" three-curl
        row three "mxs -o tsv" "$t3" "${SIZE[three]}" three-tsv
        echo
        echo "## Fan-out: 10 hosts × 1,000 sessions against 1 host × 10,000, 50 ms latency, mxs-static"
        echo
        echo "| command | median (ms) | mean ± σ (ms) | CPU user + sys (s) | CPU ms / MiB | × curl | peak RSS (MiB) | RSS / body | exit |"
        echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
        local tm bm
        tm=$(fig multihost "curl -o /dev/null, 1 host × 10,000" median)
        bm=${SIZE[multi]}
        row multihost "curl -o /dev/null, 1 host × 10,000" "$tm" "$bm" none
        row multihost "mxs -o tsv, 1 host × 10,000" "$tm" "$bm" multi-one
        row multihost "mxs -o tsv, 10 hosts × 1,000" "$tm" "$bm" multi-ten
        echo
        echo "## Reverse DNS (mxs-mock): 10,000 sessions / 1,000 addresses, fake resolver, 50 ms per lookup"
        echo
        echo "| command | median (ms) | × no rdns | peak RSS (MiB) |"
        echo "|---|---:|---:|---:|"
        local plain
        plain=$(fig rdns-cache "mxs -o tsv (no rdns)" median)
        echo "| mxs -o tsv (no rdns) | $(ms "$plain") | 1.00 | $(mib "${RSS_KB[rdns-plain]:-n/a}") |"
        echo "| mxs -o tsv --rdns --no-rdns-cache (1,000 lookups) | $(ms "$(fig rdns-nocache "mxs -o tsv --rdns --no-rdns-cache" median)") |" \
            "$(calc "$(fig rdns-nocache "mxs -o tsv --rdns --no-rdns-cache" median) / $plain") | $(mib "${RSS_KB[rdns-nocache]:-n/a}") |"
        echo "| mxs -o tsv --rdns (all cache hits) | $(ms "$(fig rdns-cache "mxs -o tsv --rdns (cache hits)" median)") |" \
            "$(calc "$(fig rdns-cache "mxs -o tsv --rdns (cache hits)" median) / $plain") | $(mib "${RSS_KB[rdns-hit]:-n/a}") |"
        echo
        echo "## Targets (medians, at $largest sessions)"
        echo
        local sf r f limit
        sf=$(fig "sessions-$largest" "curl -o /dev/null" median)
        echo "| case | target | measured | result |"
        echo "|---|---|---|---|"
        for pair in "mxs -o tsv:3" "mxs -o json:2.5" "mxs -o jsonl:2.5" "mxs table:4"; do
            label=${pair%:*} limit=${pair##*:}
            r=$(calc "$(fig "sessions-$largest" "$label" median) / $sf")
            echo "| $label | ≤ $limit × curl | $(ms "$(fig "sessions-$largest" "$label" median)") ms = $r × $(ms "$sf") ms | $(verdict "$r" '<=' "$limit") |"
        done
        for f in tsv json jsonl table; do
            r=$(calc "${RSS_KB[$largest-$f]:-n/a} * 1024 / ${SIZE[$largest]}" 3)
            echo "| peak RSS, $f | ≤ 0.25 × the body | $(mib "${RSS_KB[$largest-$f]:-n/a}") MiB = $r × the body | $(verdict "$r" '<=' 0.25) |"
        done
        local one ten
        one=$(fig multihost "mxs -o tsv, 1 host × 10,000" median)
        ten=$(fig multihost "mxs -o tsv, 10 hosts × 1,000" median)
        r=$(calc "$ten / $one")
        echo "| 10 hosts × 1,000 × 50 ms | ≤ 1.25 × 1 host × 10,000 × 50 ms | $(ms "$ten") ms = $r × $(ms "$one") ms | $(verdict "$r" '<=' 1.25) |"
        r=$(calc "$(fig three "mxs -o tsv" median) / $t3")
        echo "| 3 sessions, -o tsv | ≤ 1 × curl | $(ms "$(fig three "mxs -o tsv" median)") ms = $r × $(ms "$t3") ms | $(verdict "$r" '<=' 1) |"
        echo
        echo "## Output checks"
        echo
        echo "- 3 sessions: ${CHECKS[three]}"
        for spec in "${SIZES[@]}"; do
            n=${spec%%:*}
            echo "- $n sessions (mxs-static): ${CHECKS[$n]}"
        done
        echo "- 1000 sessions (mxs-mock): ${CHECKS[mock]}"
        echo "- 10 hosts: ${CHECKS[multi]}"
        echo "- rdns: ${CHECKS[rdns]}"
        for f in "$RESULTS"/stderr-*.txt; do
            [[ -e $f ]] || continue
            echo "- stderr of $(basename "$f" .txt | sed 's/^stderr-//'): \`$(head -c 200 "$f" | tr '\n' ' ')\`"
        done
    } >"$out"
    if grep -q 'CHECK FAILED' "$out"; then
        cat "$out"
        die "an output check failed (see above)"
    fi
}

# ----------------------------------------------------------------------------------------------
# Main
# ----------------------------------------------------------------------------------------------

main() {
    ensure_tools
    build
    mkdir -p "$RESULTS"
    BUSY_BEFORE=$(cpu_busy)
    if ((BUSY_BEFORE > 10)); then
        warn "the CPUs are ${BUSY_BEFORE}% busy before the run: other work will skew the figures"
    fi
    MACHINE_INFO=$(machine_info) # before HOME changes (rustc --version needs rustup's home)
    rm -f "$RESULTS"/*.json "$RESULTS"/rss-*.txt "$RESULTS"/stderr-*.txt "$RESULTS"/diff-*.txt \
        "$RESULTS"/hyperfine.log "$RESULTS"/summary.md
    # Keep the user's environment out of the measurements: no ~/.maxctrl.cnf, no ~/.jq, no
    # MXS_* settings, and a scratch reverse-DNS cache directory.
    unset MXS_HOSTS MXS_USER MXS_PASSWORD MXS_CONFIG MXS_TEST_RESOLVER
    mkdir -p "$WORK/home" "$WORK/cache"
    export HOME=$WORK/home XDG_CACHE_HOME=$WORK/cache NO_COLOR=1

    local started=$SECONDS spec n runs warmup
    check_floor
    bench_three
    for spec in "${SIZES[@]}"; do
        IFS=: read -r n runs warmup <<<"$spec"
        bench_sessions "$n" "$runs" "$warmup"
    done
    bench_multi
    check_mock
    bench_rdns
    summary
    log "done in $((SECONDS - started)) s; results in $RESULTS"
    cat "$RESULTS/summary.md"
}

main
