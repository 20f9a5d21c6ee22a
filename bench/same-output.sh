#!/usr/bin/env bash
# bench/same-output.sh — what mxs prints, command by command, against the mock's datasets: run it
# with the binary before a change and after, and diff the two directories. A refactoring that
# claims to change no behaviour shows an empty diff here (stdout, stderr and exit code of every
# command, in every format, colors on and off).
#
#   bench/same-output.sh MXS MOCK OUTDIR
#
# The mock listens on port 28989 (two hosts: 28989 and 28990), or SAME_OUTPUT_PORT: the port is in
# the output (the host labels), so both runs must use the same one.
# MXS and MOCK are the two binaries (target/debug/mxs and target/debug/mxs-mock, say). Every
# dataset gets a fresh mock; the writes run last, in a fixed order, so the mock's state is the same
# in both runs. Times that depend on this machine's clock (the ages in `show`) are the only
# expected differences (the mock's clock is fixed, so statement ages are not), with two more
# on two hosts: streamed JSON interleaves the hosts' batches as they arrive, and the two listeners
# share their sessions, so which host's kill reaches a session first is a race.

set -euo pipefail

if [[ $# -ne 3 ]]; then
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
MXS=$(realpath "$1")
MOCK=$(realpath "$2")
OUT=$3
mkdir -p "$OUT"
OUT=$(realpath "$OUT")

# One dataset: its name, then the mock's options.
DATASETS=(
    "real|"
    "v2.2|--maxscale-version 2.2"
    "v6.4|--maxscale-version 6.4"
    "v22.08|--maxscale-version 22.08"
    "gen500|--sessions 500 --seed 7 --addresses 40"
    "evil|--evil"
    "two-hosts|--listeners 2 --sessions 40 --seed 3"
    "no-statements|--maxscale-version 24.02 --retain-last-statements 0"
)

# The commands, read-only first; `{}` is replaced by nothing (the mock sets MXS_HOSTS).
READS=(
    "sessions list"
    "sessions list --color always"
    "sessions list -o json"
    "sessions list -o jsonl"
    "sessions list -o tsv --header"
    "sessions list -o ids"
    "sessions list --wide --color always"
    "sessions list --wide -o tsv"
    "sessions list --where idle>1 --sort -memory,user"
    "sessions list --where idle>1 --sort -memory,user --color always"
    "sessions list --where idle>1 --sort -memory,user -o json"
    "sessions list --where idle>1 --sort -memory,user -o tsv"
    "sessions list --sort user --limit 3 -o jsonl"
    "sessions list --columns id,user,host,statement"
    "sessions list --columns id,user,host,statement -o tsv"
    "sessions list --rdns=server"
    "sessions show 1"
    "sessions show 1 --color always"
    "sessions show 1 -o json"
    "sessions show 1 -o tsv"
    "sessions show 1 2 3 -o jsonl"
    "sessions show 99999"
    "sessions show --all -o json"
    "sessions summary --by user"
    "sessions summary --by user,maxscale --color always"
    "sessions summary --by service -o json"
    "sessions summary --by state -o tsv"
    "sessions queries"
    "sessions queries --color always"
    "sessions queries -o json"
    "sessions queries -o tsv"
    "sessions kill 1 --dry-run"
    "sessions kill --where idle>0 --dry-run"
    "sessions restart --all --dry-run"
    "sessions alter 2 log_info=true --filters Regex --dry-run"
    "sessions kill --where idle>0"
    "list sessions"
    "show session 1"
    "sessions log 1 2 3 10011 --since 2000-01-01"
    "sessions log 1 2 3 10011 --since 2000-01-01 --color always -o json"
    "sessions log 1 2 3 10011 --since 2000-01-01 -o tsv"
    "sessions show 2 --log"
)
WRITES=(
    "sessions alter 2 log_info=true -o json"
    "sessions restart 3 -o tsv"
    "sessions kill 1 --ttl 30 -o json"
    "sessions kill 1"
    "sessions kill 424242"
    "sessions kill --where idle>0 --yes -o jsonl"
    "sessions restart --all --yes -o json"
)

run_all() {
    local dir=$1
    shift
    local n=0 cmd
    for cmd in "$@"; do
        n=$((n + 1))
        # shellcheck disable=SC2086 # the command's words split on purpose
        set +e
        "$MXS" $cmd >"$dir/$(printf %02d "$n").out" 2>"$dir/$(printf %02d "$n").err" </dev/null
        echo "$cmd => $?" >>"$dir/commands"
        set -e
    done
}
export -f run_all
export MXS

for entry in "${DATASETS[@]}"; do
    name=${entry%%|*}
    opts=${entry#*|}
    for phase in reads writes; do
        dir=$OUT/$name/$phase
        mkdir -p "$dir"
        : >"$dir/commands"
        if [[ $phase == reads ]]; then cmds=("${READS[@]}"); else cmds=("${WRITES[@]}"); fi
        # shellcheck disable=SC2086
        NO_COLOR= TERM=xterm "$MOCK" --port "${SAME_OUTPUT_PORT:-28989}" --server-time 1795857600 $opts -- bash -c 'run_all "$@"' _ "$dir" "${cmds[@]}"
    done
done
echo "outputs in $OUT"
