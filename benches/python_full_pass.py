#!/usr/bin/env python3
"""A straightforward Python full pass over decision statements, as a researcher would write it.

For every `*.txt` file under the given paths: the title and header lines, headings, numbered
paragraphs, amounts, dates, fault sentences and Acts, one `re` call per thing, written as one
JSON line per file to standard output. `benches/batch.sh` times it beside `lgsco` on the same
files, so the ratio of the two is measured in the same run.

    python3 benches/python_full_pass.py corpus ../shared/corpus/dev > out.jsonl
"""

import json
import os
import re
import sys

TITLE = re.compile(r"^(.*?\S)\s*\((\d{2})\s?(\d{3})\s?(\d{3})\)\s*$", re.M)
FIELD = re.compile(r"^(Category|Decision date|Decision)\s*:\s*(.*)$", re.M)
SUMMARY = re.compile(r"^Summary:\s*(.*)$", re.M)
HEADING = re.compile(
    r"^(The complaint|The Ombudsman.s role and powers|What I have investigated|How I considered this complaint"
    r"|What I found|Agreed actions?|Final decision|Recommendations?|Back to top)\s*$",
    re.M,
)
PARAGRAPH = re.compile(r"^\s*(?:\d+\.|-)\s+(.+)$", re.M)
AMOUNT = re.compile(r"£(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d{2}))?")
DATE = re.compile(
    r"\b(\d{1,2})?\s*(January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+(\d{4})\b"
)
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
FAULT = re.compile(r"\b(was|is|were|amounts? to|found|find)\s+(?:\S+\s+){0,3}?fault\b", re.I)
NO_FAULT = re.compile(r"\bno fault\b|\bnot\s+(?:\S+\s+){0,3}?(?:at\s+)?fault\b", re.I)
INJUSTICE = re.compile(r"\bcaus\w*\s+(?:\S+\s+){0,8}?(injustice|distress|frustration|uncertainty|time and trouble)", re.I)
ACT = re.compile(r"\b((?:[A-Z][\w'-]*\s+(?:(?:and|of|in|for)\s+)?)+Act)\s*\(?(\d{4})\)?")
SECTIONS = re.compile(r"sections?\s+(\d+[A-Z]{0,2}(?:\(\w+\))*)")


def parse(text):
    record = {}
    m = TITLE.search(text)
    if m:
        record["organisation"] = m.group(1)
        record["reference"] = " ".join(m.group(2, 3, 4))
    for name, value in FIELD.findall(text):
        record[name.lower().replace(" ", "_")] = value.strip()
    m = SUMMARY.search(text)
    record["summary"] = m.group(1) if m else None
    record["headings"] = HEADING.findall(text)
    paragraphs = PARAGRAPH.findall(text)
    record["paragraphs"] = paragraphs
    record["amounts_pence"] = [
        int(pounds.replace(",", "")) * 100 + int(pence or 0) for pounds, pence in AMOUNT.findall(text)
    ]
    record["dates"] = [" ".join(filter(None, d)) for d in DATE.findall(text)]
    findings = []
    for paragraph in paragraphs:
        for sentence in SENTENCE.split(paragraph):
            if NO_FAULT.search(sentence):
                findings.append({"text": sentence, "verdict": "no_fault"})
            elif FAULT.search(sentence):
                findings.append({"text": sentence, "verdict": "fault"})
            if INJUSTICE.search(sentence):
                findings.append({"text": sentence, "verdict": "injustice"})
    record["findings"] = findings
    record["acts"] = [
        {"act": f"{name} {year}", "sections": SECTIONS.findall(text[m.end():m.end() + 80])}
        for m in ACT.finditer(text)
        for name, year in [m.groups()]
    ]
    return record


def files(paths):
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, names in os.walk(path):
                dirs.sort()
                for name in sorted(names):
                    if name.endswith(".txt"):
                        yield os.path.join(root, name)
        else:
            yield path


def main():
    out = sys.stdout
    for path in files(sys.argv[1:]):
        with open(path, encoding="utf-8") as f:
            record = parse(f.read())
        record["source"] = path
        out.write(json.dumps(record, ensure_ascii=False))
        out.write("\n")


if __name__ == "__main__":
    main()
