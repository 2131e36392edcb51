"""parse_files keeps order and isolates failures; errors raise with positions; the rest of the API."""

import datetime
import re

import pytest

import lgsco
from conftest import ROOT, as_json, program_records

CORPUS = ROOT / "corpus"
KNOWSLEY = CORPUS / "knowsley-22-014-796.txt"
NORFOLK = CORPUS / "norfolk-20-005-547.txt"


def test_the_quick_start_line():
    assert lgsco.parse(open(KNOWSLEY).read())["reference"] == "22 014 796"


def test_version_is_the_crates():
    cargo = (ROOT / "Cargo.toml").read_text()
    version = re.search(r'\[workspace\.package\]\s*(?:#.*\n)*version = "([^"]+)"', cargo).group(1)
    assert lgsco.__version__ == version


def test_dates_and_amounts_are_typed():
    record = lgsco.parse(KNOWSLEY.read_bytes())
    assert record["decision_date"] == datetime.date(2023, 8, 22)
    assert all(isinstance(d["date"], datetime.date) for d in record["dates"])
    for action in record["agreed_actions"]:
        for payment in action["payments"]:
            assert type(payment["amount_pence"]) is int
    assert record["source"] is None
    assert lgsco.parse(KNOWSLEY.read_text(), source="k.txt")["source"] == "k.txt"


def test_errors_raise_with_kind_message_and_position():
    with pytest.raises(lgsco.ParseError) as raised:
        lgsco.parse(b"Summary: ok \xff")
    error = raised.value
    assert (error.kind, error.position) == ("invalid_utf8", 12)
    assert error.message == "invalid UTF-8 at byte 12" == str(error)
    assert isinstance(error, ValueError)
    with pytest.raises(lgsco.ParseError) as raised:
        lgsco.parse("Shopping list: eggs, milk")
    assert raised.value.kind == "not_a_decision"
    assert raised.value.position is None
    with pytest.raises(lgsco.ParseError) as raised:
        lgsco.parse("   ")
    assert raised.value.kind == "empty"
    with pytest.raises(TypeError):
        lgsco.parse(42)
    with pytest.raises(ValueError):
        lgsco.parse("x", kind="pdf")


def test_bytes_are_decoded_as_files_are():
    text = KNOWSLEY.read_text()
    utf16 = b"\xff\xfe" + text.encode("utf-16-le")
    assert lgsco.parse(utf16) == lgsco.parse(text)
    latin = "Summary: Mr Q complained about \u201cfees\u201d.\nThe complaint\nMr Q says so.".encode("windows-1252")
    with pytest.raises(lgsco.ParseError):
        lgsco.parse(latin)
    assert "\u201cfees\u201d" in lgsco.parse(latin, encoding="windows-1252")["summary"]


def test_parse_file_reads_as_the_program_does():
    assert lgsco.parse_file(KNOWSLEY) == lgsco.parse(KNOWSLEY.read_bytes(), source=str(KNOWSLEY))
    with pytest.raises(OSError):
        lgsco.parse_file(CORPUS / "no-such-file.txt")


def test_parse_files_keeps_order_and_isolates_failures(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("Shopping list: eggs, milk")
    empty = tmp_path / "empty"
    empty.mkdir()
    inputs = [NORFOLK, bad, tmp_path / "missing.txt", CORPUS, empty, KNOWSLEY]
    got = list(lgsco.parse_files(inputs, jobs=2))
    sources = [r["source"] for r in got]
    corpus = sorted(str(p) for p in CORPUS.glob("*.txt"))
    assert sources == [str(NORFOLK), str(bad), str(tmp_path / "missing.txt"), *corpus, str(empty), str(KNOWSLEY)]
    assert set(got[1]) == {"source", "error"} and "not a decision statement" in got[1]["error"]
    assert got[2]["error"].startswith("cannot read file")
    assert got[-2]["error"].startswith("no *.txt")
    assert "error" not in got[0] and "error" not in got[-1]
    # The same records, whatever the number of threads, as the program writes them.
    assert as_json(list(lgsco.parse_files(CORPUS, jobs=1))) == program_records([CORPUS])


def test_parse_files_leaves_hidden_files_out_as_the_program_does(tmp_path):
    folder = tmp_path / "copied"
    (folder / ".cache").mkdir(parents=True)
    (folder / "a.txt").write_text(KNOWSLEY.read_text())
    (folder / "._a.txt").write_bytes(b"\x00\x05\x16\x07 Mac resource fork")
    (folder / ".cache" / "b.txt").write_text(NORFOLK.read_text())
    got = list(lgsco.parse_files(folder))
    assert [r["source"] for r in got] == [str(folder / "a.txt")]
    assert as_json(got) == program_records([folder])


def test_parse_files_gives_each_of_several_statements(tmp_path):
    both = tmp_path / "both.txt"
    both.write_text(KNOWSLEY.read_text() + "\n" + NORFOLK.read_text())
    got = list(lgsco.parse_files(str(both)))
    assert [r["source"] for r in got] == [f"{both}#1", f"{both}#2"]
    assert [r["reference"] for r in got] == ["22 014 796", "20 005 547"]
    assert as_json(got) == program_records([both])


def test_parse_files_many_and_stopped_early():
    records = lgsco.parse_files([KNOWSLEY] * 600)
    first = next(records)
    assert first["reference"] == "22 014 796"
    del records  # the pool stops when the iterator goes
    assert sum(1 for _ in lgsco.parse_files([KNOWSLEY] * 600, jobs=3)) == 600


def test_schema():
    schema = lgsco.schema()
    assert schema["title"] == "Record"
    assert "decision_date" in schema["$defs"]["Sourced"]["properties"]


def test_the_stubs_name_every_key_of_the_schema():
    import ast

    stubs = ast.parse((ROOT / "python" / "lgsco" / "__init__.pyi").read_text())
    classes = {
        node.name: {item.target.id for item in node.body if isinstance(item, ast.AnnAssign)}
        for node in stubs.body
        if isinstance(node, ast.ClassDef)
    }
    definitions = lgsco.schema()["$defs"]
    assert classes["Record"] == set(definitions["Sourced"]["properties"])
    for name in ["Category", "Outcome", "Paragraph", "Section", "AgreedAction", "Finding", "DateMention",
                 "Citation", "Deadline", "SummaryRemedy", "StatusUpdate", "Warning", "Item", "FieldSpans"]:
        assert classes[name] == set(definitions[name]["properties"]), name
