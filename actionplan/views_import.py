"""Plan exchange pages: import a plan from a file (preview, then confirm), download the
import template, export a plan as an Excel activity matrix."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from actionplan.exchange.plan_import import ImportRejected
from actionplan.exchange.xlsx_export import import_template_xlsx, plan_export_xlsx
from actionplan.forms_import import PlanImportConfirmForm, PlanImportForm
from actionplan.imports import (
    BACKGROUND_IMPORT_LIMIT,
    IMPORTERS,
    job_problems,
    plan_import_job_create,
    plan_import_job_requeue_if_stale,
    plan_import_now,
)
from actionplan.models import PlanImportJob
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


def _require_importer(user) -> None:
    """Coordinators draft plans and reviewers import the plans they review; no one else."""
    if not (has_role(user, COORDINATOR) or has_role(user, REVIEWER)):
        raise PermissionDenied(_("Only coordinators and reviewers may import plans."))


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
        preview_service, _confirm_service = IMPORTERS[form.kind]
        preview = preview_service(file=upload, user=request.user)
        context.update(preview=preview, file_name=upload.name, problems=preview.problems)
        if preview.is_valid:
            token = upload_stage(
                request,
                purpose=STAGING,
                file=upload,
                name=upload.name,
                kind=form.kind,
                meta={"activities": preview.counts.get("activities", 0)},
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
    activities = staged.meta.get("activities", 0)
    if activities > BACKGROUND_IMPORT_LIMIT:
        job = plan_import_job_create(staged=staged, user=request.user, activities=activities)
        upload_release(request, purpose=STAGING, staged=staged, confirmed=True)
        return redirect("actionplan:import_job", job.pk)
    confirmed = False
    try:
        plan = plan_import_now(staged=staged, user=request.user)
        confirmed = True
    except ImportRejected as exc:
        # The file was checked at preview; something it refers to changed since.
        context = {"form": PlanImportForm(), "file_name": staged.name, "problems": exc.problems}
        return render(request, "actionplan/import.html", context, status=400)
    finally:
        upload_release(request, purpose=STAGING, staged=staged, confirmed=confirmed)
    messages.success(
        request,
        _("Imported “%(title)s” from %(file)s.") % {"title": plan.title, "file": staged.name},
    )
    return redirect("actionplan:workspace", plan.pk)


def _get_import_job_for_user(request, job_id: int) -> PlanImportJob:
    """A background import is its importer's alone; anyone else gets 404."""
    return get_object_or_404(
        PlanImportJob.objects.select_related("plan"), pk=job_id, user=request.user
    )


@require_GET
@login_required
def import_job(request, job_id: int):
    """The progress of a background import: a page, or (htmx) the fragment it polls."""
    job = _get_import_job_for_user(request, job_id)
    plan_import_job_requeue_if_stale(job=job)
    context = {"job": job, "problems": job_problems(job), "poll_seconds": 2}
    if request.htmx:
        return render(request, "actionplan/_import_job.html", context)
    return render(request, "actionplan/import_job.html", context)


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
