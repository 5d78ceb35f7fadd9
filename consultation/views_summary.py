"""The consultation summary: a page, a Word file and a PDF. Whoever may read the plan may
read its consultation, consultees included (a plan's consultation is public to them)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from consultation.documents import summary_docx as summary_docx_build
from consultation.renderings import summary_filename
from consultation.selectors import consultation_summary
from napplanner.renderings_views import rendering_response
from strategy.access import can_edit_plan, consults_only, get_plan_for_user

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@require_GET
@login_required
def summary(request, plan_id: int):
    plan = get_plan_for_user(request, plan_id)
    editable = can_edit_plan(request.user, plan)
    context = {
        "plan": plan,
        "active": "consultation",
        "summary": consultation_summary(plan=plan),
        "consults_only": not editable and consults_only(request.user, plan),
    }
    return render(request, "consultation/summary.html", context)


@require_GET
@login_required
def summary_docx(request, plan_id: int):
    plan = get_plan_for_user(request, plan_id)
    response = HttpResponse(summary_docx_build(plan=plan), content_type=DOCX)
    disposition = content_disposition_header(True, summary_filename(plan, "docx"))
    response["Content-Disposition"] = disposition
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
@login_required
def summary_pdf(request, plan_id: int):
    plan = get_plan_for_user(request, plan_id)
    return rendering_response(request, kind="consultation-pdf", subject_id=plan.pk)
