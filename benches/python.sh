#!/usr/bin/env bash
# The Python package against the program, on the same files in the same run (not a timed test):
#
#   - `lgsco.parse_files(folder)`, every record taken by Python, against `lgsco -q folder`
#     (JSON Lines to /dev/null), both on every core;
#   - `lgsco.parse(text)` in a Python loop over the same texts, read into memory first, against
#     the program's throughput, and against the program on one thread (`-j 1`), since a loop
#     parses one text at a time;
#   - the peak memory (resident set) of the program and of the Python process of parse_files.
#
# The files are the dev folder of ../shared copied COPIES times (500: 20,000 files). Each is run
# ROUNDS times in turn (3), and the fastest run of each is kept.
#
#   bash benches/python.sh                # needs the package installed in target/pyenv
#   PYTHON=python3 COPIES=50 bash benches/python.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-target/pyenv/bin/python}
COPIES=${COPIES:-500}
ROUNDS=${ROUNDS:-3}
DEV=../shared/corpus/dev
[ -d "$DEV" ] || { echo "benches/python.sh: $DEV is absent" >&2; exit 1; }
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for i in $(seq -w 1 "$COPIES"); do
    mkdir "$work/$i"
    cp "$DEV"/*.txt "$work/$i/"
done
files=$(find "$work" -name '*.txt' | wc -l)
bytes=$(cat "$work"/*/*.txt | wc -c)
echo "$files files, $bytes bytes, $(nproc) cores"

# The seconds and the peak resident kilobytes of a command, as "seconds kilobytes".
measure() {
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null
    cat "$work/time"
}
best() { sort -n | head -1; }

for round in $(seq "$ROUNDS"); do
    measure ./target/release/lgsco -q "$work" >> "$work/program" || true
    measure ./target/release/lgsco -q -j 1 "$work" >> "$work/program1" || true
    measure "$PYTHON" -c 'import lgsco, sys; n = sum(1 for _ in lgsco.parse_files(sys.argv[1])); assert n == int(sys.argv[2]), n' "$work" "$files" >> "$work/files"
    "$PYTHON" - "$work" >> "$work/loop" <<'PY'
import pathlib, sys, time
import lgsco
texts = [p.read_text() for p in sorted(pathlib.Path(sys.argv[1]).rglob("*.txt"))]
start = time.perf_counter()
for text in texts:
    try:
        lgsco.parse(text)
    except lgsco.ParseError:
        pass
print(f"{time.perf_counter() - start:.2f} 0")
PY
done

read -r program program_kb < <(best < "$work/program")
read -r program1 _ < <(best < "$work/program1")
read -r files_s files_kb < <(best < "$work/files")
read -r loop _ < <(best < "$work/loop")
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
mb() { python3 -c "print(f'{$1 / 1024:.0f}')"; }
echo "program (every core):      ${program} s, $(ratio "$files" "$program") files/s, peak $(mb "$program_kb") MB"
echo "program (-j 1):            ${program1} s"
echo "parse_files (every core):  ${files_s} s, peak $(mb "$files_kb") MB: $(ratio "$program" "$files_s") x the program's throughput"
echo "parse loop (one thread):   ${loop} s: $(ratio "$program" "$loop") x the program's, $(ratio "$program1" "$loop") x the program's on one thread"
