"""Workbooks for the import tests, built with openpyxl the way a ministry official would
fill in the template: a valid one to start from, and a corpus of bad ones."""

import datetime
import io
import zipfile

from docx import Document
from openpyxl import Workbook

from actionplan.exchange.xlsx_layout import (
    ACTIVITIES_SHEET,
    ACTIVITY_COLUMNS,
    PLAN_SHEET,
    STAKEHOLDER_COLUMNS,
    STAKEHOLDERS_SHEET,
)

PLAN = {
    "Country": "Azerbaijan",
    "Title": "National Action Plan to Fight Trafficking in Human Beings",
    "Period": "2014-2018",
    "Status": "adopted",
    "Coordinating body": "Ministry of Internal Affairs",
    "Adoption reference": "Presidential order No. 667 of 24.07.2014",
}

STAKEHOLDERS = [
    ("Ministry of Internal Affairs", "government", "National coordinator"),
    ("Ministry of Labour and Social Protection", "government", "Labour inspection"),
    ("IOM", "international", "Training partner"),
]


def activity_row(n: int = 1, **values) -> dict:
    """One complete row of the matrix; keyword arguments replace columns by key."""
    row = {
        "chapter": "3 Prevention of trafficking",
        "goal": "G1 Fewer people are trafficked for labour exploitation",
        "objective": "O1.1 Labour inspectors identify victims",
        "output": "Training curriculum for labour inspectors",
        "activity_code": f"3.1.{n}",
        "activity": f"Train labour inspectors in victim identification, group {n}",
        "sub_activity": "",
        "lead_body": "Ministry of Labour and Social Protection",
        "partners": "IOM; Ministry of Internal Affairs",
        "start": "2015-03",
        "end": "2016-11",
        "budget": 25000,
        "currency": "AZN",
        "source": "state",
        "donor": "",
        "budget_status": "secured",
        "indicator": "Number of labour inspectors trained",
        "unit": "persons",
        "baseline": "0",
        "baseline_year": 2014,
        "target": "200",
        "target_year": 2018,
        "means_of_verification": "Training attendance records",
    }
    row.update(values)
    return row


def continuation_row(**values) -> dict:
    """A row that adds to the activity above: everything empty but what is given."""
    return {column.key: values.get(column.key, "") for column in ACTIVITY_COLUMNS}


def matrix_workbook(rows=None, *, plan=None, stakeholders=None, write_only=False) -> Workbook:
    wb = Workbook(write_only=write_only)
    ws = wb.create_sheet(PLAN_SHEET) if write_only else wb.active
    ws.title = PLAN_SHEET
    ws.append(["Field", "Value"])
    for label, value in (PLAN if plan is None else plan).items():
        ws.append([label, value])
    activities = wb.create_sheet(ACTIVITIES_SHEET)
    activities.append([c.header for c in ACTIVITY_COLUMNS])
    for row in [activity_row()] if rows is None else rows:
        activities.append([row.get(c.key) for c in ACTIVITY_COLUMNS])
    bodies = wb.create_sheet(STAKEHOLDERS_SHEET)
    bodies.append([c.header for c in STAKEHOLDER_COLUMNS])
    for body in STAKEHOLDERS if stakeholders is None else stakeholders:
        bodies.append(list(body))
    return wb


