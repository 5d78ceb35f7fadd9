"""A plan as an Excel activity matrix, and the empty template people fill in by hand.

The layout (sheets, columns, the row rule) is in `xlsx_layout`, shared with the
importer, so that an exported workbook imports back into an equal plan. Every text a
person typed is written so that Excel shows it as text, never runs it as a formula.
"""

import io
from copy import copy

from django.db.models import Prefetch
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from actionplan.exchange.xlsx_layout import (
    ACTIVITIES_SHEET,
    ACTIVITY_COLUMNS,
    FORMULA_TRIGGERS,
    INSTRUCTIONS_SHEET,
    MAX_ACTIVITIES,
    PLAN_FIELDS,
    PLAN_SHEET,
    STAKEHOLDER_COLUMNS,
    STAKEHOLDERS_SHEET,
    Column,
    join_code,
)
from actionplan.models import Activity, Indicator, Responsibility
from strategy.models import Plan

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", start_color="1F4E79")
WRAP = Alignment(wrap_text=True, vertical="top")
AMOUNT_FORMAT = "#,##0.00"


def _safe(value):
    """A value for a cell: text is cleaned of characters Excel refuses, and whether it would
    start a formula. Such text is stored as a text cell with the quote-prefix style (Excel's
    own "typed with a leading apostrophe"), so it shows as typed and never runs; an
    apostrophe in the value itself would show."""
    if not isinstance(value, str):
        return value, False
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return value, value.startswith(FORMULA_TRIGGERS)


def _wrapped_style(ws):
    """The style of a wrapped data cell, made once per sheet: assigning a style object to
    each of a large plan's hundred thousand cells takes longer than all the rest."""
    probe = ws.cell(row=ws.max_row + 1, column=1)
    probe.alignment = WRAP
    style = copy(probe._style)
    ws._cells.pop((probe.row, probe.column))
    return style


def _write_row(ws, row: int, values, style=None) -> None:
    style = style or _wrapped_style(ws)
    for col, raw in enumerate(values, start=1):
        value, quoted = _safe(raw)
        cell = ws.cell(row=row, column=col, value=value)
        cell._style = copy(style)
        if quoted:
            cell.data_type = "s"
            cell.quotePrefix = True


def _table_sheet(wb: Workbook, title: str, columns: tuple[Column, ...]):
    """A sheet with a bold frozen header, widths, and print settings for A4 landscape."""
    ws = wb.create_sheet(title)
    for col, column in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=col, value=column.header)
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, WRAP
        ws.column_dimensions[get_column_letter(col)].width = column.width
    ws.freeze_panes = "A2"
    _print_setup(ws)
    return ws


def _print_setup(ws) -> None:
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages tall as needed
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    ws.print_options.gridLines = True


def _finish_table(ws, columns) -> None:
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(ws.max_row, 2)}"


def _plan_sheet(wb: Workbook, plan: Plan | None):
    ws = wb.active
    ws.title = PLAN_SHEET
    for col, (header, width) in enumerate((("Field", 22), ("Value", 60), ("Help", 60)), 1):
        cell = ws.cell(row=1, column=col, value=header)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        ws.column_dimensions[get_column_letter(col)].width = width
    values = {}
    if plan is not None:
        framework = plan.framework
        values = {
            "Country": plan.country,
            "Title": plan.title,
            "Period": f"{plan.period_start}-{plan.period_end}",
            "Status": plan.status,
            "Coordinating body": plan.coordinating_body,
            "Adoption reference": plan.adoption_reference,
            "Framework": f"{framework.code}@{framework.version}" if framework else "",
        }
    for row, (label, help_text) in enumerate(PLAN_FIELDS.items(), start=2):
        _write_row(ws, row, (label, values.get(label, ""), str(help_text)))
        ws.cell(row=row, column=1).font = Font(bold=True)
    ws.freeze_panes = "A2"
    _print_setup(ws)


def _instructions_sheet(wb: Workbook) -> None:
    """The Instructions sheet, in the user's language. Sheet names and column headers stay
    as they are: the import reads them."""
    ws = wb.create_sheet(INSTRUCTIONS_SHEET)
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 100
    limit = number_format(MAX_ACTIVITIES, force_grouping=True)
    lines = [
        (_("How to fill in this workbook"), ""),
        (PLAN_SHEET, _("One value per field in column B, as the Help column says.")),
        (
            ACTIVITIES_SHEET,
            _(
                "One row per activity. A row may also add one sub-activity, one budget line "
                "and one indicator to its activity: for a second budget line or indicator, add "
                "a row below with the same activity code (or leave the activity code and the "
                "activity empty, which continues the activity above). On such rows the "
                "chapter, goal, objective, output, lead body, partners, start, end and resources "
                "as written may be repeated or left empty; repeated values must be the same."
            ),
        ),
        (
            STAKEHOLDERS_SHEET,
            _("One row per responsible body. Activities refer to bodies by name."),
        ),
        (
            _("Dates"),
            _("YYYY-MM (2015-03), YYYY-MM-DD, MM/YYYY, an Excel date, or a year alone."),
        ),
        (
            _("Limits"),
            _(
                "At most %(limit)s activities per workbook. No merged cells and no "
                "formulas: type the values. Keep the sheet names and header rows as they are."
            )
            % {"limit": limit},
        ),
        (
            _("Not in the matrix"),
            _(
                "Narrative sections, tags, sub-activity timeframes and the indicators of goals, "
                "objectives and outputs. The JSON export of a plan carries everything."
            ),
        ),
        (
            _("Codes"),
            _(
                "A chapter, goal, objective, output or sub-activity may start with its code "
                "and a space: '1.2 Strengthen victim identification'. Text that starts with a "
                "number is read that way."
            ),
        ),
        ("", ""),
    ]
    what_to_write = _("What to write")
    tables = ((ACTIVITIES_SHEET, ACTIVITY_COLUMNS), (STAKEHOLDERS_SHEET, STAKEHOLDER_COLUMNS))
    for sheet, columns in tables:
        lines.append((_("%(sheet)s sheet column") % {"sheet": sheet}, what_to_write))
        lines.extend((column.header, str(column.help)) for column in columns)
        lines.append(("", ""))
    for row, values in enumerate(lines, start=1):
        _write_row(ws, row, values)
        if values[1] in ("", what_to_write) or row == 1:
            ws.cell(row=row, column=1).font = Font(bold=True)
    _print_setup(ws)
    ws.print_title_rows = None


