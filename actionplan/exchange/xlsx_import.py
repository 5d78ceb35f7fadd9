"""Import an Excel activity matrix into a new plan: preview first, then write.

Both steps read the whole workbook and validate every row; the write happens only for a
workbook without a single problem, in one transaction, with one bulk insert per table
(and per batch of rows), never a query per row.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction

from actionplan.exchange.xlsx_cells import WorkbookRefused, workbook_open
from actionplan.exchange.xlsx_graph import GraphBuilder, PlanGraph, plan_from_sheet
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
from actionplan.models import Activity, BudgetLine, Indicator, Output, Responsibility, SubActivity
from napplanner.problems import Problem, cell_problem
from standards.models import Framework
from strategy.models import (
    Chapter,
    Plan,
    PlanMembership,
    SpecificObjective,
    Stakeholder,
    StrategicGoal,
)

BATCH_SIZE = 500
PREVIEW_LIST_LIMIT = 50


class ImportRejected(Exception):
    """The workbook has problems; nothing was written."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s) in the workbook")
        self.problems = problems


@dataclass
class ImportPreview:
    """What an import will create, or the problems that stop it."""

    plan: Plan | None = None
    counts: dict[str, int] = field(default_factory=dict)
    chapters: list[str] = field(default_factory=list)
    goals: list[str] = field(default_factory=list)
    objectives: list[str] = field(default_factory=list)
    activities: list[str] = field(default_factory=list)
    stakeholders: list[str] = field(default_factory=list)
    new_bodies: list[str] = field(default_factory=list)
    budget_totals: list[tuple[str, Decimal]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.problems

    @property
    def more_activities(self) -> int:
        return max(0, self.counts.get("activities", 0) - len(self.activities))


def read_upload(file) -> bytes:
    if isinstance(file, bytes):
        return file
    if hasattr(file, "seek"):
        file.seek(0)
    # One byte more than allowed, so an oversized file is recognised without reading it all.
    return file.read(MAX_FILE_BYTES + 1)


def _frameworks() -> dict[str, Framework]:
    found = {}
    for framework in Framework.objects.order_by("code", "-loaded_at"):
        found.setdefault(f"{framework.code}@{framework.version}".casefold(), framework)
        if framework.is_current:
            found[framework.code.casefold()] = framework
    return found


def plan_graph_read(*, file) -> PlanGraph | list[Problem]:
    """The workbook as unsaved objects, or the list of its problems."""
    problems: list[Problem] = []
    try:
        workbook = workbook_open(read_upload(file))
    except WorkbookRefused as exc:
        return [cell_problem("", None, None, str(exc))]
    try:
        return _graph_from_workbook(workbook, problems)
    finally:
        workbook.close()  # a read-only workbook keeps its archive open until closed


def _graph_from_workbook(workbook, problems: list[Problem]) -> PlanGraph | list[Problem]:
    sheets = {
        name: sheet_get(workbook, name, problems)
        for name in (PLAN_SHEET, ACTIVITIES_SHEET, STAKEHOLDERS_SHEET)
    }
    if problems:
        return problems
    plan_values = plan_sheet_read(sheets[PLAN_SHEET], PLAN_FIELDS, problems)
    stakeholders = table_read(sheets[STAKEHOLDERS_SHEET], STAKEHOLDER_COLUMNS, problems)
    activities = table_read(sheets[ACTIVITIES_SHEET], ACTIVITY_COLUMNS, problems)
    plan = plan_from_sheet(plan_values, problems, _frameworks())
    if stakeholders is None or activities is None or not plan.period_start:
        return problems  # the rows cannot be checked against a sheet or period we lack
    builder = GraphBuilder(plan, problems)
    builder.stakeholders_read(stakeholders)
    builder.activities_read(activities)
    return problems or builder.graph


def _entries(store) -> list[str]:
    return [str(node) for node in list(store.values())[:PREVIEW_LIST_LIMIT]]


def plan_import_xlsx_preview(*, file, user) -> ImportPreview:
    """Read and check the whole workbook; say what confirming would create."""
    graph = plan_graph_read(file=file)
    if isinstance(graph, list):
        return ImportPreview(problems=graph)
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for line in graph.budget_lines:
        totals[line.currency] += line.amount
    activities = [entry.activity for entry in graph.activities.values()]
    return ImportPreview(
        plan=graph.plan,
        counts={
            "chapters": len(graph.chapters),
            "goals": len(graph.goals),
            "objectives": len(graph.objectives),
            "outputs": len(graph.outputs),
            "activities": len(activities),
            "sub_activities": len(graph.sub_activities),
            "budget_lines": len(graph.budget_lines),
            "indicators": len(graph.indicators),
            "stakeholders": len(graph.stakeholders),
        },
        chapters=_entries(graph.chapters),
        goals=_entries(graph.goals),
        objectives=_entries(graph.objectives),
        activities=[str(a) for a in activities[:PREVIEW_LIST_LIMIT]],
        stakeholders=[b.name for b in graph.stakeholders.values() if b not in graph.new_bodies],
        new_bodies=[body.name for body in graph.new_bodies],
        budget_totals=sorted(totals.items()),
    )


def plan_import_xlsx(*, file, user) -> Plan:
    """Create a new plan from the workbook, with `user` as its editor; all or nothing.

    Raises ImportRejected (and writes nothing) when any row has a problem.
    """
    graph = plan_graph_read(file=file)
    if isinstance(graph, list):
        raise ImportRejected(graph)
    plan = graph.plan
    with transaction.atomic():
        plan.full_clean()
        plan.save()
        membership = PlanMembership(plan=plan, user=user, role=PlanMembership.Role.EDITOR)
        membership.full_clean(validate_unique=False)
        membership.save()
        # Each object was full_clean-ed when the rows were read; the database constraints
        # (one lead, timeframe order, non-negative amounts) hold the rest.
        for model, objects in (
            (Stakeholder, list(graph.stakeholders.values())),
            (Chapter, list(graph.chapters.values())),
            (StrategicGoal, list(graph.goals.values())),
            (SpecificObjective, list(graph.objectives.values())),
            (Output, list(graph.outputs.values())),
            (Activity, [entry.activity for entry in graph.activities.values()]),
            (SubActivity, graph.sub_activities),
            (Responsibility, graph.responsibilities),
            (BudgetLine, graph.budget_lines),
            (Indicator, graph.indicators),
        ):
            model.objects.bulk_create(objects, batch_size=BATCH_SIZE)
    return plan
