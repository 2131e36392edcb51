"""lgsco.tables: typed Arrow tables equal to the program's --tables files, and to the JSON's counts and sums."""

import datetime
import json
import subprocess

import pytest

import lgsco
from conftest import ROOT, SHARED, program

pa = pytest.importorskip("pyarrow")
pacsv = pytest.importorskip("pyarrow.csv")

FOLDERS = [ROOT / "corpus"] + ([SHARED / "dev"] if (SHARED / "dev").is_dir() else [])


@pytest.fixture(scope="module")
def records():
    return list(lgsco.parse_files(FOLDERS))


@pytest.fixture(scope="module")
def tables():
    return lgsco.tables(FOLDERS)


def test_types_are_real(tables):
    decisions = tables["decisions"].schema
    assert decisions.field("decision_date").type == pa.date32()
    assert decisions.field("total_payment_pence").type == pa.int64()
    assert decisions.field("fault_found").type == pa.bool_()
    assert tables["dates"].schema.field("date").type == pa.date32()
    assert tables["agreed_actions"].schema.field("deadline_due").type == pa.date32()
    # Nulls where the value is absent, not zeros or empty text.
    totals = tables["decisions"].column("total_payment_pence").to_pylist()
    assert None in totals and any(t for t in totals)


def test_the_same_tables_from_records_and_from_paths(records, tables):
    assert lgsco.tables(records) == tables


def test_the_programs_tables_read_with_the_data_package(tmp_path, tables):
    out = tmp_path / "tables"
    run = subprocess.run([str(program()), "-q", "--csv-raw", "--tables", str(out), *map(str, FOLDERS)], check=False)
    assert run.returncode in (0, 1)
    package = json.loads((out / "datapackage.json").read_text())
    assert package == lgsco.data_package()
    types = {"string": pa.string(), "integer": pa.int64(), "boolean": pa.bool_(), "date": pa.date32()}
    for resource in package["resources"]:
        schema = pa.schema([(f["name"], types[f["type"]]) for f in resource["schema"]["fields"]])
        table = pacsv.read_csv(
            out / resource["path"],
            parse_options=pacsv.ParseOptions(newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(column_types=schema, strings_can_be_null=True),
        )
        assert table.cast(schema) == tables[resource["name"]], resource["name"]


def test_row_counts_and_sums_are_the_jsons(records, tables):
    parsed = [r for r in records if "error" not in r]
    assert tables["decisions"].num_rows == len(records)
    assert tables["sections"].num_rows == sum(len(r["sections"]) for r in parsed)
    paragraphs = sum(1 + len(p["items"]) for r in parsed for s in [{"paragraphs": r["preamble"]}, *r["sections"]] for p in s["paragraphs"])
    assert tables["paragraphs"].num_rows == paragraphs
    assert tables["agreed_actions"].num_rows == sum(len(r["agreed_actions"]) for r in parsed)
    assert tables["findings"].num_rows == sum(len(r["findings"]) for r in parsed)
    assert tables["dates"].num_rows == sum(len(r["dates"]) for r in parsed)
    assert tables["legislation"].num_rows == sum(len(r["legislation"]) for r in parsed)
    assert tables["warnings"].num_rows == sum(len(r["warnings"]) for r in parsed)
    # Payments: the agreed actions' ones make up the totals, the summary's are told apart.
    payments = tables["payments"].to_pylist()
    agreed = sum(p["amount_pence"] for p in payments if p["found_in"] == "agreed_actions")
    assert agreed == sum(r["total_payment_pence"] or 0 for r in parsed)
    summary = sum(p["amount_pence"] for p in payments if p["found_in"] == "summary_remedy")
    assert summary == sum(sum(p["amount_pence"] for p in (r["summary_remedy"] or {"payments": []})["payments"]) for r in parsed)
    totals = tables["decisions"].column("total_payment_pence").to_pylist()
    assert sum(t or 0 for t in totals) == agreed
    dates = tables["dates"].column("date").to_pylist()
    assert dates == [d["date"] for r in parsed for d in r["dates"]]
    assert all(isinstance(d, datetime.date) for d in dates)


def test_to_pandas_and_polars_without_a_cast(tables):
    pd = pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    frame = tables["decisions"].to_pandas(types_mapper=pd.ArrowDtype)
    assert str(frame["total_payment_pence"].dtype) == "int64[pyarrow]"
    polars = pl.from_arrow(tables["decisions"])
    assert polars.schema["total_payment_pence"] == pl.Int64
    assert polars.schema["decision_date"] == pl.Date
    assert polars.schema["fault_found"] == pl.Boolean
