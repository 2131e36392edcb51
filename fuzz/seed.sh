#!/usr/bin/env bash
# Seeds fuzz/corpus/TARGET (git-ignored) from the real statements, so runs start from real text.
# Usage: fuzz/seed.sh [TARGET]   (default: parse)
set -euo pipefail
cd "$(dirname "$0")"
target="${1:-parse}"
mkdir -p "corpus/$target"
for f in ../corpus/*.txt ../../shared/corpus/dev/*.txt; do
    [ -f "$f" ] && cp "$f" "corpus/$target/$(basename "$f")"
done
echo "seeded corpus/$target with $(ls "corpus/$target" | wc -l) files"
