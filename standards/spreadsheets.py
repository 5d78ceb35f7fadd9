"""Checklists as XLSX workbooks: one sheet per kind of entry, one row per entry (the
Criteria sheet has one row per criterion with its component and area columns)."""

from __future__ import annotations

import io
import re
import zipfile

import openpyxl
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from napplanner.problems import Problem
from napplanner.untrusted import WORKBOOK_DAMAGE
from standards.documents import (
    MAX_RECORDS,
    MAX_UNZIPPED_BYTES,
    CatalogueInvalid,
    Record,
)

FRAMEWORK_SHEET = "Framework"
# sheet -> (kind, columns, required columns); "keywords_<lang>" columns are also allowed
# wherever "keywords" is listed.
SHEETS = {
    "Components": ("component", ("code", "title", "guidance", "source_page"), ("code", "title")),
    "Areas": (
        "area",
        ("component", "code", "title", "guidance", "source_page", "keywords"),
        ("component", "code", "title"),
    ),
    "Principles": (
        "principle",
        ("code", "title", "guidance", "source_page", "keywords"),
        ("code", "title"),
    ),
    "Groups": ("group", ("code", "title", "guidance", "source_page"), ("code", "title")),
    "Criteria": (
        "criterion",
        (
            "component",
            "area",
            "principle",
            "group",
            "code",
            "question",
            "guidance",
            "tier",
            "weight",
            "source_page",
            "keywords",
        ),
        ("component", "area", "code", "question"),
    ),
}
REQUIRED_SHEETS = (FRAMEWORK_SHEET, "Components", "Areas", "Criteria")
KEYWORDS_COLUMN = re.compile(r"^keywords_([a-z]{2,3})$")
KEYWORD_SEPARATOR = re.compile(r"[;\n]")


def workbook_records(content: bytes, problems: list[Problem]) -> list[Record]:
    book = _open_workbook(content)
    try:
        missing = [name for name in REQUIRED_SHEETS if name not in book.sheetnames]
        if missing:
            raise CatalogueInvalid(
                [
                    Problem(
                        _sheet(name),
                        "",
                        _("missing sheet; a checklist workbook has the sheets %(sheets)s")
                        % {"sheets": ", ".join((FRAMEWORK_SHEET, *SHEETS))},
                    )
                    for name in missing
                ]
            )
        for name in book.sheetnames:
            if name != FRAMEWORK_SHEET and name not in SHEETS:
                problems.append(Problem(_sheet(name), "", _("unknown sheet")))
        records = [_framework_record(book[FRAMEWORK_SHEET], problems)]
        for name, spec in SHEETS.items():
            if name in book.sheetnames:
                records += _sheet_records(book[name], name, spec, problems)
        return records
    except WORKBOOK_DAMAGE as exc:
        # The sheets are read lazily, so a damaged or hostile part shows only now.
        raise CatalogueInvalid(
            [
                Problem(
                    _("file"),
                    "",
                    _(
                        "a part of the workbook is damaged or not what Excel writes; open it in "
                        "Excel or LibreOffice and save it again"
                    ),
                )
            ]
        ) from exc
    finally:
        book.close()


def _open_workbook(content: bytes):
    not_a_workbook = CatalogueInvalid(
        [Problem(_("file"), "", _("the file is not an XLSX spreadsheet (Excel 2007 or later)"))]
    )
    if not content.startswith(b"PK\x03\x04"):
        raise not_a_workbook
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unzipped = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as exc:
        raise not_a_workbook from exc
    if unzipped > MAX_UNZIPPED_BYTES:
        raise CatalogueInvalid(
            [
                Problem(
                    _("file"),
                    "",
                    _("the spreadsheet unpacks to %(size)s bytes; the limit is %(limit)s")
                    % {"size": _number(unzipped), "limit": _number(MAX_UNZIPPED_BYTES)},
                )
            ]
        )
    try:
        return openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise not_a_workbook from exc


def _rows(sheet, name: str, problems: list[Problem]):
    """(row number, [cell values]) for each non-blank row; formulas are refused because
    their value is not stored in the file and may run code in the reader's spreadsheet."""
    if (sheet.max_row or 0) > MAX_RECORDS + 1:
        raise CatalogueInvalid(
            [
                Problem(
                    _sheet(name),
                    "",
                    _("the sheet has %(rows)s rows; the limit is %(limit)s")
                    % {"rows": _number(sheet.max_row), "limit": _number(MAX_RECORDS)},
                )
            ]
        )
    for number, row in enumerate(sheet.iter_rows(), start=1):
        if number > MAX_RECORDS + 1:
            raise CatalogueInvalid(
                [
                    Problem(
                        _sheet(name),
                        "",
                        _("the sheet has more than %(limit)s rows")
                        % {"limit": _number(MAX_RECORDS)},
                    )
                ]
            )
        values = []
        for cell in row:
            value = getattr(cell, "value", None)
            if getattr(cell, "data_type", None) == "f":
                problems.append(
                    Problem(
                        _sheet(name, number),
                        "",
                        _("formulas are not allowed; type the value"),
                    )
                )
                value = None
            if isinstance(value, str) and not value.strip():
                value = None
            values.append(value)
        if any(v is not None for v in values):
            yield number, values


