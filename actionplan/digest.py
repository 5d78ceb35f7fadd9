"""A plan's content digest: every row of both tiers that its documents show."""

from actionplan.models import Activity, BudgetLine, Indicator, Output, Responsibility, SubActivity
from napplanner.digest import rows_digest
from strategy.digest import plan_strategy_rows


def plan_content_digest(plan_id: int) -> str:
    activity_rows = [
        Output.objects.filter(plan_id=plan_id),
        Activity.objects.filter(plan_id=plan_id),
        SubActivity.objects.filter(activity__plan_id=plan_id),
        Responsibility.objects.filter(activity__plan_id=plan_id),
        BudgetLine.objects.filter(activity__plan_id=plan_id),
        Indicator.objects.filter(plan_id=plan_id),
    ]
    activity_rows.extend(
        getattr(Activity, tag).through.objects.filter(activity__plan_id=plan_id)
        for tag in ("components", "areas", "principles")
    )
    return rows_digest([*plan_strategy_rows(plan_id), *activity_rows])
