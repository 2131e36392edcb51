"""``lgsco.tables``: the program's ``--tables`` entities as typed ``pyarrow.Table``s.

The rows are made by the same Rust code that writes the program's CSV files, and read with the
column types of the data dictionary (``lgsco.data_package()``), so dates are ``date32``, pence
and counts ``int64`` and flags ``bool``, each with nulls where the value is absent.
"""

from __future__ import annotations

import datetime
import json
import os
from typing import Any, Dict, Iterable, Optional

from . import _lgsco


def _is_path(value: Any) -> bool:
    return isinstance(value, (str, bytes, os.PathLike))


def _json(value: Any) -> str:
    def default(v: Any) -> Any:
        if isinstance(v, datetime.date):
            return v.isoformat()
        raise TypeError(f"{type(v).__name__} is not part of an lgsco record")

    return json.dumps(value, default=default)


def tables(records_or_paths: Any, jobs: Optional[int] = None, *, encoding: Optional[str] = None) -> Dict[str, Any]:
    import pyarrow as pa
    import pyarrow.csv as pacsv

    types = {"string": pa.string(), "integer": pa.int64(), "boolean": pa.bool_(), "date": pa.date32()}
    if _is_path(records_or_paths):
        records_or_paths = [records_or_paths]
    items = list(records_or_paths)
    if all(_is_path(item) for item in items):
        blobs = _lgsco.table_csv_of_files([os.fsdecode(p) for p in items], jobs, encoding)
    elif all(isinstance(item, dict) for item in items):
        blobs = _lgsco.table_csv_of_records([_json(item) for item in items])
    else:
        raise TypeError("lgsco.tables takes records (dicts from lgsco.parse or parse_files) or paths, not a mix")
    result = {}
    for (name, columns), blob in zip(_lgsco.table_columns(), blobs):
        schema = pa.schema([(column, types[kind]) for column, kind in columns])
        table = pacsv.read_csv(
            pa.BufferReader(blob),
            parse_options=pacsv.ParseOptions(newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(
                column_types=schema,
                strings_can_be_null=True,
                true_values=["true"],
                false_values=["false"],
            ),
        )
        result[name] = table.cast(schema)
    return result
