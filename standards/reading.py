"""One way in for every checklist format: the file's records and the problems of its
shape. YAML and JSON are read by `documents.py`, XLSX by `spreadsheets.py`; both build
the same records."""

from __future__ import annotations

from standards.documents import (
    MAX_BYTES,
    MAX_RECORDS,
    CatalogueInvalid,
    Problem,
    Record,
    document_format,
    parse_tree,
    tree_records,
)
from standards.spreadsheets import workbook_records


def records_read(*, content: bytes, filename: str) -> tuple[list[Record], list[Problem]]:
    """The records of a checklist file and the problems of its shape. Raises
    CatalogueInvalid when the file cannot be read at all."""
    kind = document_format(filename)
    if len(content) > MAX_BYTES:
        raise CatalogueInvalid(
            [Problem("file", "", f"the file is {len(content):,} bytes; the limit is {MAX_BYTES:,}")]
        )
    if not content.strip():
        raise CatalogueInvalid([Problem("file", "", "the file is empty")])
    problems: list[Problem] = []
    if kind == "xlsx":
        records = workbook_records(content, problems)
    else:
        records = tree_records(parse_tree(content, kind), problems)
    if len(records) > MAX_RECORDS:
        raise CatalogueInvalid(
            [
                Problem(
                    "file",
                    "",
                    f"the file has {len(records):,} entries; the limit is {MAX_RECORDS:,}",
                )
            ]
        )
    return records, problems
