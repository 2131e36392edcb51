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


def tables(records_or_paths: Any) -> Dict[str, Any]:
    """The records' tables as ``pyarrow.Table``s; see ``lgsco.tables`` in the README."""
    from ._tables import tables as build

    return build(records_or_paths)