def to_bytes(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def matrix_bytes(rows=None, **kwargs) -> bytes:
    return to_bytes(matrix_workbook(rows, **kwargs))


def column_letter(key: str) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter([c.key for c in ACTIVITY_COLUMNS].index(key) + 1)


# --- the bad-file corpus ---------------------------------------------------------------


def _edited(edit, rows=None, **kwargs) -> bytes:
    wb = matrix_workbook(rows, **kwargs)
    edit(wb)
    return to_bytes(wb)


def _wrong_sheet(wb):
    wb[ACTIVITIES_SHEET].title = "Sheet1"


def _missing_column(wb):
    wb[ACTIVITIES_SHEET].delete_cols([c.key for c in ACTIVITY_COLUMNS].index("currency") + 1)


def _merged(wb):
    ws = wb[ACTIVITIES_SHEET]
    ws.append([v.value for v in ws[2]])
    ws.merge_cells("A2:A3")


def _formula(wb):
    wb[ACTIVITIES_SHEET][f"{column_letter('budget')}2"] = "=SUM(1000,2000)"


def _no_plan_sheet(wb):
    del wb[PLAN_SHEET]


def _docx() -> bytes:
    buffer = io.BytesIO()
    document = Document()
    document.add_paragraph("National Action Plan 2014-2018")
    document.save(buffer)
    return buffer.getvalue()


def _zip_bomb() -> bytes:
    """A small archive that unpacks to about 100 MB of sheet XML."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (100 * 1024 * 1024))
    return buffer.getvalue()


def _rows(n: int) -> list[dict]:
    return [activity_row(i) for i in range(1, n + 1)]


def _plan(**values) -> dict:
    return {**PLAN, **values}


# id -> (file bytes builder, fragments the problem message must contain).
# The message names where the problem is: sheet, row and column, or says why the
# whole file was refused.
BAD_FILES = {
    "empty-file": (lambda: b"", ["The file is empty"]),
    "not-a-zip": (lambda: b"Country;Title\nAzerbaijan;NAP\n", ["not an Excel workbook"]),
    "old-xls": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000, [".xls"]),
    "docx-renamed": (_docx, ["Word document"]),
    "zip-bomb": (_zip_bomb, ["unpacks to more than"]),
    "huge-file": (lambda: b"PK\x03\x04" + b"x" * (11 * 1024 * 1024), ["larger than 10 MB"]),
    "wrong-sheet": (lambda: _edited(_wrong_sheet), ["Activities sheet", "no sheet named"]),
    "no-plan-sheet": (lambda: _edited(_no_plan_sheet), ["Plan sheet", "no sheet named"]),
    "missing-column": (
        lambda: _edited(_missing_column),
        ["Activities sheet, row 1", "column “Currency”", "missing"],
    ),
    "merged-cells": (
        lambda: _edited(_merged),
        ["Activities sheet, row 2", "column “Chapter”", "merged"],
    ),
    "formula": (
        lambda: _edited(_formula),
        ["Activities sheet, row 2", "column “Budget”", "Formulas"],
    ),
    "date-day-first": (
        lambda: matrix_bytes([activity_row(start="31/02/2015")]),
        ["row 2", "column “Start”", "“31/02/2015” is not a month"],
    ),
    "date-soon": (
        lambda: matrix_bytes([activity_row(end="soon")]),
        ["row 2", "column “End”", "“soon” is not a month"],
    ),
    "date-impossible": (
        lambda: matrix_bytes([activity_row(start="2015-02-31")]),
        ["row 2", "column “Start”", "not a real date"],
    ),
    "date-month-13": (
        lambda: matrix_bytes([activity_row(start="2015-13")]),
        ["row 2", "column “Start”", "not a real date"],
    ),
    "date-in-words": (
        lambda: matrix_bytes([activity_row(end="March 2016")]),
        ["row 2", "column “End”", "not a month"],
    ),
    "end-before-start": (
        lambda: matrix_bytes([activity_row(start="2016-05", end="2015-01")]),
        ["row 2", "column “End”", "cannot be before the start"],
    ),
    "outside-period": (
        lambda: matrix_bytes([activity_row(start="2012-01")]),
        ["row 2", "column “Start”", "outside the plan period (2014–2018)"],
    ),
    "negative-budget": (
        lambda: matrix_bytes([activity_row(budget=-500)]),
        ["row 2", "column “Budget”", "negative"],
    ),
    "negative-budget-text": (
        lambda: matrix_bytes([activity_row(budget="-1,500")]),
        ["row 2", "column “Budget”", "negative"],
    ),
    "non-numeric-budget": (
        lambda: matrix_bytes([activity_row(budget="about 20k")]),
        ["row 2", "column “Budget”", "not an amount"],
    ),
    "unknown-currency": (
        lambda: matrix_bytes([activity_row(currency="EURO")]),
        ["row 2", "column “Currency”", "ISO 4217"],
    ),
    "budget-without-currency": (
        lambda: matrix_bytes([activity_row(currency="")]),
        ["row 2", "column “Currency”", "Give the currency"],
    ),
    "unknown-source": (
        lambda: matrix_bytes([activity_row(source="government")]),
        ["row 2", "column “Source”", "state, donor, other"],
    ),
    "donor-unnamed": (
        lambda: matrix_bytes([activity_row(source="donor", donor="")]),
        ["row 2", "column “Donor”", "Name the donor"],
    ),
    "unknown-budget-status": (
        lambda: matrix_bytes([activity_row(budget_status="maybe")]),
        ["row 2", "column “Budget status”", "secured, pledged, unfunded"],
    ),
    "goal-missing": (
        lambda: matrix_bytes([activity_row(), activity_row(2, goal="")]),
        ["row 3", "column “Goal”", "strategic goal"],
    ),
    "objective-missing": (
        lambda: matrix_bytes([activity_row(objective="")]),
        ["row 2", "column “Objective”", "specific objective"],
    ),
    "duplicate-codes": (
        lambda: matrix_bytes([activity_row(1), activity_row(2, activity_code="3.1.1")]),
        ["row 3", "column “Activity code”", "“3.1.1” is already used on row 2"],
    ),
    "two-lead-bodies": (
        lambda: matrix_bytes([activity_row(lead_body="Ministry of Justice; IOM")]),
        ["row 2", "column “Lead body”", "one lead body"],
    ),
    "bad-baseline-year": (
        lambda: matrix_bytes([activity_row(baseline_year="last year")]),
        ["row 2", "column “Baseline year”", "not a year"],
    ),
    "target-before-baseline": (
        lambda: matrix_bytes([activity_row(baseline_year=2018, target_year=2015)]),
        ["row 2", "column “Target year”", "cannot precede"],
    ),
    "indicator-figures-only": (
        lambda: matrix_bytes([activity_row(indicator="")]),
        ["row 2", "column “Indicator”", "Give the indicator"],
    ),
    "date-in-text-column": (
        lambda: matrix_bytes([activity_row(goal=datetime.datetime(2015, 1, 1))]),
        ["row 2", "column “Goal”", "found a date"],
    ),
    "continuation-without-activity": (
        lambda: matrix_bytes([continuation_row(budget=100, currency="EUR", source="state")]),
        ["row 2", "column “Activity”", "Name the activity"],
    ),
    "continuation-other-goal": (
        lambda: matrix_bytes([activity_row(), continuation_row(goal="G9 Something else")]),
        ["row 3", "column “Goal”", "differs from row 2"],
    ),
    "code-too-long": (
        lambda: matrix_bytes([activity_row(activity_code="A" * 30)]),
        ["row 2", "column “Activity code”", "at most 20 characters"],
    ),
    "stakeholder-twice": (
        lambda: matrix_bytes(stakeholders=[*STAKEHOLDERS, ("  iom ", "international", "")]),
        ["Stakeholders sheet, row 5", "column “Name”", "listed twice"],
    ),
    "unknown-stakeholder-kind": (
        lambda: matrix_bytes(stakeholders=[("IOM", "agency", "")]),
        ["Stakeholders sheet, row 2", "column “Kind”", "government, ngo"],
    ),
    "plan-without-period": (
        lambda: matrix_bytes(plan=_plan(Period="")),
        ["Plan sheet, row 4", "column “Period”", "Give the plan's period"],
    ),
    "plan-bad-period": (
        lambda: matrix_bytes(plan=_plan(Period="2014 until done")),
        ["Plan sheet, row 4", "column “Period”", "not a period"],
    ),
    "plan-period-reversed": (
        lambda: matrix_bytes(plan=_plan(Period="2018-2014")),
        ["Plan sheet", "column “Period”", "cannot end before it starts"],
    ),
    "unknown-framework": (
        lambda: matrix_bytes(plan=_plan(Framework="unesco-1999")),
        ["Plan sheet, row 8", "column “Framework”", "unesco-1999"],
    ),
    "partially-valid": (
        lambda: matrix_bytes([*_rows(3), activity_row(4, budget=-1)]),
        ["row 5", "column “Budget”", "negative"],
    ),
    "markup-in-a-title": (
        lambda: matrix_bytes([activity_row(1, activity="Train <b>judges</b>")]),
        ["row 2", "column “Activity”", "Remove the markup"],
    ),
    "too-many-activities": (
        lambda: matrix_bytes(_rows(10_000), write_only=True),
        ["Activities sheet, row 5002", "at most 5,000 can be imported"],
    ),
}
