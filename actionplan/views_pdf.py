"""The plan itself (strategy and action plan) as a PDF download."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from actionplan.plan_print import plan_pdf_render
from strategy.access import get_plan_for_user


@require_GET
@login_required
def plan_pdf(request, plan_id: int):
    plan = get_plan_for_user(request, plan_id)
    response = HttpResponse(plan_pdf_render(plan), content_type="application/pdf")
    name = slugify(f"{plan.country} {plan.title} {plan.period_label}")[:80] or "plan"
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response