def _framework_record(sheet, problems: list[Problem]) -> Record:
    fields: dict = {}
    field_where: dict = {}
    for number, values in _rows(sheet, FRAMEWORK_SHEET, problems):
        name, value = (values + [None, None])[:2]
        if number == 1 and (name, value) == ("field", "value"):
            continue
        where = _sheet(FRAMEWORK_SHEET, number)
        if not isinstance(name, str):
            problems.append(Problem(where, "", _("column A must name a framework field")))
            continue
        if name in fields:
            problems.append(Problem(where, name, _("given twice")))
        fields[name] = value
        field_where[name] = where
    return Record("framework", fields, _sheet(FRAMEWORK_SHEET), field_where)


def _header(values, name, columns, required, problems) -> list[str | None] | None:
    header = [v.strip() if isinstance(v, str) else v for v in values]
    ok = True
    for index, column in enumerate(header):
        if column is None:
            continue
        match = KEYWORDS_COLUMN.match(str(column))
        if column not in columns and not (match and "keywords" in columns):
            problems.append(
                Problem(
                    _sheet(name, 1, index + 1),
                    str(column),
                    _("unknown column; expected %(columns)s")
                    % {"columns": ", ".join(_column_names(columns))},
                )
            )
            ok = False
    for column in required:
        if column not in header:
            problems.append(Problem(_sheet(name, 1), column, _("missing column")))
            ok = False
    return header if ok else None


def _column_names(columns):
    return [c if c != "keywords" else "keywords_<language>" for c in columns]


def _sheet_records(sheet, name, spec, problems) -> list[Record]:
    kind, columns, required = spec
    rows = _rows(sheet, name, problems)
    first = next(rows, None)
    if first is None or first[0] != 1:
        problems.append(Problem(_sheet(name, 1), "", _("the header row is missing")))
        return []
    header = _header(first[1], name, columns, required, problems)
    if header is None:
        return []
    records = []
    for number, values in rows:
        fields: dict = {}
        for column, value in zip(header, values, strict=False):
            if column is None or value is None:
                continue
            match = KEYWORDS_COLUMN.match(column)
            if match:
                words = [w.strip() for w in KEYWORD_SEPARATOR.split(str(value)) if w.strip()]
                fields.setdefault("keywords", {})[match.group(1)] = words
            else:
                fields[column] = value
        where = _sheet(name, number)
        records.append(Record(kind, fields, where, {c: where for c in header if c}))
    return records


# --- writing ---------------------------------------------------------------------------


def workbook_bytes(catalogue) -> bytes:
    """The catalogue as an XLSX workbook that `workbook_records` reads back unchanged."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = FRAMEWORK_SHEET
    _write(sheet, [["field", "value"], *([k, v] for k, v in catalogue.framework.items())])
    component_of = {a["code"]: a["component"] for a in catalogue.areas}
    entries = {
        "Components": catalogue.components,
        "Areas": catalogue.areas,
        "Principles": catalogue.principles,
        "Groups": catalogue.groups,
        "Criteria": [
            {**c, "component": component_of.get(c["area"], "")} for c in catalogue.criteria
        ],
    }
    for name, (_kind, columns, _required) in SHEETS.items():
        languages = sorted({lang for e in entries[name] for lang in e.get("keywords", {})})
        header = [c for c in columns if c != "keywords"]
        if "keywords" in columns:
            header += [f"keywords_{lang}" for lang in languages or ["en"]]
        _write(book.create_sheet(name), [header, *(_row(e, header) for e in entries[name])])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _row(entry: dict, header: list[str]) -> list:
    keywords = entry.get("keywords", {})
    return [
        "; ".join(keywords.get(c.removeprefix("keywords_"), []))
        if c.startswith("keywords_")
        else entry.get(c)
        for c in header
    ]


def _write(sheet, rows) -> None:
    for number, values in enumerate(rows, start=1):
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=number, column=column, value=None if value == "" else value)
            # Text is text: "=..." or "@..." typed by an author must never become a formula.
            if isinstance(cell.value, str):
                cell.data_type = "s"


def _sheet(name: str, row: int | None = None, column: int | None = None) -> str:
    """Where in a workbook a problem lies: a sheet, a row of it, or a cell."""
    if column is not None:
        return _("sheet %(sheet)s, row %(row)s, column %(column)s") % {
            "sheet": name,
            "row": row,
            "column": column,
        }
    if row is not None:
        return _("sheet %(sheet)s, row %(row)s") % {"sheet": name, "row": row}
    return _("sheet %(sheet)s") % {"sheet": name}


def _number(value: int) -> str:
    return number_format(value, force_grouping=True)
