"""The plan itself (strategy and action plan) as a PDF download, made in the background."""

from django.contrib.auth.decorators import login_required
from django.views.decorators.http import require_GET

from napplanner.renderings_views import rendering_response
from strategy.access import get_plan_for_user


@require_GET
@login_required
def plan_pdf(request, plan_id: int):
    plan = get_plan_for_user(request, plan_id)
    return rendering_response(request, kind="plan-pdf", subject_id=plan.pk)
