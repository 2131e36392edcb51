"""Every statement file gives through `lgsco.parse` exactly the record the program writes for it."""

import datetime
from collections import defaultdict
from pathlib import Path

import pytest

import lgsco
from conftest import ROOT, SHARED, as_json, program_records, statement_files

SETS = {
    "corpus": ROOT / "corpus",
    "tests-statements": ROOT / "tests" / "statements",
    "shared": SHARED,
}


def files_of(name):
    folder = SETS[name]
    if not folder.is_dir():
        return []
    return statement_files(folder)


_expected = {}


def expected(name):
    """The program's records for the set `name`, by file: several for a file of several statements."""
    if name not in _expected:
        by_file = defaultdict(list)
        for record in program_records(files_of(name)):
            by_file[record["source"].split("#")[0]].append(record)
        _expected[name] = by_file
    return _expected[name]


def cases():
    for name in SETS:
        files = files_of(name)
        if not files:
            yield pytest.param(name, None, marks=pytest.mark.skip(reason=f"{SETS[name]} is absent"), id=f"{name}-absent")
        for path in files:
            yield pytest.param(name, path, id=str(path.relative_to(SETS[name].parent)))


def kind_of(path: Path) -> str:
    return "html" if path.suffix.lower() in {".html", ".htm"} else "auto"


@pytest.mark.parametrize("name,path", list(cases()))
def test_parse_gives_the_programs_record(name, path):
    records = expected(name)[str(path)]
    assert records, f"the program wrote no record for {path}"
    if len(records) > 1:
        # A file of several statements: parse_files gives one record each, as the program does.
        got = list(lgsco.parse_files([path]))
        assert as_json(got) == records
        return
    record = records[0]
    data = path.read_bytes()
    if "error" in record:
        with pytest.raises(lgsco.ParseError) as raised:
            lgsco.parse(data, source=str(path), kind=kind_of(path))
        assert raised.value.message in record["error"]
        return
    got = lgsco.parse(data, source=str(path), kind=kind_of(path))
    assert as_json(got) == record
    # The same from a str, and keys in the program's order.
    text = data.decode("utf-8", errors="strict") if not data.startswith((b"\xff\xfe", b"\xfe\xff")) else None
    if text is not None:
        assert lgsco.parse(text, source=str(path), kind=kind_of(path)) == got
    assert list(got) == list(record)
    if got["decision_date"] is not None:
        assert isinstance(got["decision_date"], datetime.date)
