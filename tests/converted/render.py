"""Renders statements in the numbered layout as web pages in a site style unlike
../shared/corpus/html/, and converts each page with other tools and widths.

    python3 tests/converted/render.py tests/statements/01_oakfield-lodge-falls.txt ...

writes tests/converted/pages/NAME.html and tests/converted/TOOL/NAME.txt for each TOOL below
(pip install html2text markdownify inscriptis beautifulsoup4).
"""
import html
import re
import sys
import textwrap
from pathlib import Path

OUT = Path(__file__).parent
MAIN = re.compile(r"^(The complaint|The Ombudsman.s role and powers|What I have .*investigated|"
                  r"How I considered this complaint|What I found|My assessment|Agreed action|"
                  r"Final decision|Recommendations?|Parts of the complaint .*)$", re.I)
AMOUNT = re.compile(r"(£[\d,]+(?:\.\d\d)?)")
ACT = re.compile(r"((?:[A-Z][a-z]+ )+Act \d{4})")


def inline(text):
    """Escapes text and marks it up the way the site does: Acts linked, amounts bold, quoted
    titles in emphasis."""
    text = html.escape(text, quote=False)
    text = ACT.sub(r'<a href="https://www.legislation.gov.uk/search?title=\1" class="ext">\1</a>', text)
    text = AMOUNT.sub(r"<b>\1</b>", text)
    return re.sub(r"‘([^’]{3,60})’", r"‘<i>\1</i>’", text)


def page(text):
    lines = [l.rstrip() for l in text.splitlines()]
    title, meta, body, summary = None, [], [], []
    in_list = None  # "ol" while a top-level list is open
    item_open = False
    sub = None
    for line in lines:
        if not line.strip() or line.strip() == "Back to top":
            continue
        m = re.match(r"^  (\d+)\. (.*)$", line)
        s = re.match(r"^      \d+\. (.*)$", line)
        b = re.match(r"^    • (.*)$", line)
        if title is None and re.search(r"\(\d\d \d\d\d \d\d\d\w?\)$", line):
            title = line
        elif re.match(r"^(Category|Decision|Decision date) :", line):
            name, value = line.split(" : ", 1)
            meta.append((name, value))
        elif line.startswith("The Ombudsman's final decision"):
            pass
        elif line.startswith("Summary:"):
            summary.append(line)
        elif "on behalf of the Ombudsman" in line:
            body.append(("close", line))
        elif m:
            body.append(("li", m.group(2)))
        elif s:
            body.append(("sub", s.group(1)))
        elif b:
            body.append(("bullet", b.group(1)))
        else:
            body.append(("heading" if len(line) < 120 and not line.endswith(".") else "p", line))
    out = ['<!doctype html>\n<html lang="en-GB"><head><meta charset="utf-8">',
           f"<title>{html.escape(title or 'Decision')} | Ombudsman decisions</title>",
           "<link rel=stylesheet href=/s.css></head>\n<body>",
           '<div role="banner" class="masthead"><a href="/"><img src="/logo.png" alt="Ombudsman"></a>',
           '<ul class="menu"><li><a href="/complain">Complain</a></li><li><a href="/decisions">Decisions</a></li></ul></div>',
           '<div id="page"><div class="content">']
    if title:
        out.append(f'<h1 class="title">{html.escape(title)}</h1>')
    if meta:
        out.append('<div class="facts">' + "".join(
            f'<div><span class="label">{html.escape(n)}:</span> <span>{html.escape(v)}</span></div>'
            for n, v in meta) + "</div>")
    out.append("<p><b>The Ombudsman's final decision:</b></p>")
    for line in summary:
        out.append(f'<p class="summary">{inline(line)}</p>')
    out.append('<div class="statement">')
    number = 0
    i = 0
    while i < len(body):
        kind, text = body[i]
        if kind == "li":
            out.append('<ol class="paras">')
            while i < len(body) and body[i][0] in ("li", "sub", "bullet"):
                kind, text = body[i]
                number += 1
                out.append(f'<li value="{number}"><p>{inline(text)}</p>')
                i += 1
                for nested, tag in (("sub", "ol"), ("bullet", "ul")):
                    if i < len(body) and body[i][0] == nested:
                        out.append(f"<{tag}>")
                        while i < len(body) and body[i][0] == nested:
                            out.append(f"<li>{inline(body[i][1])}</li>")
                            i += 1
                        out.append(f"</{tag}>")
                out.append("</li>")
            out.append("</ol>")
            continue
        if kind == "heading":
            level = "h2" if MAIN.match(text) else "h4"
            out.append(f"<{level}>{html.escape(text)}</{level}>")
            out.append('<a class="top-link" href="#page">Return to top</a>')
        else:
            out.append(f"<p>{inline(text)}</p>")
        i += 1
    out.append("</div></div></div>")
    out.append('<div role="contentinfo"><p>Ombudsman, PO Box 1, Coventry</p><p><a href="/privacy">Privacy</a></p></div>')
    out.append('<div id="ccc" class="consent-popup"><h3>This site uses cookies</h3><p>We use analytics cookies.</p>'
               '<a href="#" class="accept">Accept all</a></div>\n</body></html>\n')
    return "\n".join(out)


def hanging(line):
    """The column a line's text starts at, after its indentation and any list marker."""
    return len(re.match(r"\s*(?:(?:\d+\.|[*+•-])\s+)?", line).group(0))


def convert(page_html):
    import html2text
    import inscriptis
    import markdownify
    from bs4 import BeautifulSoup

    h72 = html2text.HTML2Text()
    h72.body_width = 72
    h100 = html2text.HTML2Text()
    h100.body_width = 100
    soup = BeautifulSoup(page_html, "html.parser")
    plain = inscriptis.get_text(page_html)
    return {
        "html2text-72": h72.handle(page_html),
        "html2text-100": h100.handle(page_html),
        "markdownify-atx": markdownify.markdownify(page_html, heading_style="ATX"),
        "inscriptis": plain,
        # inscriptis does not wrap: wrapped here at 76 columns, continuation lines indented to
        # the text of their line (after a list marker), as lynx and pandoc indent them.
        "inscriptis-wrapped-76": "\n".join(
            textwrap.fill(l, 76, subsequent_indent=" " * hanging(l), break_long_words=False)
            for l in plain.splitlines()),
        "bs4-gettext-nl-strip": soup.get_text("\n", strip=True),
    }


for path in map(Path, sys.argv[1:]):
    rendered = page(path.read_text())
    (OUT / "pages").mkdir(exist_ok=True)
    (OUT / "pages" / f"{path.stem}.html").write_text(rendered)
    for tool, text in convert(rendered).items():
        (OUT / tool).mkdir(exist_ok=True)
        (OUT / tool / f"{path.stem}.txt").write_text(text)
