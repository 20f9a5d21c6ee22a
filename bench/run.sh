#!/usr/bin/env bash
# bench/run.sh — benchmark harness of mxs against the mxs-mock MaxScale admin API server.
#
#   bench/run.sh          full run (1, 1,000, 10,000 and 100,000 sessions, multi-host, rdns)
#   bench/run.sh quick    smaller run (up to 10,000 sessions, fewer repetitions)
#
# It builds both release binaries (separately, so the mock's dependency features never reach
# mxs), starts mock servers on loopback only, times mxs side by side with curl and curl | jq
# (hyperfine), measures peak RSS (/usr/bin/time -v), checks mxs's output against the jq
# pipeline, and writes everything to bench/results/ (hyperfine JSON, RSS reports, summary.md).
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
JQ_FILTER=$BENCH_DIR/sessions-tsv.jq
AUTH=admin:mariadb # the mock's default credentials, which are also mxs's defaults

# Session counts and hyperfine repetitions per count: "N:RUNS:WARMUP".
# The mock renders a dataset's body once, on its first request, so there is always a warm-up.
if [[ $MODE == full ]]; then
    SIZES=(1:30:3 1000:20:3 10000:10:2 100000:3:1)
    MULTI_RUNS=20 RDNS_RUNS=10 THREE_RUNS=50
else
    SIZES=(1:10:2 1000:10:2 10000:5:1)
    MULTI_RUNS=5 RDNS_RUNS=3 THREE_RUNS=20
