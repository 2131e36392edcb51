"""Parse decision statements of England's Local Government and Social Care Ombudsman.

    >>> import lgsco
    >>> record = lgsco.parse(open("corpus/knowsley-22-014-796.txt").read())
    >>> record["reference"], record["decision_date"]
    ('22 014 796', datetime.date(2023, 8, 22))

A record is a dict with the keys and values of one line of the ``lgsco`` program's JSON Lines
output (``lgsco.schema()`` is its JSON Schema), except that dates are ``datetime.date`` objects;
amounts are ``int`` pence. The parsing is done by the same Rust library as the program's, with
the GIL released while it works.
"""

from __future__ import annotations

import json
import os
from typing import Any, Dict, Iterable, Iterator, Optional, Union

from . import _lgsco
from ._lgsco import ParseError, __version__

__all__ = [
    "ParseError",
    "__version__",
    "parse",
    "parse_file",
    "parse_files",
    "schema",
    "tables",
    "data_package",
]

PathLike = Union[str, "os.PathLike[str]"]


def parse(
    text: Union[str, bytes],
    source: Optional[str] = None,
    *,
    kind: str = "auto",
    encoding: Optional[str] = None,
) -> Dict[str, Any]:
    """Parse the text of one decision statement into its record.

    ``text`` is a ``str``, or ``bytes`` decoded as the program decodes files (UTF-8, UTF-16
    with a byte-order mark, and with ``encoding="windows-1252"`` or another label, bytes that
    are not UTF-8). Web pages, Markdown, wrapped text and text whose UTF-8 was misread as
    Latin-1 are read as the program reads them; ``kind="html"`` reads ``text`` as a web page
    whatever it opens with, ``kind="text"`` never as one. ``source`` is put in the record's
    ``"source"`` key.

    Text holding several statements is read as one (the first; see ``parse_files``, which
    gives one record for each, as the program does).

    Raises ``ParseError`` for a text that is empty or not a decision statement, or bytes that
    cannot be decoded; anything odd but readable gives a record with ``"warnings"``.
    """
    return _lgsco.parse(text, source, kind, encoding)


def parse_file(path: PathLike, *, encoding: Optional[str] = None) -> Dict[str, Any]:
    """Parse the statement in the file at ``path``, as ``parse`` does its bytes.

    A file named ``.html`` or ``.htm`` is read as a web page. The record's ``"source"`` is
    ``path``. Raises ``ParseError`` as ``parse`` does, and ``OSError`` when the file cannot
    be read.
    """
    return _lgsco.parse_file(os.fspath(path), encoding)


def parse_files(
    paths: Union[PathLike, Iterable[PathLike]],
    jobs: Optional[int] = None,
    *,
    encoding: Optional[str] = None,
) -> Iterator[Dict[str, Any]]:
    """Parse many files, on ``jobs`` threads (one per core when not given), as the program does.

    ``paths`` is a path or an iterable of paths: a file is read whatever its name; a folder's
    ``*.txt``, ``*.html`` and ``*.htm`` files are read in sorted order, its sub-folders too.
    Yields one record per statement, in input order, as they are ready: a file holding several
    statements gives one record each (``"all.txt#1"``, ``"all.txt#2"``, ...), and every input
    that cannot be read or parsed gives ``{"source": ..., "error": ...}`` without stopping the
    others. The GIL is released while files are read and parsed.
    """
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]
    return _lgsco.parse_files([os.fsdecode(p) for p in paths], jobs, encoding)


def schema() -> Dict[str, Any]:
    """The JSON Schema of a record (as ``lgsco --schema`` prints it)."""
    return json.loads(_lgsco.schema_json())


def tables(
    records_or_paths: Any,
    jobs: Optional[int] = None,
    *,
    encoding: Optional[str] = None,
) -> Dict[str, Any]:
    """The program's tables (``lgsco --tables``) as ``pyarrow.Table``s, by name.

    ``records_or_paths`` is records (dicts from ``parse`` or ``parse_files``, or JSON Lines
    lines loaded with ``json.loads``), or paths of files and folders, which are parsed as
    ``parse_files`` parses them, on ``jobs`` threads. The tables are ``decisions``,
    ``sections``, ``paragraphs``, ``agreed_actions``, ``payments``, ``findings``, ``dates``,
    ``legislation`` and ``warnings``, with the columns of the program's CSV files and their
    types (``data_package()``): dates as ``date32``, pence, counts and positions as ``int64``,
    flags as ``bool``, absent values as nulls. ``.to_pandas()``, ``polars.from_arrow`` and
    DuckDB take them as they are.

    Payments are counted once: ``payments.found_in`` is ``"agreed_actions"`` for the payments
    that make up ``decisions.total_payment_pence`` and ``"summary_remedy"`` for the summary's
    mention of a sum (its total is ``decisions.summary_remedy_pence``, never part of
    ``total_payment_pence``). Needs ``pyarrow`` (``pip install pyarrow``).
    """
    from ._tables import tables as build

    return build(records_or_paths, jobs, encoding=encoding)


def data_package() -> Dict[str, Any]:
    """The tables' data dictionary, the ``datapackage.json`` that ``lgsco --tables DIR`` writes:
    each column's type, the primary keys and the foreign keys to ``decisions``."""
    return json.loads(_lgsco.data_package_json())
