"""Reading the sheets of a workbook into rows keyed by column, with every problem placed
on its sheet, row and column. Rows are streamed, so reading can stop at a limit."""

from collections.abc import Iterator

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from actionplan.exchange.xlsx_cells import (
    FORMULA_MESSAGE,
    MERGED_MESSAGE,
    merged_ranges,
)
from actionplan.exchange.xlsx_layout import MAX_ROWS, PLAN_SHEET, Column, normalise_name
from napplanner.problems import Problem, cell_problem


class SheetRows:
    """The data rows of one table sheet, read as they are iterated:
    (row number, {column key: raw value})."""

    def __init__(self, ws, index: dict[str, int], columns, problems: list[Problem]):
        self.sheet = ws.title
        self.ws = ws
        self.index = index
        self.headers = {c.key: c.header for c in columns}
        self.problems = problems

    def __iter__(self) -> Iterator[tuple[int, dict]]:
        header_of = {i: self.headers[key] for key, i in self.index.items()}
        width = max(self.index.values())
        # Read-only rows hold EmptyCell fillers without a row number, hence enumerate.
        for number, cells in enumerate(self.ws.iter_rows(min_row=2, max_col=width), start=2):
            values = {}
            for key, i in self.index.items():
                cell = cells[i - 1] if i - 1 < len(cells) else None
                if cell is not None and cell.data_type == "f":
                    self.problems.append(
                        cell_problem(self.sheet, number, header_of[i], str(FORMULA_MESSAGE))
                    )
                    cell = None
                values[key] = getattr(cell, "value", None)
            if any(v is not None and str(v).strip() for v in values.values()):
                yield number, values


def sheet_get(workbook, name: str, problems: list[Problem]):
    for title in workbook.sheetnames:
        if normalise_name(title) == normalise_name(name):
            return workbook[title]
    found = ", ".join(f"“{t}”" for t in workbook.sheetnames)
    problems.append(
        cell_problem(
            name,
            None,
            None,
            _(
                "The workbook has no sheet named “%(name)s” (it has %(found)s). Start from the "
                "template, which has the sheets Plan, Activities and Stakeholders."
            )
            % {"name": name, "found": found},
        )
    )
    return None


def _header_map(ws, columns, problems: list[Problem]) -> dict[str, int]:
    """Column key -> 1-based column index, by the header row (row 1)."""
    wanted = {normalise_name(c.header): c for c in columns}
    found: dict[str, int] = {}
    first_row = next(ws.iter_rows(min_row=1, max_row=1, values_only=True), ())
    for index, value in enumerate(first_row, start=1):
        column = wanted.get(normalise_name(str(value or "")))
        if column is None:
            continue
        if column.key in found:
            problems.append(
                cell_problem(
                    ws.title, 1, column.header, _("This column appears twice in the header row.")
                )
            )
        found[column.key] = index
    for column in columns:
        if column.key not in found and not column.optional:
            problems.append(
                cell_problem(
                    ws.title,
                    1,
                    column.header,
                    _(
                        "This column is missing from the header row (row 1); copy the header "
                        "from the template."
                    ),
                )
            )
    return found


def table_read(ws, columns: tuple[Column, ...], problems: list[Problem]) -> SheetRows | None:
    """The rows of a table sheet, or None when the sheet cannot be read at all."""
    rows = (ws.max_row or 1) - 1
    if rows > MAX_ROWS:
        problems.append(
            cell_problem(
                ws.title,
                None,
                None,
                _(
                    "The sheet has %(rows)s rows; at most %(limit)s can be imported at "
                    "once. Split the plan into several workbooks."
                )
                % {
                    "rows": number_format(rows, force_grouping=True),
                    "limit": number_format(MAX_ROWS, force_grouping=True),
                },
            )
        )
        return None
    before = len(problems)
    index = _header_map(ws, columns, problems)
    if len(problems) > before:
        return None
    header_of = {i: c.header for c in columns if (i := index.get(c.key))}
    for row, col, ref in merged_ranges(ws):
        outside = _("%(column)s (outside the table)") % {"column": get_column_letter(col)}
        column = header_of.get(col, outside)
        problems.append(cell_problem(ws.title, row, column, MERGED_MESSAGE.format(ref)))
    return SheetRows(ws, index, columns, problems)


def plan_sheet_read(ws, fields: dict[str, str], problems: list[Problem]) -> dict:
    """The Plan sheet: label in column A, value in column B -> {label: (row, value)}."""
    wanted = {normalise_name(label): label for label in fields}
    found: dict[str, tuple[int, object]] = {}
    for row, col, ref in merged_ranges(ws):
        message = MERGED_MESSAGE.format(ref)
        problems.append(cell_problem(PLAN_SHEET, row, get_column_letter(col), message))
    for number, cells in enumerate(ws.iter_rows(max_col=2), start=1):
        label = wanted.get(normalise_name(str(getattr(cells[0], "value", None) or "")))
        if not label or len(cells) < 2:
            continue
        if cells[1].data_type == "f":
            problems.append(cell_problem(PLAN_SHEET, number, label, str(FORMULA_MESSAGE)))
            continue
        found[label] = (number, cells[1].value)
    return found
