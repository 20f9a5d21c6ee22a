#!/usr/bin/env bash
# bench/tui.sh — the CPU cost of one refresh of the interactive view (`mxs top`) apart from the
# request: 10,000 sessions applied to the view's state and a 200x50 frame drawn (bench/tui.rs,
# optimised as a release build). The budget is 50 ms per refresh on the project's 2-core
# machine. Writes bench/results/tui.txt.
#
#   bench/tui.sh [SESSIONS]     (default 10000)

set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
mkdir -p "$BENCH_DIR/results"
cd "$BENCH_DIR/.."
cargo bench --locked --bench tui -- "${1:-10000}" | tee "$BENCH_DIR/results/tui.txt"
