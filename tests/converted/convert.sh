#!/usr/bin/env bash
# Converts the seed pages (../shared/corpus/html/) and this repository's own pages
# (tests/converted/pages/) with every HTML-to-text tool installed here, one folder per tool and
# setting under DIR, for
#   LGSCO_CONVERTED=DIR cargo test --release --test integration converted -- --nocapture
# Tools (Debian packages lynx, w3m, pandoc, html2text, chromium; pip packages inscriptis,
# beautifulsoup4, trafilatura) that are missing are left out.
#
#   bash tests/converted/convert.sh /tmp/converted
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:?usage: convert.sh DIR}
pages=(tests/converted/pages/*.html)
[ -d ../shared/corpus/html ] && pages+=(../shared/corpus/html/*.html)
convert() { # convert NAME COMMAND… (the page's path is appended)
    local name=$1; shift
    command -v "$1" > /dev/null || return 0
    mkdir -p "$out/$name"
    for page in "${pages[@]}"; do
        "$@" "$page" > "$out/$name/$(basename "$page" .html).txt" 2> /dev/null || true
    done
}
convert lynx-dump lynx -dump
convert lynx-wide lynx -dump -width=1000
convert w3m-dump w3m -dump -T text/html
convert w3m-wide w3m -dump -cols 1000 -T text/html
convert pandoc-plain pandoc -f html -t plain
convert pandoc-plain-nowrap pandoc -f html -t plain --wrap=none
# Debian's C++ html2text, not the Python package of the same name that may come first on PATH.
if /usr/bin/html2text -version 2>&1 | grep -q "This is html2text"; then
    convert html2text-debian /usr/bin/html2text -utf8
    convert html2text-debian-wide /usr/bin/html2text -utf8 -width 1000
    convert html2text-debian-latin1 /usr/bin/html2text
fi
python_tool() { # python_tool NAME EXPRESSION-OF-page
    python3 -c "import sys; sys.exit(0)" 2> /dev/null || return 0
    mkdir -p "$out/$1"
    for page in "${pages[@]}"; do
        python3 -c "import sys; page = open(sys.argv[1], encoding='utf-8').read(); $2" "$page" \
            > "$out/$1/$(basename "$page" .html).txt" 2> /dev/null || rm -f "$out/$1/$(basename "$page" .html).txt"
    done
    rmdir "$out/$1" 2> /dev/null || true
}
python_tool inscriptis "from inscriptis import get_text; print(get_text(page))"
python_tool bs4-gettext-nl-strip "from bs4 import BeautifulSoup; print(BeautifulSoup(page, 'html.parser').get_text('\n', strip=True))"
python_tool bs4-gettext-plain "from bs4 import BeautifulSoup; print(BeautifulSoup(page, 'html.parser').get_text())"
python_tool trafilatura "import trafilatura; print(trafilatura.extract(page) or '')"
if command -v chromium > /dev/null; then
    convert chromium-innertext python3 tests/converted/innertext.py
fi
