"""examples/notebook.py runs and its five answers agree among pandas, polars and DuckDB."""

import importlib.util
import subprocess
import sys

import pytest

from conftest import ROOT, SHARED

for module in ("pyarrow", "pandas", "polars", "duckdb"):
    pytest.importorskip(module)

NOTEBOOK = ROOT / "examples" / "notebook.py"


def load():
    spec = importlib.util.spec_from_file_location("notebook", NOTEBOOK)
    notebook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(notebook)
    return notebook


@pytest.mark.parametrize("sets", [["corpus"], ["shared"]])
def test_the_three_libraries_agree(sets):
    folders = {"corpus": [ROOT / "corpus", ROOT / "tests" / "statements"], "shared": [SHARED]}[sets[0]]
    if not all(f.is_dir() for f in folders):
        pytest.skip(f"{folders} absent")
    results = load().answers(folders)
    assert results["pandas"] == results["polars"] == results["duckdb"]
    q1, q2, q3, q4, q5 = results["duckdb"]
    assert q1 and q2 and q3 and q5 and q4[0] > 0


def test_it_runs_top_to_bottom():
    run = subprocess.run([sys.executable, str(NOTEBOOK)], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "pandas, polars and DuckDB agree" in run.stdout
