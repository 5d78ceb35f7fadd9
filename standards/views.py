from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from napplanner.roles import STANDARDS_ADMIN, has_role
from napplanner.upload_staging import (
    UploadAlreadyClaimed,
    upload_claim,
    upload_release,
    upload_stage,
)
from standards.documents import CatalogueInvalid
from standards.forms import ChecklistUploadForm
from standards.models import Framework
from standards.selectors import framework_catalogue, framework_versions
from standards.services import (
    catalogue_parse,
    framework_export_json,
    framework_export_xlsx,
    framework_export_yaml,
    framework_load,
    framework_make_current,
    framework_preview,
)

# The session key under which the previewed checklist's token waits for confirmation.
PENDING = "standards_pending_upload"
EXPORTS = {
    "yaml": ("application/yaml; charset=utf-8", framework_export_yaml),
    "json": ("application/json; charset=utf-8", framework_export_json),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        framework_export_xlsx,
    ),
}


def _require_standards_admin(request) -> None:
    if not has_role(request.user, STANDARDS_ADMIN):
        raise PermissionDenied(_("Only standards admins manage the checklists."))


def _get_framework(code: str, version: str) -> Framework:
    return get_object_or_404(Framework, code=code, version=version)


@require_GET
@login_required
def index(request):
    frameworks = framework_versions()
    return render(
        request,
        "standards/index.html",
        {
            "current": [f for f in frameworks if f.is_current],
            "older": [f for f in frameworks if not f.is_current],
            "is_standards_admin": has_role(request.user, STANDARDS_ADMIN),
        },
    )


@require_GET
@login_required
def framework_detail(request, code, version):
    framework = _get_framework(code, version)
    return render(
        request,
        "standards/framework_detail.html",
        {"framework": framework, **framework_catalogue(framework=framework)},
    )


@require_GET
@login_required
def framework_export(request, code, version, fmt):
    framework = _get_framework(code, version)
    if fmt not in EXPORTS:
        raise Http404("Exports are YAML, JSON or XLSX.")
    content_type, export = EXPORTS[fmt]
    response = HttpResponse(export(framework=framework), content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{framework.code}-{framework.version}.{fmt}"
    )
    return response


@require_POST
@login_required
def make_current(request, code, version):
    _require_standards_admin(request)
    framework = framework_make_current(framework=_get_framework(code, version))
    messages.success(
        request, _("%(framework)s is now the current version.") % {"framework": framework.label}
    )
    return redirect("standards:manage")


@require_GET
@login_required
def manage(request):
    _require_standards_admin(request)
    return _manage_page(request, ChecklistUploadForm())


def _manage_page(request, form, problems=(), status=200):
    return render(
        request,
        "standards/manage.html",
        {
            "form": form,
            "problems": problems,
            "frameworks": framework_versions(),
        },
        status=status,
    )


@require_POST
@login_required
def upload(request):
    _require_standards_admin(request)
    form = ChecklistUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _manage_page(request, form, status=400)
    upload_file = form.cleaned_data["file"]
    content = upload_file.read()
    name = upload_file.name
    try:
        catalogue = catalogue_parse(content=content, source_name=name)
        report = framework_preview(catalogue=catalogue, source_name=name)
    except CatalogueInvalid as exc:
        return _manage_page(request, form, problems=exc.problems, status=400)
    token = upload_stage(request, purpose=PENDING, data=content, name=name)
    return render(request, "standards/preview.html", {"report": report, "token": token})


@require_POST
@login_required
def upload_confirm(request):
    _require_standards_admin(request)
    try:
        staged = upload_claim(request, purpose=PENDING, token=request.POST.get("token", ""))
    except UploadAlreadyClaimed:
        messages.warning(request, _("This checklist has already been loaded once."))
        return redirect("standards:manage")
    if staged is None:
        messages.error(
            request, _("There is no checklist waiting for confirmation; upload it again.")
        )
        return redirect("standards:manage")
    confirmed = False
    try:
        report = framework_load(document=staged.data, source_name=staged.name)
        confirmed = True
    except CatalogueInvalid as exc:
        # The catalogue may have changed since the preview (another admin loaded it).
        return _manage_page(request, ChecklistUploadForm(), problems=exc.problems, status=400)
    finally:
        upload_release(request, purpose=PENDING, staged=staged, confirmed=confirmed)
    messages.success(request, report.summary())
    return redirect("standards:framework_detail", code=report.code, version=report.version)
