#!/usr/bin/env python3
"""Renders statements as web pages in the style of ../shared/corpus/html/ (the site's template:
header, navigation, breadcrumb, h1 title, header lines, contents, summary, h2/h3 sections,
<ol> paragraphs numbered by CSS counters, nested <ul> items, Back to top, footer, cookie banner),
from lgsco's record of each statement, with links around Acts, emphasis around guidance titles
and bold verdict sentences and sums, as the seed pages have them.

    python3 tests/converted-site/render_site.py OUT_DIR STATEMENT.txt...   (from the repository
    root, with ../shared beside it and target/release/lgsco built)
"""
import html, json, re, subprocess, sys, os

out_dir = sys.argv[1]
os.makedirs(out_dir, exist_ok=True)
lgsco = os.environ.get('LGSCO', 'target/release/lgsco')
# The seed page whose template (everything but the statement) every page reuses.
template = open('../shared/corpus/html/liverpool-24-004-962.html', encoding='utf-8').read()
head = template[:template.index('<main id="main">')]
tail = template[template.index('</main>'):]

ACT = re.compile(r"((?:[A-Z][A-Za-z’']+ )+(?:and (?:[A-Z][A-Za-z’']+ )+)?Act \d{4})")
VERDICT = re.compile(r"((?:This|That) (?:was|is) fault[^.]*\.)")
MONEY = re.compile(r"(£[\d,]+(?:\.\d\d)?)")
GUIDANCE = re.compile(r"(Guidance on Remedies|Getting the Best from Complaints|Making an Effective Apology)")

def inline(text, money=False):
    t = html.escape(text, quote=False)
    t = ACT.sub(r'<a href="https://www.legislation.gov.uk/">\1</a>', t)
    t = VERDICT.sub(r'<strong>\1</strong>', t)
    t = GUIDANCE.sub(r'<em>\1</em>', t)
    if money:
        t = MONEY.sub(r'<strong>\1</strong>', t)
    return t

def slug(text):
    return re.sub(r'[^a-z0-9]+', '-', text.lower()).strip('-')

for path in sys.argv[2:]:
    rec = json.loads(subprocess.run([lgsco, '-q', path], capture_output=True, text=True).stdout.splitlines()[0])
    if 'error' in rec or not rec.get('organisation'):
        continue
    title = f"{rec['organisation']} ({rec['reference']})"
    body = [f'<main id="main">\n<article class="decision" id="top">\n<h1>{html.escape(title)}</h1>\n<div class="decision-meta">']
    if rec.get('category'):
        body.append(f"<p><strong>Category :</strong> {html.escape(rec['category']['text'])}</p>")
    if rec.get('outcome'):
        body.append(f"<p><strong>Decision :</strong> {html.escape(rec['outcome']['text'])}</p>")
    text = open(path, encoding='utf-8').read()
    if rec['spans'].get('decision_date'):
        a, b = rec['spans']['decision_date']
        body.append(f"<p><strong>Decision date :</strong> {html.escape(text.encode()[a:b].decode())}</p>")
    body.append('</div>\n<nav class="toc" aria-label="On this page">\n<ul>')
    for s in rec['sections']:
        if s['level'] == 1:
            body.append(f'<li><a href="#{slug(s["heading"])}">{html.escape(s["heading"])}</a></li>')
    body.append('</ul>\n</nav>\n<div class="decision-summary">\n<p><strong>The Ombudsman\'s final decision:</strong></p>')
    body.append(f"<p>Summary: {inline(rec['summary'] or '')}</p>\n</div>\n<div class=\"decision-body\">")
    sections = rec['sections']
    for i, s in enumerate(sections):
        tag = 'h2' if s['level'] == 1 else 'h3'
        body.append(f'<{tag} id="{slug(s["heading"])}">{html.escape(s["heading"])}</{tag}>')
        in_ol = False
        agreed = s['heading'].lower().startswith('agreed action')
        for p in s['paragraphs']:
            if p['number'] is None:
                if in_ol:
                    body.append('</ol>'); in_ol = False
                body.append(f"<p>{inline(p['text'])}</p>")
                continue
            if not in_ol:
                body.append('<ol class="decision-paragraphs">'); in_ol = True
            li = f"<li>{inline(p['text'], agreed)}"
            if p['items']:
                li += '\n<ul>\n' + '\n'.join(f"<li>{inline(it['text'], agreed)}</li>" for it in p['items']) + '\n</ul>\n'
            body.append(li + '</li>')
        if in_ol:
            body.append('</ol>')
        nxt = sections[i + 1] if i + 1 < len(sections) else None
        if nxt is None or nxt['level'] == 1:
            body.append('<p class="back-to-top"><a href="#top">Back to top</a></p>')
    body.append('</div>\n<p class="decision-sign-off">Investigator\'s decision on behalf of the Ombudsman</p>\n</article>\n')
    page = head.replace('Liverpool City Council (24 004 962)', html.escape(title)) + '\n'.join(body) + tail
    stem = os.path.splitext(os.path.basename(path))[0]
    open(os.path.join(out_dir, stem + '.html'), 'w', encoding='utf-8').write(page)
