from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from actionplan.charts import budget_svg, timeline_svg
from actionplan.resources import resource_plan
from actionplan.selectors import timeline_groups
from strategy.access import consults_only, get_plan_for_user


@require_GET
@login_required
def timeline(request, plan_id: int):
    plan = get_plan_for_user(request, plan_id)
    groups = timeline_groups(plan)
    chart = timeline_svg(
        period_start=plan.period_start,
        period_end=plan.period_end,
        groups=groups,
        title=_("Timeline of activities: %(title)s") % {"title": plan.title},
    )
    return render(
        request,
        "actionplan/timeline.html",
        {
            "plan": plan,
            "groups": groups,
            "chart": chart,
            "active": "timeline",
            "consults_only": consults_only(request.user, plan),
        },
    )


@require_GET
@login_required
def resources(request, plan_id: int):
    plan = get_plan_for_user(request, plan_id)
    resource = resource_plan(plan)
    currencies = [
        (c, budget_svg(currency=c.currency, rows=c.source_rows())) for c in resource.currencies
    ]
    return render(
        request,
        "actionplan/resources.html",
        {
            "plan": plan,
            "resource": resource,
            "currencies": currencies,
            "active": "resources",
            "consults_only": consults_only(request.user, plan),
        },
    )
