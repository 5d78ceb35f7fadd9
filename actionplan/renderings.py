"""The plan's long downloads, made in the background (see napplanner.renderings): the PDF
always, Word and Excel once a plan is larger than a request should carry."""

from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from actionplan.digest import plan_content_digest
from actionplan.exchange.docx_export import plan_export_docx
from actionplan.exchange.xlsx_export import plan_export_xlsx
from actionplan.plan_print import plan_pdf_render
from napplanner.renderings import RenderedFile, renderer_register
from strategy.access import get_plan_for_user
from strategy.models import Plan

# Up to this many activities a Word or Excel export is made inside the request.
INLINE_EXPORT_LIMIT = 200

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def plan_filename(plan: Plan, extension: str) -> str:
    stem = slugify(f"{plan.country} {plan.title} {plan.period_start}-{plan.period_end}")
    return f"{stem[:100] or f'plan-{plan.pk}'}.{extension}"


def _rendered(build, extension: str, content_type: str):
    def render(plan_id: int) -> RenderedFile:
        plan = Plan.objects.get(pk=plan_id)
        return RenderedFile(build(plan), plan_filename(plan, extension), content_type)

    return render


def register() -> None:
    formats = [
        ("plan-pdf", _("the plan as PDF"), plan_pdf_render, "pdf", PDF, "actionplan:plan_pdf"),
        (
            "plan-docx",
            _("the plan as a Word document"),
            lambda plan: plan_export_docx(plan=plan),
            "docx",
            DOCX,
            "actionplan:export_docx",
        ),
        (
            "plan-xlsx",
            _("the plan as an Excel workbook"),
            lambda plan: plan_export_xlsx(plan=plan),
            "xlsx",
            XLSX,
            "actionplan:export_xlsx",
        ),
    ]
    for kind, label, build, extension, content_type, url_name in formats:
        renderer_register(
            kind=kind,
            label=label,
            fingerprint=plan_content_digest,
            render=_rendered(build, extension, content_type),
            subject_for_user=get_plan_for_user,
            download_url=lambda plan_id, url_name=url_name: reverse(url_name, args=[plan_id]),
        )
