#!/usr/bin/env bash
# Seeds fuzz/corpus/TARGET (git-ignored), so runs start from real text: `parse` from the real
# statements, the grammar targets from hand-written phrases of the kinds the statements use.
# Usage: fuzz/seed.sh [TARGET]   (default: parse)
set -euo pipefail
cd "$(dirname "$0")"
target="${1:-parse}"
dir="corpus/$target"
mkdir -p "$dir"

# One seed file per argument, named by its position.
seeds() {
    local i=0
    for seed in "$@"; do
        printf '%b' "$seed" >"$dir/seed-$i"
        i=$((i + 1))
    done
}

# The deadline and due targets read four bytes as the start date, little-endian days from the
# start of the common era (`any_date` in src/lib.rs): 0x000b45c2 is 2023-08-22.
start='\xc2\x45\x0b\x00'

case "$target" in
parse)
    # The statements as written, and as web pages and HTML-to-text tools hand them over.
    for f in ../corpus/*.txt ../../shared/corpus/dev/*.txt ../../shared/corpus/html/*.html \
        ../tests/converted/pages/*.html; do
        [ -f "$f" ] && cp "$f" "$dir/$(basename "$f")"
    done
    for f in ../../shared/corpus/converted/*/*.txt ../tests/converted/*/*.txt; do
        [ -f "$f" ] && cp "$f" "$dir/$(basename "$(dirname "$f")")-$(basename "$f")"
    done
    # Hostile pages, near and past the bounds a page is read within (see the README): elements
    # left open or nested, formatting elements reopened, many attributes, sloppy markup.
    head='<!DOCTYPE html><html><body><h1>Org (22 014 796)</h1><p>Summary: Mr Q complained.</p>'
    i=0
    for unit in '<div>x' '<ol><li>x' '<section><p>x' '<font size=3>x' '<b><i>x</b></i>' \
        '<table><tr><td>x' '<p><b>x</p>' '<li>x' '<dt>a<dd>b' '<tr><td>x<td>y' '<a title=">">x'; do
        for count in 900 1100; do
            { printf '%s' "$head"; for _ in $(seq "$count"); do printf '%s' "$unit"; done; } \
                >"$dir/hostile-$i-$count.html"
        done
        i=$((i + 1))
    done
    { printf '%s<div' "$head"; for n in $(seq 1100); do printf ' a%d=1' "$n"; done; printf '>x</div>'; } \
        >"$dir/hostile-attributes.html"
    ;;
amount)
    seeds '£300' '£10,000' '£1,000.50 for her' '£4500 for distress' '£250.' '£1,0000' \
        '£99999999999999999999' '£184467440737095516.15' '£0,000.00' '£12,345,678.90)'
    ;;
date)
    seeds '13 September 2021, she' '1st April 2022.' 'November 2023 we' 'Sept. 2020' '2019,' \
        '31 February 2021' '29 February 2024' '22\xc2\xa0Aug\xc2\xa02023' '01 Apr 2099' 'Mayor 2019'
    ;;
deadline)
    seeds "${start}Within one month of the date of the final decision, the" \
        "${start}within 20 working days of receiving" "${start}within four weeks of this final decision:" \
        "${start}Within 6 months of the date of my final decision" "${start}within 4294967295 weeks" \
        "${start}within a business day" "${start}within thirty days after"
    ;;
citation)
    seeds 'Local Government Act 1974, sections 26(1) and 26A(1), as amended)' \
        'Local Government Act 1974, section 24A(6), as amended, section 34(B))' \
        'Section 26(3) of the Children Act (1989) says' 'The Adoption and Children Act 2002, introduced' \
        's508B and Schedule 35B of the Education Act 1996)' 'Local Government Act 19745' \
        'Care Act 2014, sections 30(1B) & 34H(i)'
    ;;
due)
    # count (u32), unit (byte mod 4: days, working days, weeks, months), from_decision, start (i32).
    seeds '\x01\x00\x00\x00\x00\x01\xc2\x45\x0b\x00' '\x14\x00\x00\x00\x01\x01\xc2\x45\x0b\x00' \
        '\x04\x00\x00\x00\x02\x01\xc2\x45\x0b\x00' '\x06\x00\x00\x00\x03\x01\xc2\x45\x0b\x00' \
        '\xff\xff\xff\xff\x01\x00\xff\xff\xff\x7f'
    ;;
*)
    echo "unknown target: $target" >&2
    exit 2
    ;;
esac
echo "seeded $dir with $(ls "$dir" | wc -l) files"
