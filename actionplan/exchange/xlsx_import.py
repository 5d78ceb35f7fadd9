"""Import an Excel activity matrix into a new plan: preview first, then write.

The workbook is read into a plan document (see `xlsx_document`) and handed to the one
importer, which validates it and writes it in one transaction of bulk inserts; every
problem is reported at the workbook's sheet, row and column.
"""

import logging
from functools import partial

from django.utils.translation import gettext_lazy as _

from actionplan.exchange.json_document import FORMAT, VERSION
from actionplan.exchange.plan_import import (
    ImportPreview,
    ImportRejected,
    SourceDocument,
    plan_file_import,
    plan_file_preview,
)
from actionplan.exchange.xlsx_cells import WorkbookRefused, workbook_open
from actionplan.exchange.xlsx_document import DocumentBuilder, WorkbookDocument, plan_from_sheet
from actionplan.exchange.xlsx_layout import (
    ACTIVITIES_SHEET,
    ACTIVITY_COLUMNS,
    MAX_FILE_BYTES,
    PLAN_FIELDS,
    PLAN_SHEET,
    STAKEHOLDER_COLUMNS,
    STAKEHOLDERS_SHEET,
)
from actionplan.exchange.xlsx_sheets import plan_sheet_read, sheet_get, table_read
from napplanner.problems import Problem, cell_problem
from napplanner.untrusted import WORKBOOK_DAMAGE
from standards.models import Framework
from strategy.models import Plan

log = logging.getLogger(__name__)

DAMAGED = _(
    "The workbook could not be read: a part of it is damaged or not what Excel writes. "
    "Open it in Excel or LibreOffice and save it again as an Excel workbook (.xlsx)."
)

__all__ = ["ImportPreview", "ImportRejected", "plan_import_xlsx", "plan_import_xlsx_preview"]


def read_upload(file, limit: int = MAX_FILE_BYTES) -> bytes:
    if isinstance(file, bytes):
        return file
    if hasattr(file, "seek"):
        file.seek(0)
    # One byte more than allowed, so an oversized file is recognised without reading it all.
    return file.read(limit + 1)


def _frameworks() -> dict[str, Framework]:
    found = {}
    for framework in Framework.objects.order_by("code", "-loaded_at"):
        found.setdefault(f"{framework.code}@{framework.version}".casefold(), framework)
        if framework.is_current:
            found[framework.code.casefold()] = framework
    return found


def workbook_document_read(file) -> SourceDocument:
    """The workbook as a plan document; raises ImportRejected with the problems of its
    cells and rows."""
    try:
        workbook = workbook_open(read_upload(file))
    except WorkbookRefused as exc:
        raise ImportRejected([cell_problem("", None, None, str(exc))]) from exc
    problems: list[Problem] = []
    try:
        result = _document_from_workbook(workbook, problems)
    except WORKBOOK_DAMAGE as exc:
        # The sheets are read lazily, so a damaged or hostile part shows only now.
        log.info("Refused a damaged workbook: %r", exc)
        raise ImportRejected([cell_problem("", None, None, str(DAMAGED))]) from exc
    finally:
        workbook.close()  # a read-only workbook keeps its archive open until closed
    if problems:
        raise ImportRejected(problems)
    return SourceDocument(
        document=result.document, problem_at=result.problem_at, new_bodies=result.new_bodies
    )


def _document_from_workbook(workbook, problems: list[Problem]) -> WorkbookDocument | None:
    sheets = {
        name: sheet_get(workbook, name, problems)
        for name in (PLAN_SHEET, ACTIVITIES_SHEET, STAKEHOLDERS_SHEET)
    }
    if problems:
        return None
    result = WorkbookDocument(document={"format": FORMAT, "version": VERSION})
    plan_values = plan_sheet_read(sheets[PLAN_SHEET], PLAN_FIELDS, problems)
    stakeholders = table_read(sheets[STAKEHOLDERS_SHEET], STAKEHOLDER_COLUMNS, problems)
    activities = table_read(sheets[ACTIVITIES_SHEET], ACTIVITY_COLUMNS, problems)
    plan = plan_from_sheet(plan_values, problems, _frameworks(), result)
    if stakeholders is None or activities is None or "period_start" not in plan:
        return None  # the rows cannot be checked against a sheet or period we lack
    builder = DocumentBuilder(result, problems)
    builder.stakeholders_read(stakeholders)
    builder.activities_read(activities)
    return result


def plan_import_xlsx_preview(*, file, user) -> ImportPreview:
    """Read and check the whole workbook; say what confirming would create."""
    return plan_file_preview(read=partial(workbook_document_read, file), user=user)


def plan_import_xlsx(*, file, user, name: str = "") -> Plan:
    """Create a new plan from the workbook, with `user` as its editor; all or nothing.

    Raises ImportRejected (and writes nothing) when any row has a problem."""
    return plan_file_import(read=partial(workbook_document_read, file), user=user, name=name)
