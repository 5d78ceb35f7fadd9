"""One way in for every checklist format: the file's records and the problems of its
shape. YAML and JSON are read by `documents.py`, XLSX by `spreadsheets.py`; both build
the same records."""

from __future__ import annotations

from django.utils.formats import number_format
from django.utils.translation import gettext as _

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
            [
                Problem(
                    _("file"),
                    "",
                    _("the file is %(size)s bytes; the limit is %(limit)s")
                    % {"size": _number(len(content)), "limit": _number(MAX_BYTES)},
                )
            ]
        )
    if not content.strip():
        raise CatalogueInvalid([Problem(_("file"), "", _("the file is empty"))])
    problems: list[Problem] = []
    if kind == "xlsx":
        records = workbook_records(content, problems)
    else:
        records = tree_records(parse_tree(content, kind), problems)
    if len(records) > MAX_RECORDS:
        raise CatalogueInvalid(
            [
                Problem(
                    _("file"),
                    "",
                    _("the file has %(count)s entries; the limit is %(limit)s")
                    % {"count": _number(len(records)), "limit": _number(MAX_RECORDS)},
                )
            ]
        )
    return records, problems


def _number(value: int) -> str:
    return number_format(value, force_grouping=True)
