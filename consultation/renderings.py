"""The consultation summary as PDF, made in the background (see napplanner.renderings)."""

from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from consultation.documents import summary_pdf
from consultation.models import Comment, Reply
from napplanner.digest import rows_digest
from napplanner.renderings import RenderedFile, renderer_register
from strategy.access import get_plan_for_user
from strategy.models import Plan

PDF = "application/pdf"


def summary_filename(plan: Plan, extension: str) -> str:
    stem = slugify(f"consultation {plan.country} {plan.period_label}")[:100] or "consultation"
    return f"{stem}-{plan.pk}.{extension}"


def consultation_digest(plan_id: int) -> str:
    """Everything the summary shows: the plan's heading, its comments and their replies."""
    return rows_digest(
        [
            Plan.objects.filter(pk=plan_id),
            Comment.objects.filter(plan_id=plan_id),
            Reply.objects.filter(comment__plan_id=plan_id),
        ]
    )


def _render(plan_id: int) -> RenderedFile:
    plan = Plan.objects.get(pk=plan_id)
    return RenderedFile(summary_pdf(plan=plan), summary_filename(plan, "pdf"), PDF)


def register() -> None:
    renderer_register(
        kind="consultation-pdf",
        label=_("the consultation summary as PDF"),
        fingerprint=consultation_digest,
        render=_render,
        subject_for_user=get_plan_for_user,
        download_url=lambda plan_id: reverse("consultation:summary_pdf", args=[plan_id]),
    )
