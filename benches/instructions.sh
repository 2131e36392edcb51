#!/usr/bin/env bash
# Steady-state instructions per input byte of the whole parse on the real statements, counted by
# callgrind: the count of a 25-repetition run minus a 5-repetition run (which cancels start-up and
# the one-off regex compilation), over the bytes parsed in between. Unlike seconds, the figure does
# not move with the load on a shared machine, so it shows whether a change made the parser faster.
#
#   bash benches/instructions.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind > /dev/null || { echo "needs valgrind" >&2; exit 1; }
cargo bench --bench repeat --no-run --quiet 2> /dev/null
bin=$(ls -t target/release/deps/repeat-* | grep -v '\.d$' | head -n 1)
parsed=$(mktemp -d)
trap 'rm -rf "$parsed"' EXIT
run() {
    LGSCO_REPS=$1 valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" 2>&1 > "$parsed/$1" |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
low=$(run 5); high=$(run 25)
bytes=$(( $(cat "$parsed/25") - $(cat "$parsed/5") ))
awk -v d=$((high - low)) -v b="$bytes" 'BEGIN { printf "%.1f instructions per byte (%d bytes)\n", d / b, b }'
