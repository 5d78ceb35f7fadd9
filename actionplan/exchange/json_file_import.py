"""The import page's adapter for JSON plan documents: the same preview-then-confirm
steps as for a workbook, on top of `plan_import_json`.

The JSON importer validates while it builds, so its preview is a dry run: the plan is
created inside a savepoint, described, and rolled back. Nothing of it remains.
"""

from collections import defaultdict
from decimal import Decimal

from django.db import transaction

from actionplan.exchange.json_document import PlanDocumentError, document_load
from actionplan.exchange.json_import import plan_import_json
from actionplan.exchange.xlsx_import import (
    PREVIEW_LIST_LIMIT,
    ImportPreview,
    ImportRejected,
    read_upload,
)
from actionplan.exchange.xlsx_layout import MAX_FILE_BYTES
from actionplan.models import BudgetLine, SubActivity
from napplanner.problems import Problem, cell_problem
from strategy.models import Plan


class _DryRun(Exception):
    pass


def _problems(exc: PlanDocumentError) -> list[Problem]:
    return [cell_problem("", None, None, str(issue)) for issue in exc.issues]


def _document(file) -> dict:
    data = read_upload(file)
    if len(data) > MAX_FILE_BYTES:
        message = f"The file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB."
        raise ImportRejected([cell_problem("", None, None, message)])
    try:
        return document_load(data)
    except PlanDocumentError as exc:
        raise ImportRejected(_problems(exc)) from exc


def _describe(plan: Plan) -> ImportPreview:
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for currency, amount in BudgetLine.objects.filter(activity__plan=plan).values_list(
        "currency", "amount"
    ):
        totals[currency] += amount
    activities = plan.activities.order_by("order", "pk")
    return ImportPreview(
        plan=plan,
        counts={
            "chapters": plan.chapters.count(),
            "goals": plan.goals.count(),
            "objectives": plan.objectives.count(),
            "outputs": plan.outputs.count(),
            "activities": activities.count(),
            "sub_activities": SubActivity.objects.filter(activity__plan=plan).count(),
            "budget_lines": BudgetLine.objects.filter(activity__plan=plan).count(),
            "indicators": plan.indicators.count(),
            "stakeholders": plan.stakeholders.count(),
        },
        goals=[str(g) for g in plan.goals.order_by("order", "pk")[:PREVIEW_LIST_LIMIT]],
        objectives=[str(o) for o in plan.objectives.order_by("order", "pk")[:PREVIEW_LIST_LIMIT]],
        activities=[str(a) for a in activities[:PREVIEW_LIST_LIMIT]],
        stakeholders=list(
            plan.stakeholders.order_by("order", "name").values_list("name", flat=True)
        ),
        budget_totals=sorted(totals.items()),
    )


def plan_import_json_preview(*, file, user) -> ImportPreview:
    try:
        document = _document(file)
        with transaction.atomic():
            preview = _describe(plan_import_json(document=document, user=user))
            raise _DryRun
    except _DryRun:
        preview.plan.pk = None
        return preview
    except ImportRejected as exc:
        return ImportPreview(problems=exc.problems)
    except PlanDocumentError as exc:
        return ImportPreview(problems=_problems(exc))


def plan_import_json_file(*, file, user) -> Plan:
    try:
        return plan_import_json(document=_document(file), user=user)
    except PlanDocumentError as exc:
        raise ImportRejected(_problems(exc)) from exc
