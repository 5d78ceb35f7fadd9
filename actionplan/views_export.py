"""Downloads of a whole plan: the JSON document and the Word file. Anyone who may see
the plan may download its Word file; the JSON document, made to move a plan between
installations (it names the previous plan too), is the working group's and reviewers',
not a consultee's. A plan the user may not see answers 404."""

import json

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from actionplan.exchange.docx_export import plan_export_docx
from actionplan.exchange.json_export import plan_export_json
from actionplan.renderings import DOCX, INLINE_EXPORT_LIMIT, plan_filename
from napplanner.renderings_views import rendering_response
from strategy.access import get_plan_for_user, get_plan_for_working_group


@require_GET
@login_required
def export_json(request, plan_id: int):
    plan = get_plan_for_working_group(request, plan_id)
    text = json.dumps(plan_export_json(plan=plan), ensure_ascii=False, indent=2) + "\n"
    return _download(text.encode("utf-8"), "application/json", plan_filename(plan, "json"))


@require_GET
@login_required
def export_docx(request, plan_id: int):
    plan = get_plan_for_user(request, plan_id)
    if plan.activities.count() > INLINE_EXPORT_LIMIT:
        return rendering_response(request, kind="plan-docx", subject_id=plan.pk)
    return _download(plan_export_docx(plan=plan), DOCX, plan_filename(plan, "docx"))


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response
