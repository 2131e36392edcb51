"""Prints what Chromium's `document.body.innerText` gives for a web page (what a browser's
"select all, copy" or a headless-browser scraper hands over): the page is loaded in headless
Chromium with a script that replaces it by its own innerText, and the DOM Chromium dumps is read.

    python3 tests/converted/innertext.py PAGE.html [CHROMIUM]
"""
import html
import os
import re
import subprocess
import sys
import tempfile

SCRIPT = (
    "<script>window.addEventListener('load', () => {"
    "const text = document.body.innerText; document.documentElement.innerHTML = '';"
    "const pre = document.createElement('pre'); pre.id = 'innertext'; pre.textContent = text;"
    "document.documentElement.appendChild(pre); });</script>"
)

page = open(sys.argv[1], encoding="utf-8").read()
page = page.replace("</head>", SCRIPT + "</head>", 1) if "</head>" in page else SCRIPT + page
with tempfile.NamedTemporaryFile("w", suffix=".html", delete=False, encoding="utf-8") as f:
    f.write(page)
try:
    chromium = sys.argv[2] if len(sys.argv) > 2 else "chromium"
    dom = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "file://" + f.name],
        capture_output=True, text=True, timeout=120,
    ).stdout
finally:
    os.unlink(f.name)
found = re.search(r'<pre id="innertext">(.*?)</pre>', dom, re.S)
if not found:
    sys.exit("no innerText in the page Chromium dumped")
sys.stdout.write(html.unescape(found.group(1)) + "\n")
