"""The collection workbook of one body for one period, for bodies that do not log in.

Three sheets: Reports (one row per activity the body leads or partners in), Indicators
(one row per indicator of the activities it leads) and Spending (one row per budget line
of those activities). What the plan says is locked; only the columns a body fills in are
open, and the status column offers its list. The same workbook, filled in, is read back
with the plan import's safeguards (napplanner.untrusted, actionplan.exchange.xlsx_cells)
and checked with the very service a focal point's form uses, in a transaction that a
preview rolls back: every problem is reported at its sheet, row and column.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font, Protection
from openpyxl.worksheet.datavalidation import DataValidation

from actionplan.exchange.xlsx_cells import (
    CellError,
    WorkbookRefused,
    cell_amount,
    cell_choice,
    cell_text,
    workbook_open,
)
from actionplan.exchange.xlsx_export import _safe
from actionplan.exchange.xlsx_import import read_upload
from actionplan.models import BudgetLine, Indicator
from monitoring.models import ActivityStatus, ReportingPeriod
from monitoring.selectors import body_duties
from monitoring.services import IndicatorEntry, report_save
from napplanner.problems import Problem, cell_problem, file_problem
from napplanner.untrusted import WORKBOOK_DAMAGE
from strategy.models import Stakeholder

REPORTS, INDICATORS, SPENDING = "Reports", "Indicators", "Spending"
REPORT_HEADERS = ("Ref", "Code", "Activity", "Role", "Status", "Reason", "Progress")
INDICATOR_HEADERS = (
    "Ref", "Activity code", "Indicator", "Unit", "Baseline", "Target", "Value reached",
    "Date measured",
)  # fmt: skip
SPENDING_HEADERS = (
    "Ref", "Activity code", "Budget line", "Source", "Planned", "Currency", "Amount spent",
)  # fmt: skip
OPEN = Protection(locked=False)
MAX_ROWS = 5000


@dataclass
class Collection:
    """What a body reports for its duties: the rows of the workbook, and where they sit."""

    duties: list
    indicators: list[Indicator]
    budget_lines: list[BudgetLine]


def _collection(period: ReportingPeriod, body: Stakeholder) -> Collection:
    duties = body_duties(period=period, body_ids=[body.pk])
    lead_ids = [d.activity.pk for d in duties if d.role == "lead"]
    return Collection(
        duties=duties,
        indicators=list(
            Indicator.objects.filter(activity_id__in=lead_ids)
            .select_related("activity")
            .order_by("activity__order", "activity_id", "order", "pk")
        ),
        budget_lines=list(
            BudgetLine.objects.filter(activity_id__in=lead_ids)
            .select_related("activity")
            .order_by("activity__order", "activity_id", "order", "pk")
        ),
    )


def _sheet(wb: Workbook, title: str, headers, rows, open_columns, widths):
    ws = wb.create_sheet(title)
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for number, values in enumerate(rows, start=2):
        for column, raw in enumerate(values, start=1):
            value, quoted = _safe(raw)
            cell = ws.cell(row=number, column=column, value=value)
            if quoted:  # text that would start a formula stays text
                cell.data_type = "s"
                cell.quotePrefix = True
    for row in ws.iter_rows(min_row=2, max_row=max(ws.max_row, 2)):
        for cell in row:
            if cell.column in open_columns:
                cell.protection = OPEN
    for letter, width in zip("ABCDEFGH", widths, strict=False):
        ws.column_dimensions[letter].width = width
    ws.column_dimensions["A"].hidden = True
    # The plan's own words are locked; a body fills in the open columns only.
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    return ws


def collection_workbook(*, period: ReportingPeriod, body: Stakeholder) -> bytes:
    """The workbook a body fills in for `period`."""
    collection = _collection(period, body)
    wb = Workbook()
    about = wb.active
    about.title = _("About")
    about.append([_("Plan"), period.plan.title])
    about.append([_("Period"), period.label])
    about.append([_("Body"), body.name])
    about.append([_("Due on"), period.due_on])
    about.append(
        [
            _("How to fill it in"),
            _(
                "Give each activity a status; say why for a delayed or cancelled one. "
                "Give indicator values with the date measured, and the money spent in the "
                "budget line's currency. Leave a row empty to report nothing for it."
            ),
        ]
    )
    about.protection.sheet = True
    statuses = [str(label) for _value, label in ActivityStatus.choices]
    ws = _sheet(
        wb,
        REPORTS,
        REPORT_HEADERS,
        [
            (
                d.activity.pk,
                d.activity.code,
                d.activity.title,
                d.role,
                str(ActivityStatus(d.report.status).label) if d.report else None,
                d.report.reason if d.report else None,
                d.report.progress if d.report else None,
            )
            for d in collection.duties
        ],
        open_columns={5, 6, 7},
        widths=(8, 10, 60, 10, 16, 40, 60),
    )
    validation = DataValidation(
        type="list", formula1=f'"{",".join(statuses)}"', allow_blank=True, showErrorMessage=True
    )
    validation.error = _("Choose one of the statuses in the list.")
    ws.add_data_validation(validation)
    validation.add(f"E2:E{max(ws.max_row, 2)}")

    values = {
        (v.indicator_id): v
        for d in collection.duties
        if d.report
        for v in d.report.indicator_values.all()
    }
    ws = _sheet(
        wb,
        INDICATORS,
        INDICATOR_HEADERS,
        [
            (
                i.pk,
                i.activity.code,
                i.definition,
                i.unit,
                i.baseline_value,
                i.target_value,
                values[i.pk].value if i.pk in values else None,
                values[i.pk].measured_on if i.pk in values else None,
            )
            for i in collection.indicators
        ],
        open_columns={7, 8},
        widths=(8, 12, 60, 14, 12, 12, 16, 16),
    )
    number = DataValidation(type="decimal", allow_blank=True, showErrorMessage=True)
    date = DataValidation(type="date", allow_blank=True, showErrorMessage=True)
    ws.add_data_validation(number)
    ws.add_data_validation(date)
    number.add(f"G2:G{max(ws.max_row, 2)}")
    date.add(f"H2:H{max(ws.max_row, 2)}")

    spent = {
        s.budget_line_id: s.amount
        for d in collection.duties
        if d.report
        for s in d.report.spendings.all()
    }
    ws = _sheet(
        wb,
        SPENDING,
        SPENDING_HEADERS,
        [
            (
                line.pk,
                line.activity.code,
                line.description,
                line.get_source_display(),
                line.amount,
                line.currency,
                spent.get(line.pk),
            )
            for line in collection.budget_lines
        ],
        open_columns={7},
        widths=(8, 12, 40, 16, 14, 10, 16),
    )
    amount = DataValidation(
        type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True
    )
    ws.add_data_validation(amount)
    amount.add(f"G2:G{max(ws.max_row, 2)}")
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


# --- reading it back -------------------------------------------------------------------


@dataclass
class ReportRow:
    row: int
    duty: object
    status: str
    reason: str
    progress: str
    values: list[tuple[int, IndicatorEntry]] = field(default_factory=list)
    spendings: dict = field(default_factory=dict)
    spending_rows: dict = field(default_factory=dict)


@dataclass
class CollectionPreview:
    rows: list[ReportRow]
    problems: list[Problem]

    @property
    def is_valid(self) -> bool:
        return bool(self.rows) and not self.problems


class _Sheets:
    def __init__(self, workbook, problems):
        self.workbook, self.problems = workbook, problems

    def rows(self, title: str, headers) -> list[tuple[int, tuple]]:
        if title not in self.workbook.sheetnames:
            self.problems.append(
                cell_problem(title, None, None, _("The workbook has no sheet named “%s”.") % title)
            )
            return []
        ws = self.workbook[title]
        found = next(ws.iter_rows(min_row=1, max_row=1, values_only=True), ())
        if tuple(cell_text(v) for v in found[: len(headers)]) != headers:
            self.problems.append(
                cell_problem(
                    title,
                    1,
                    None,
                    _("The columns are not those of the collection workbook; download it again."),
                )
            )
            return []
        rows = []
        for number, values in enumerate(
            ws.iter_rows(min_row=2, max_row=MAX_ROWS + 1, values_only=True), start=2
        ):
            values = tuple(values) + (None,) * (len(headers) - len(values))
            if any(v not in (None, "") for v in values):
                rows.append((number, values))
        return rows


def _ref(value) -> int | None:
    try:
        return int(cell_text(value))
    except (CellError, ValueError):
        return None


def _read(data, period, body, problems) -> list[ReportRow]:
    collection = _collection(period, body)
    duties = {d.activity.pk: d for d in collection.duties}
    indicators = {i.pk: i for i in collection.indicators}
    lines = {line.pk: line for line in collection.budget_lines}
    try:
        workbook = workbook_open(read_upload(data))
    except WorkbookRefused as exc:
        problems.append(file_problem(str(exc)))
        return []
    try:
        sheets = _Sheets(workbook, problems)
        reports = _report_rows(sheets.rows(REPORTS, REPORT_HEADERS), duties, problems)
        by_activity = {r.duty.activity.pk: r for r in reports}
        for number, values in sheets.rows(INDICATORS, INDICATOR_HEADERS):
            _indicator_row(number, values, indicators, by_activity, problems)
        for number, values in sheets.rows(SPENDING, SPENDING_HEADERS):
            _spending_row(number, values, lines, by_activity, problems)
    except WORKBOOK_DAMAGE:
        problems.append(file_problem(_("The workbook could not be read; it may be damaged.")))
        return []
    finally:
        workbook.close()
    return reports


def _report_rows(rows, duties, problems) -> list[ReportRow]:
    reports = []
    for number, values in rows:
        if all(v in (None, "") for v in values[4:7]):
            continue  # nothing reported on this activity
        duty = duties.get(_ref(values[0]))
        if duty is None:
            problems.append(
                cell_problem(REPORTS, number, "Ref", _("This row is no activity of this body."))
            )
            continue
        try:
            status = cell_choice(values[4], ActivityStatus, _("status"))
            reason, progress = cell_text(values[5]), cell_text(values[6])
        except CellError as exc:
            problems.append(cell_problem(REPORTS, number, "Status", str(exc)))
            continue
        reports.append(ReportRow(number, duty, status, reason, progress))
    return reports


def _owner(number, sheet, activity_id, by_activity, problems) -> ReportRow | None:
    report = by_activity.get(activity_id)
    if report is None:
        problems.append(
            cell_problem(
                sheet, number, None, _("Give the activity's status on the Reports sheet too.")
            )
        )
    return report


def _indicator_row(number, values, indicators, by_activity, problems) -> None:
    indicator = indicators.get(_ref(values[0]))
    if indicator is None:
        problems.append(cell_problem(INDICATORS, number, "Ref", _("This row is no indicator.")))
        return
    if values[6] in (None, "") and values[7] in (None, ""):
        return
    report = _owner(number, INDICATORS, indicator.activity_id, by_activity, problems)
    try:
        value = None if values[6] in (None, "") else Decimal(cell_text(values[6]))
    except (CellError, ArithmeticError):
        problems.append(
            cell_problem(INDICATORS, number, "Value reached", _("Write a number, e.g. 42."))
        )
        return
    measured = values[7]
    if isinstance(measured, datetime.datetime):
        measured = measured.date()
    elif measured not in (None, "") and not isinstance(measured, datetime.date):
        try:
            measured = datetime.date.fromisoformat(cell_text(measured))
        except (CellError, ValueError):
            problems.append(
                cell_problem(
                    INDICATORS, number, "Date measured", _("Write a date, e.g. 2025-06-30.")
                )
            )
            return
    if report is not None:
        report.values.append((number, IndicatorEntry(indicator, value, measured or None)))


def _spending_row(number, values, lines, by_activity, problems) -> None:
    line = lines.get(_ref(values[0]))
    if line is None:
        problems.append(cell_problem(SPENDING, number, "Ref", _("This row is no budget line.")))
        return
    if values[6] in (None, ""):
        return
    report = _owner(number, SPENDING, line.activity_id, by_activity, problems)
    try:
        amount = cell_amount(values[6])
    except CellError as exc:
        problems.append(cell_problem(SPENDING, number, "Amount spent", str(exc)))
        return
    if report is not None:
        report.spendings[line] = amount
        report.spending_rows[line.pk] = number


class _Rollback(Exception):
    pass


def _write(rows, period, body, user, problems) -> None:
    for report in rows:
        try:
            report_save(
                period=period,
                activity=report.duty.activity,
                body=body,
                user=user,
                status=report.status,
                reason=report.reason,
                progress=report.progress,
                indicator_values=[entry for _n, entry in report.values],
                spendings=report.spendings,
                submit=True,
            )
        except ValidationError as error:
            problems.extend(_placed(report, error))


def _placed(report: ReportRow, error: ValidationError) -> list[Problem]:
    """A service's problems at the workbook's cells."""
    if not hasattr(error, "error_dict"):
        return [cell_problem(REPORTS, report.row, None, m) for m in error.messages]
    value_rows = {entry.indicator.pk: n for n, entry in report.values}
    placed = []
    for name, messages in error.message_dict.items():
        for message in messages:
            if name.startswith("indicator_"):
                row = value_rows.get(int(name.split("_")[1]), report.row)
                placed.append(cell_problem(INDICATORS, row, "Value reached", message))
            elif name.startswith("spent_"):
                row = report.spending_rows.get(int(name.split("_")[1]), report.row)
                placed.append(cell_problem(SPENDING, row, "Amount spent", message))
            else:
                column = {"reason": "Reason", "status": "Status", "progress": "Progress"}
                placed.append(cell_problem(REPORTS, report.row, column.get(name), message))
    return placed


def collection_preview(*, data, period, body, user) -> CollectionPreview:
    """Read the workbook and check every report as the import would write it; write
    nothing."""
    problems: list[Problem] = []
    if not period.is_open:
        return CollectionPreview([], [file_problem(_("This period is closed."))])
    rows = _read(data, period, body, problems)
    if not problems:
        try:
            with transaction.atomic():
                _write(rows, period, body, user, problems)
                raise _Rollback
        except _Rollback:
            pass
    if not rows and not problems:
        problems.append(file_problem(_("The workbook reports on no activity.")))
    return CollectionPreview(rows, problems)


def collection_import(*, data, period, body, user) -> CollectionPreview:
    """Write the workbook's reports, all or none."""
    problems: list[Problem] = []
    rows = _read(data, period, body, problems)
    if problems or not rows:
        return CollectionPreview(rows, problems or [file_problem(_("Nothing to import."))])
    try:
        with transaction.atomic():
            _write(rows, period, body, user, problems)
            if problems:
                raise _Rollback
    except _Rollback:
        pass
    return CollectionPreview(rows, problems)
