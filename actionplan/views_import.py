"""Plan exchange pages: import a plan from a file (preview, then confirm), download the
import template, export a plan as an Excel activity matrix."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from actionplan.exchange.json_file_import import plan_import_json_file, plan_import_json_preview
from actionplan.exchange.plan_import import ImportRejected
from actionplan.exchange.xlsx_export import import_template_xlsx, plan_export_xlsx
from actionplan.exchange.xlsx_import import plan_import_xlsx, plan_import_xlsx_preview
from actionplan.forms_import import PlanImportConfirmForm, PlanImportForm
from actionplan.renderings import INLINE_EXPORT_LIMIT
from napplanner.renderings_views import rendering_response
from napplanner.roles import COORDINATOR, REVIEWER, has_role
from napplanner.upload_staging import (
    UploadAlreadyClaimed,
    upload_claim,
    upload_release,
    upload_stage,
)
from strategy.access import get_plan_for_user

# The session key under which a user's staged plan files wait for confirmation.
STAGING = "plan_import_uploads"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# kind of file -> (preview service, import service)
IMPORTERS = {
    "xlsx": (plan_import_xlsx_preview, plan_import_xlsx),
    "json": (plan_import_json_preview, plan_import_json_file),
}


def _require_importer(user) -> None:
    """Coordinators draft plans and reviewers import the plans they review; no one else."""
    if not (has_role(user, COORDINATOR) or has_role(user, REVIEWER)):
        raise PermissionDenied("Only coordinators and reviewers may import plans.")


def _xlsx_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_http_methods(["GET", "POST"])
@login_required
def plan_import(request):
    """GET: the upload form. POST: read the file and show what importing would create."""
    _require_importer(request.user)
    form = PlanImportForm(request.POST or None, request.FILES or None)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        preview_service, _ = IMPORTERS[form.kind]
        preview = preview_service(file=upload, user=request.user)
        context.update(preview=preview, file_name=upload.name, problems=preview.problems)
        if preview.is_valid:
            token = upload_stage(
                request, purpose=STAGING, file=upload, name=upload.name, kind=form.kind
            )
            context["confirm_form"] = PlanImportConfirmForm(initial={"token": token})
    status = 400 if request.method == "POST" and "confirm_form" not in context else 200
    return render(request, "actionplan/import.html", context, status=status)


@require_POST
@login_required
def plan_import_confirm(request):
    _require_importer(request.user)
    form = PlanImportConfirmForm(request.POST)
    token = form.cleaned_data["token"] if form.is_valid() else ""
    try:
        staged = upload_claim(request, purpose=STAGING, token=token)
    except UploadAlreadyClaimed:
        messages.warning(
            request,
            _("This file has already been imported once; the plan is among your plans."),
        )
        return redirect("actionplan:plan_import")
    if staged is None:
        messages.error(request, _("That preview has expired; upload the file again."))
        return redirect("actionplan:plan_import")
    import_service = IMPORTERS[staged.kind][1]
    confirmed = False
    try:
        with staged.open() as file:
            plan = import_service(file=file, user=request.user)
        confirmed = True
    except ImportRejected as exc:
        # The file was checked at preview; something it refers to changed since.
        context = {"form": PlanImportForm(), "file_name": staged.name, "problems": exc.problems}
        return render(request, "actionplan/import.html", context, status=400)
    finally:
        upload_release(request, purpose=STAGING, staged=staged, confirmed=confirmed)
    messages.success(request, f"Imported “{plan.title}” from {staged.name}.")
    return redirect("actionplan:workspace", plan.pk)


@require_GET
@login_required
def import_template(request):
    _require_importer(request.user)
    return _xlsx_response(import_template_xlsx(), "nap-planner-import-template.xlsx")


@require_GET
@login_required
def export_xlsx(request, plan_id: int):
    plan = get_plan_for_user(request, plan_id)
    if plan.activities.count() > INLINE_EXPORT_LIMIT:
        return rendering_response(request, kind="plan-xlsx", subject_id=plan.pk)
    name = slugify(f"{plan.country} {plan.title} {plan.period_label}")[:80] or "plan"
    return _xlsx_response(plan_export_xlsx(plan=plan), f"{name}.xlsx")
