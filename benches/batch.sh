#!/usr/bin/env bash
# End-to-end batch throughput: `lgsco` (files in, JSON Lines out, every core) against the Python
# full pass in benches/python_full_pass.py, on the same generated corpus, in the same run.
#
#   bash benches/batch.sh            # ~100 MB corpus: MB/s of both, the ratio, peak RSS
#   bash benches/batch.sh 1000       # ~1 GB corpus (peak RSS must stay flat; Python is skipped)
#
# The corpus is the real statements (corpus/ and ../shared/corpus/dev/) copied under distinct
# names until it reaches the size asked for (in MB), in a temporary directory that is removed at
# the end. Nothing is written to the repository. Needs python3 and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
target_mb=${1:-100}
work=$(mktemp -d "${TMPDIR:-/tmp}/lgsco-batch.XXXXXX")
trap 'rm -rf "$work"' EXIT

cargo build --profile dist --quiet
sources=(corpus/*.txt ../shared/corpus/dev/*.txt)
mkdir -p "$work/set" "$work/in"
cp "${sources[@]}" "$work/set/"
set_bytes=$(cat "${sources[@]}" | wc -c)
copies=$(( (target_mb * 1000000 + set_bytes - 1) / set_bytes ))
for ((i = 0; i < copies; i++)); do
    cp -r "$work/set" "$work/in/$i"
done
bytes=$((set_bytes * copies))
files=$((${#sources[@]} * copies))
echo "corpus: $files files, $bytes bytes ($copies copies of ${#sources[@]} statements); $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p')"

# Runs a command with GNU time; prints seconds and peak RSS (KB) to $work/time.
timed() {
    /usr/bin/time -v -o "$work/time" "$@"
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$work/time")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time")
}
mbps() { awk -v b="$bytes" -v s="$1" 'BEGIN { printf "%.1f", b / 1e6 / s }'; }

find "$work/in" -type f -exec cat {} + > /dev/null # warm the page cache

timed target/dist/lgsco -q "$work/in" > "$work/lgsco.jsonl"
lgsco_secs=$secs
echo "lgsco:  ${lgsco_secs}s  $(mbps "$lgsco_secs") MB/s  peak RSS $((rss / 1024)) MB  output $(wc -c < "$work/lgsco.jsonl") bytes"
rm -f "$work/lgsco.jsonl"

timed target/dist/lgsco -q -j1 "$work/in" > /dev/null
echo "lgsco -j1: ${secs}s  $(mbps "$secs") MB/s  peak RSS $((rss / 1024)) MB"

if ((target_mb <= 200)); then
    timed python3 benches/python_full_pass.py "$work/in" > /dev/null
    echo "python: ${secs}s  $(mbps "$secs") MB/s  peak RSS $((rss / 1024)) MB"
    awk -v p="$secs" -v l="$lgsco_secs" 'BEGIN { printf "ratio: lgsco is %.1fx the Python full pass\n", p / l }'
fi