fi

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
    (cd "$ROOT" && cargo build --release -p mxs)
    (cd "$ROOT" && cargo build --release -p mxs-mock)
    [[ -x $MXS && -x $MOCK ]] || die "release binaries not found in $ROOT/target/release"
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
start_mock() {
    local name=$1 listeners=$2 fifo fd line
    shift 2
    fifo=$WORK/mock-$name.fifo
    mkfifo "$fifo"
    "$MOCK" --listeners "$listeners" "$@" >"$fifo" 2>"$WORK/mock-$name.err" &
    MOCK_PID=$!
    PIDS+=("$MOCK_PID")
    exec {fd}<"$fifo"
    MOCK_HOSTS=()
    while ((${#MOCK_HOSTS[@]} < listeners)); do
        if ! IFS= read -r -t 120 -u "$fd" line; then
            die "mxs-mock $* did not start: $(cat "$WORK/mock-$name.err")"
        fi
        [[ $line == "listening on http://"* ]] && MOCK_HOSTS+=("${line#listening on http://}")
    done
    exec {fd}<&- # the mock prints nothing else on stdout
    rm -f "$fifo"
    echo "mxs-mock $* (pid $MOCK_PID): ${MOCK_HOSTS[*]}" >&2
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

# bench_sessions N RUNS WARMUP: one generated dataset of N sessions; curl (the floor), curl | jq,
# and mxs -o tsv / -o json / table side by side, peak RSS of each, and output checks.
bench_sessions() {
    local n=$1 runs=$2 warmup=$3
    log "$n sessions (generated, 24.02 shape, pretty)"
    start_mock "n$n" 1 --sessions "$n"
    local h=${MOCK_HOSTS[0]}
    local url="http://$h/v1/sessions"
    # The first request renders the body in the mock (a few seconds for 100,000 sessions).
    SIZE[$n]=$(curl -s -u "$AUTH" "$url" | wc -c)
    echo "response: ${SIZE[$n]} bytes" >&2

    local c_floor c_jq c_tsv c_json c_table
    c_floor="curl -s -o /dev/null -u $AUTH $(q "$url")"
    c_jq="sh -c $(q "curl -s -u $AUTH $(q "$url") | jq -r --arg ep $(q "$h") -f $(q "$JQ_FILTER")")"
    c_tsv="$(q "$MXS") -H $(q "$h") sessions list -o tsv"
    c_json="$(q "$MXS") -H $(q "$h") sessions list -o json"
    c_table="$(q "$MXS") -H $(q "$h") sessions list"

    # One run each under /usr/bin/time -v; TSV outputs are kept for the checks below, the others
    # are only counted (the JSON document of 100,000 sessions is hundreds of MB).
    measure_rss "$n-curl" /dev/null "$c_floor"
    measure_rss "$n-jq" "$WORK/jq.tsv" "$c_jq"
    measure_rss "$n-tsv" "$WORK/mxs.tsv" "$c_tsv"
    measure_rss "$n-json" "$WORK/json.count" "$c_json | wc -c"
    measure_rss "$n-table" "$WORK/table.count" "$c_table | wc -l"

    # Checks: mxs prints N TSV rows of 13 columns with N distinct ids, and agrees with the jq
    # pipeline on every column but connected and idle (which mxs formats), ignoring order.
    local rows ids badcols jqrows diffs note
    rows=$(wc -l <"$WORK/mxs.tsv")
    ids=$(cut -f1 "$WORK/mxs.tsv" | sort -u | wc -l)
    badcols=$(awk -F'\t' 'NF != 13' "$WORK/mxs.tsv" | wc -l)
    jqrows=$(wc -l <"$WORK/jq.tsv")
    diffs=$(diff <(cut -f1-7,10-13 "$WORK/mxs.tsv" | sort) <(cut -f1-7,10-13 "$WORK/jq.tsv" | sort) |
        tee "$RESULTS/diff-$n.txt" | grep -c '^[<>]' || true)
    [[ $diffs -eq 0 ]] && rm -f "$RESULTS/diff-$n.txt"
    note="tsv rows $rows/$n, distinct ids $ids, rows without 13 columns $badcols, jq rows $jqrows,"
    note+=" lines differing from jq (cols 1-7,10-13) $diffs; json bytes $(tr -d ' ' <"$WORK/json.count"),"
    note+=" table lines $(tr -d ' ' <"$WORK/table.count")"
    if [[ $rows -ne $n || $ids -ne $n || $badcols -ne 0 || $diffs -ne 0 ]]; then
        note="**CHECK FAILED**: $note"
        warn "$n sessions: $note"
    fi
    CHECKS[$n]=$note
    rm -f "$WORK/mxs.tsv" "$WORK/jq.tsv"

    time_cases "sessions-$n" "$runs" "$warmup" \
        "curl -o /dev/null" "$c_floor" \
        "curl | jq" "$c_jq" \
        "mxs -o tsv" "$c_tsv" \
        "mxs -o json" "$c_json" \
        "mxs table" "$c_table"
    stop_mock
}

# bench_three: the default dataset (3 captured sessions): mxs -o tsv against curl.
bench_three() {
    log "3 captured sessions (default dataset)"
    start_mock three 1
    local h=${MOCK_HOSTS[0]} url c_floor c_jq c_tsv rows
    url="http://$h/v1/sessions"
    SIZE[three]=$(curl -s -u "$AUTH" "$url" | wc -c)
    c_floor="curl -s -o /dev/null -u $AUTH $(q "$url")"
    c_jq="sh -c $(q "curl -s -u $AUTH $(q "$url") | jq -r --arg ep $(q "$h") -f $(q "$JQ_FILTER")")"
    c_tsv="$(q "$MXS") -H $(q "$h") sessions list -o tsv"
    measure_rss three-curl /dev/null "$c_floor"
    measure_rss three-tsv "$WORK/three.tsv" "$c_tsv"
    rows=$(wc -l <"$WORK/three.tsv")
    CHECKS[three]="tsv rows $rows/3"
    [[ $rows -eq 3 ]] || CHECKS[three]="**CHECK FAILED**: ${CHECKS[three]}"
    time_cases three "$THREE_RUNS" 5 \
        "curl -o /dev/null" "$c_floor" \
        "curl | jq" "$c_jq" \
        "mxs -o tsv" "$c_tsv"
    stop_mock
}

# bench_multi: 10 listeners, 1,000 sessions each, 50 ms latency: mxs on all 10 against one.
bench_multi() {
    log "10 hosts x 1,000 sessions, 50 ms latency"
    start_mock multi 10 --sessions 1000 --latency 50
    local h1=${MOCK_HOSTS[0]} all rows hosts
    all=$(
        IFS=,
        echo "${MOCK_HOSTS[*]}"
    )
    # Warm every listener (they share one dataset, rendered on the first request).
    for h in "${MOCK_HOSTS[@]}"; do curl -s -o /dev/null -u "$AUTH" "http://$h/v1/sessions"; done
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
        "curl -o /dev/null, 1 host" "$c_curl" \
        "mxs -o tsv, 1 host" "$c_one" \
        "mxs -o tsv, 10 hosts" "$c_ten"
    stop_mock
}

# bench_rdns: 10,000 sessions from 1,000 addresses, fake resolver with 50 ms per lookup; without
# the cache (1,000 real lookups), then with a filled cache (all hits) against no rdns at all.
bench_rdns() {
    log "reverse DNS: 10,000 sessions / 1,000 addresses, 50 ms lookups"
    start_mock rdns 1 --sessions 10000 --addresses 1000
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

fmt_time() { # fmt_time NAME LABEL: "mean ± stddev (min)" in ms
    local m s lo
    m=$(fig "$1" "$2" mean) s=$(fig "$1" "$2" stddev) lo=$(fig "$1" "$2" min)
    echo "$(ms "$m") ± $(ms "$s") (min $(ms "$lo"))"
}

ratio_rows() { # ratio_rows GROUP BASE "LABEL:RSSKEY"...: table rows with time, ratio to BASE, RSS
    local group=$1 base=$2 pair label key
    shift 2
    for pair in "$@"; do
        label=${pair%:*} key=${pair##*:}
        echo "| $label | $(fmt_time "$group" "$label") | $(calc "$(fig "$group" "$label" mean) / $base") |" \
            "$(mib "$([ -n "$key" ] && echo "${RSS_KB[$key]:-n/a}" || echo n/a)") |"
    done
}

summary() {
    local out=$RESULTS/summary.md n key label floor jqm m ratio_floor ratio_jq rss
    local largest=${SIZES[-1]%%:*}
    {
        echo "# mxs benchmark results ($MODE run)"
        echo
        echo "$MACHINE_INFO"
        echo "- after the run: CPUs $(cpu_busy)% busy over 1 s; load average $(cut -d' ' -f1-3 /proc/loadavg)"
        echo
        echo "Times are wall-clock milliseconds, mean ± standard deviation (min) over the hyperfine runs;"
        echo "peak RSS is one \`/usr/bin/time -v\` run (for curl | jq: the largest process, jq)."
        echo
        echo "## Response sizes"
        echo
        echo "| sessions | GET /v1/sessions body |"
        echo "|---:|---:|"
        echo "| 3 (captured) | ${SIZE[three]} B |"
        for spec in "${SIZES[@]}"; do
            n=${spec%%:*}
            echo "| $n | ${SIZE[$n]} B ($(calc "${SIZE[$n]} / 1048576" 1) MiB) |"
        done
        echo
        echo "## Sessions list, side by side"
        echo
        echo "| sessions | command | wall (ms) | × curl -o /dev/null | × curl \\| jq | peak RSS (MiB) | RSS / body | exit |"
        echo "|---:|---|---|---:|---:|---:|---:|---:|"
        for spec in "${SIZES[@]}"; do
            n=${spec%%:*}
            floor=$(fig "sessions-$n" "curl -o /dev/null" mean)
            jqm=$(fig "sessions-$n" "curl | jq" mean)
            for pair in "curl -o /dev/null:curl" "curl | jq:jq" "mxs -o tsv:tsv" "mxs -o json:json" "mxs table:table"; do
                label=${pair%:*} key=$n-${pair##*:}
                m=$(fig "sessions-$n" "$label" mean)
                rss=${RSS_KB[$key]:-n/a}
                echo "| $n | $label | $(fmt_time "sessions-$n" "$label") | $(calc "$m / $floor") |" \
                    "$(calc "$m / $jqm" 3) | $(mib "$rss") | $(calc "$rss * 1024 / ${SIZE[$n]}" 3) |" \
                    "${EXIT_STATUS[$key]:-?} |"
            done
        done
        echo
        echo "## 3 captured sessions"
        echo
        echo "| command | wall (ms) | × curl -o /dev/null | peak RSS (MiB) |"
        echo "|---|---|---:|---:|"
        ratio_rows three "$(fig three "curl -o /dev/null" mean)" \
            "curl -o /dev/null:three-curl" "curl | jq:" "mxs -o tsv:three-tsv"
        echo
        echo "## 10 hosts × 1,000 sessions, 50 ms latency each"
        echo
        echo "| command | wall (ms) | × mxs on 1 host | peak RSS (MiB) |"
        echo "|---|---|---:|---:|"
        local one
        one=$(fig multihost "mxs -o tsv, 1 host" mean)
        ratio_rows multihost "$one" \
            "curl -o /dev/null, 1 host:" "mxs -o tsv, 1 host:multi-one" "mxs -o tsv, 10 hosts:multi-ten"
        echo
        echo "## Reverse DNS: 10,000 sessions / 1,000 addresses, fake resolver, 50 ms per lookup"
        echo
        echo "| command | wall (ms) | × no rdns | peak RSS (MiB) |"
        echo "|---|---|---:|---:|"
        local plain
        plain=$(fig rdns-cache "mxs -o tsv (no rdns)" mean)
        echo "| mxs -o tsv (no rdns) | $(fmt_time rdns-cache "mxs -o tsv (no rdns)") | 1.00 | $(mib "${RSS_KB[rdns-plain]:-n/a}") |"
        echo "| mxs -o tsv --rdns --no-rdns-cache (1,000 lookups) | $(fmt_time rdns-nocache "mxs -o tsv --rdns --no-rdns-cache") |" \
            "$(calc "$(fig rdns-nocache "mxs -o tsv --rdns --no-rdns-cache" mean) / $plain") | $(mib "${RSS_KB[rdns-nocache]:-n/a}") |"
        echo "| mxs -o tsv --rdns (all cache hits) | $(fmt_time rdns-cache "mxs -o tsv --rdns (cache hits)") |" \
            "$(calc "$(fig rdns-cache "mxs -o tsv --rdns (cache hits)" mean) / $plain") | $(mib "${RSS_KB[rdns-hit]:-n/a}") |"
        echo
        echo "## Targets"
        echo
        local n2=$largest s3 t3 sf sj st sjson stab worst r
        sf=$(fig "sessions-$n2" "curl -o /dev/null" mean)
        sj=$(fig "sessions-$n2" "curl | jq" mean)
        st=$(fig "sessions-$n2" "mxs -o tsv" mean)
        sjson=$(fig "sessions-$n2" "mxs -o json" mean)
        stab=$(fig "sessions-$n2" "mxs table" mean)
        s3=$(fig three "mxs -o tsv" mean)
        t3=$(fig three "curl -o /dev/null" mean)
        echo "| case | target | measured | result |"
        echo "|---|---|---|---|"
        r=$(calc "$s3 / $t3")
        echo "| 3 sessions, list -o tsv | wall ≤ 1.5 × curl's | $(ms "$s3") ms = $r × curl ($(ms "$t3") ms) | $(verdict "$r" '<=' 1.5) |"
        r=$(calc "$st / $sf")
        echo "| $n2 sessions, list -o tsv | wall ≤ 4 × curl -o /dev/null (stretch 2×) | $(ms "$st") ms = $r × curl ($(ms "$sf") ms) |" \
            "$(verdict "$r" '<=' 4); stretch: $(verdict "$r" '<=' 2) |"
        r=$(calc "$st / $sj" 3)
        echo "| $n2 sessions, list -o tsv | wall ≤ 1/20 of curl \\| jq | $(ms "$st") ms = $r × curl \\| jq ($(ms "$sj") ms) | $(verdict "$r" '<=' 0.05) |"
        r=$(calc "$sjson / $sf")
        echo "| $n2 sessions, list -o json | wall ≤ 3 × curl -o /dev/null | $(ms "$sjson") ms = $r × curl | $(verdict "$r" '<=' 3) |"
        r=$(calc "$stab / $sf")
        echo "| $n2 sessions, table | wall ≤ 5 × curl -o /dev/null | $(ms "$stab") ms = $r × curl | $(verdict "$r" '<=' 5) |"
        for f in tsv json table; do
            rss=${RSS_KB[$n2-$f]:-n/a}
            r=$(calc "$rss * 1024 / ${SIZE[$n2]}" 3)
            echo "| $n2 sessions, $f | peak RSS ≤ 0.25 × the response's size | $(mib "$rss") MiB = $r × $(calc "${SIZE[$n2]} / 1048576" 1) MiB |" \
                "$(verdict "$r" '<=' 0.25) |"
        done
        local ten
        ten=$(fig multihost "mxs -o tsv, 10 hosts" mean)
        r=$(calc "$ten / $one")
        echo "| 10 hosts × 50 ms latency, 1,000 sessions each | wall ≤ 1.3 × one such host | $(ms "$ten") ms = $r × $(ms "$one") ms | $(verdict "$r" '<=' 1.3) |"
        local nc hit
        nc=$(fig rdns-nocache "mxs -o tsv --rdns --no-rdns-cache" mean)
        echo "| rdns 10,000 sessions / 1,000 addresses, 50 ms lookups | ≤ 1.5 s | $(ms "$nc") ms | $(verdict "$nc" '<=' 1.5) |"
        hit=$(fig rdns-cache "mxs -o tsv --rdns (cache hits)" mean)
        r=$(calc "$hit / $plain" 3)
        echo "| rdns, all cache hits | within 10% of no-rdns | $(ms "$hit") ms = $r × $(ms "$plain") ms | $(verdict "$r" '<=' 1.10) |"
        echo
        echo "## Output checks"
        echo
        echo "- 3 sessions: ${CHECKS[three]}"
        for spec in "${SIZES[@]}"; do
            n=${spec%%:*}
            echo "- $n sessions: ${CHECKS[$n]}"
        done
        echo "- 10 hosts: ${CHECKS[multi]}"
        echo "- rdns: ${CHECKS[rdns]}"
        local f
        for f in "$RESULTS"/stderr-*.txt; do
            [[ -e $f ]] || continue
            echo "- stderr of $(basename "$f" .txt | sed 's/^stderr-//'): \`$(head -c 200 "$f" | tr '\n' ' ')\`"
        done
    } >"$out"
}

# ----------------------------------------------------------------------------------------------
# Main
# ----------------------------------------------------------------------------------------------

main() {
    ensure_tools
    build
    mkdir -p "$RESULTS"
    # The figures are only meaningful on an otherwise idle machine (the mock shares the CPUs).
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

    local started=$SECONDS spec
    bench_three
    for spec in "${SIZES[@]}"; do
        IFS=: read -r n runs warmup <<<"$spec"
        bench_sessions "$n" "$runs" "$warmup"
    done
    bench_multi
    bench_rdns
    summary
    log "done in $((SECONDS - started)) s; results in $RESULTS"
    cat "$RESULTS/summary.md"
}

main
