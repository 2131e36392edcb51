"""Shared pieces of the tests: where the repository is, the program's own records to compare with."""

import datetime
import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# The real statements beside the repository (`../shared/corpus`), when present.
SHARED = Path(os.environ.get("LGSCO_SHARED_CORPUS", ROOT.parent / "shared" / "corpus"))
STATEMENT_SUFFIXES = {".txt", ".html", ".htm"}


def program() -> Path:
    """The `lgsco` program: $LGSCO_BIN, else the release build (`cargo build --release`)."""
    path = Path(os.environ.get("LGSCO_BIN", ROOT / "target" / "release" / "lgsco"))
    if not path.exists():
        pytest.fail(f"{path} is missing: build the program first (cargo build --release)")
    return path


def statement_files(folder: Path):
    """The statement files under `folder` (`*.txt`, `*.html`, `*.htm`), sorted."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in STATEMENT_SUFFIXES)


def program_records(paths):
    """The program's JSON Lines records for `paths` (each named on its command line), by source."""
    run = subprocess.run(
        [str(program()), "-q", *map(str, paths)], capture_output=True, check=False
    )
    assert run.returncode in (0, 1), run.stderr.decode(errors="replace")
    return [json.loads(line) for line in run.stdout.splitlines()]


def as_json(value):
    """`value` as its JSON round trip would give it: dates as ISO text."""
    return json.loads(json.dumps(value, default=lambda v: v.isoformat() if isinstance(v, datetime.date) else str(v)))