def _workbook(plan: Plan | None):
    wb = Workbook()
    _plan_sheet(wb, plan)
    activities = _table_sheet(wb, ACTIVITIES_SHEET, ACTIVITY_COLUMNS)
    stakeholders = _table_sheet(wb, STAKEHOLDERS_SHEET, STAKEHOLDER_COLUMNS)
    _instructions_sheet(wb)
    return wb, activities, stakeholders


def _saved(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def import_template_xlsx() -> bytes:
    """The empty workbook people fill in: the sheets, headers and the Instructions."""
    wb, activities, stakeholders = _workbook(None)
    _finish_table(activities, ACTIVITY_COLUMNS)
    _finish_table(stakeholders, STAKEHOLDER_COLUMNS)
    return _saved(wb)


def _month(date) -> str:
    return date.strftime("%Y-%m") if date else ""


def _activity_rows(activity: Activity):
    """The matrix rows of one activity: its own columns repeated on each row, then the
    n-th sub-activity, budget line and indicator."""
    objective = activity.objective
    goal = objective.goal
    chapter = goal.chapter
    responsibilities = list(activity.responsibilities.all())
    leads = [r.stakeholder.name for r in responsibilities if r.role == Responsibility.Role.LEAD]
    partners = [r.stakeholder.name for r in responsibilities if r.role != "lead"]
    own = [
        join_code(chapter.code, chapter.title) if chapter else "",
        join_code(goal.code, goal.title),
        join_code(objective.code, objective.title),
        join_code(activity.output.code, activity.output.title) if activity.output else "",
        activity.code,
        activity.title,
    ]
    timeline = [
        leads[0] if leads else "",
        "; ".join(partners),
        _month(activity.start_month),
        _month(activity.end_month),
    ]
    subs = [join_code(s.code, s.title) for s in activity.sub_activities.all()]
    lines = list(activity.budget_lines.all())
    indicators = list(activity.indicators.all())
    for i in range(max(1, len(subs), len(lines), len(indicators))):
        line = lines[i] if i < len(lines) else None
        ind = indicators[i] if i < len(indicators) else None
        yield [
            *own,
            subs[i] if i < len(subs) else "",
            *timeline,
            *(
                (line.amount, line.currency, line.source, line.donor_name, line.status)
                if line
                else ("",) * 5
            ),
            *(
                (ind.definition, ind.unit, ind.baseline_value, ind.baseline_year)
                + (ind.target_value, ind.target_year, ind.means_of_verification)
                if ind
                else ("",) * 7
            ),
            activity.resources_as_written,
        ]


def plan_activities_for_export(plan: Plan):
    """The plan's activities in matrix order, with everything a row needs, in a fixed
    number of queries whatever the plan's size."""
    return (
        Activity.objects.filter(plan=plan)
        .select_related("objective__goal__chapter", "output")
        .prefetch_related(
            "sub_activities",
            "budget_lines",
            Prefetch("indicators", queryset=Indicator.objects.order_by("order", "pk")),
            Prefetch(
                "responsibilities",
                queryset=Responsibility.objects.select_related("stakeholder"),
            ),
        )
        .order_by(
            "objective__goal__chapter__order",
            "objective__goal__order",
            "objective__order",
            "order",
            "pk",
        )
    )


def plan_export_xlsx(*, plan: Plan) -> bytes:
    wb, activities_ws, stakeholders_ws = _workbook(plan)
    budget_col = next(i for i, c in enumerate(ACTIVITY_COLUMNS, 1) if c.key == "budget")
    style = _wrapped_style(activities_ws)
    row = 2
    for activity in plan_activities_for_export(plan):
        for values in _activity_rows(activity):
            _write_row(activities_ws, row, values, style)
            activities_ws.cell(row=row, column=budget_col).number_format = AMOUNT_FORMAT
            row += 1
    for row, body in enumerate(plan.stakeholders.order_by("order", "name"), start=2):
        _write_row(stakeholders_ws, row, (body.name, body.kind, body.role))
    _finish_table(activities_ws, ACTIVITY_COLUMNS)
    _finish_table(stakeholders_ws, STAKEHOLDER_COLUMNS)
    return _saved(wb)
