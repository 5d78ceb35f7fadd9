"""A period's monitoring report as PDF, made in the background (see napplanner.renderings)."""

from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from monitoring.access import get_period_rendering_for_user
from monitoring.models import ReportingPeriod
from monitoring.report import period_digest, period_report_pdf
from napplanner.renderings import RenderedFile, renderer_register

PDF = "application/pdf"


def _render(period_id: int) -> RenderedFile:
    period = ReportingPeriod.objects.select_related("plan").get(pk=period_id)
    plan = period.plan
    stem = slugify(f"monitoring {period.label} {plan.country} {plan.title}")[:100]
    return RenderedFile(period_report_pdf(period=period), f"{stem}.pdf", PDF)


def _download_url(period_id: int) -> str:
    period = ReportingPeriod.objects.get(pk=period_id)
    return reverse("monitoring:period_pdf", args=[period.plan_id, period.pk])


def register() -> None:
    renderer_register(
        kind="monitoring-pdf",
        label=_("the monitoring report as PDF"),
        fingerprint=period_digest,
        render=_render,
        subject_for_user=get_period_rendering_for_user,
        download_url=_download_url,
    )
