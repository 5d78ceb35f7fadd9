"""The collection workbook of a body for a period: download it, and read it back with a
preview before anything is written (the plan import's flow)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from monitoring import access
from monitoring.forms import CollectionConfirmForm, CollectionUploadForm
from monitoring.workbook import collection_import, collection_preview, collection_workbook
from napplanner.upload_staging import (
    UploadAlreadyClaimed,
    upload_claim,
    upload_release,
    upload_stage,
)

STAGING = "monitoring_collection_uploads"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _period_and_body(request, plan_id: int, period_id: int, body_id: int):
    period = access.get_period_for_user(request, plan_id, period_id)
    return period, access.get_body_for_reporter(request, period, body_id)


@require_GET
@login_required
def workbook_download(request, plan_id: int, period_id: int, body_id: int):
    period, body = _period_and_body(request, plan_id, period_id, body_id)
    response = HttpResponse(collection_workbook(period=period, body=body), content_type=XLSX_TYPE)
    name = slugify(f"{period.label} {body.abbreviation or body.name}")[:80] or "collection"
    response["Content-Disposition"] = f'attachment; filename="monitoring-{name}.xlsx"'
    return response


def _page(request, period, body, **context):
    context = {
        "plan": period.plan,
        "active": "monitoring",
        "period": period,
        "body": body,
    } | context
    form = context.get("form")
    refused = context.get("problems") or (form is not None and form.is_bound and form.errors)
    status = 400 if refused else 200
    return render(request, "monitoring/workbook_import.html", context, status=status)


@require_http_methods(["GET", "POST"])
@login_required
def workbook_import(request, plan_id: int, period_id: int, body_id: int):
    """GET: the upload form. POST: read the file and show what importing would write."""
    period, body = _period_and_body(request, plan_id, period_id, body_id)
    if request.method == "GET":
        return _page(request, period, body, form=CollectionUploadForm())
    form = CollectionUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, period, body, form=form)
    upload = form.cleaned_data["file"]
    preview = collection_preview(data=upload, period=period, body=body, user=request.user)
    context = {"form": form, "preview": preview, "problems": preview.problems}
    context["file_name"] = upload.name
    if preview.is_valid:
        token = upload_stage(
            request,
            purpose=STAGING,
            file=upload,
            name=upload.name,
            meta={"period": period.pk, "body": body.pk},
        )
        context["confirm_form"] = CollectionConfirmForm(initial={"token": token})
    return _page(request, period, body, **context)


@require_POST
@login_required
def workbook_confirm(request, plan_id: int, period_id: int, body_id: int):
    period, body = _period_and_body(request, plan_id, period_id, body_id)
    form = CollectionConfirmForm(request.POST)
    token = form.cleaned_data["token"] if form.is_valid() else ""
    again = redirect("monitoring:workbook_import", plan_id, period.pk, body.pk)
    try:
        staged = upload_claim(request, purpose=STAGING, token=token)
    except UploadAlreadyClaimed:
        messages.warning(request, _("This workbook has already been imported once."))
        return again
    if staged is None or staged.meta != {"period": period.pk, "body": body.pk}:
        if staged is not None:
            upload_release(request, purpose=STAGING, staged=staged, confirmed=False)
        messages.error(request, _("That preview has expired; upload the workbook again."))
        return again
    confirmed = False
    try:
        result = collection_import(data=staged.data, period=period, body=body, user=request.user)
        confirmed = not result.problems
    finally:
        upload_release(request, purpose=STAGING, staged=staged, confirmed=confirmed)
    if result.problems:
        return _page(
            request,
            period,
            body,
            form=CollectionUploadForm(),
            problems=result.problems,
            file_name=staged.name,
        )
    messages.success(
        request,
        _("%(count)s reports of %(body)s were imported and handed in.")
        % {"count": len(result.rows), "body": body.name},
    )
    return redirect("monitoring:desk", plan_id, period.pk)
