"""The review report as PDF, made in the background (see napplanner.renderings)."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from actionplan.digest import plan_content_digest
from assessment.models import Finding, Note, Rating, RejectedSuggestion, Review, ReviewSnapshot
from assessment.report import report_pdf
from assessment.rounds import review_snapshot
from napplanner.digest import rows_digest
from napplanner.renderings import RenderedFile, renderer_register


def review_content_digest(review_id: int) -> str:
    """Everything the report shows: the review and its results, and the plan reviewed; for
    a final review the snapshot of the plan stored then, never the plan as it is now."""
    review = Review.objects.get(pk=review_id)
    own = rows_digest(
        [
            Review.objects.filter(pk=review_id),
            Finding.objects.filter(review_id=review_id),
            Rating.objects.filter(review_id=review_id),
            Note.objects.filter(review_id=review_id),
            RejectedSuggestion.objects.filter(review_id=review_id),
        ]
    )
    if review_snapshot(review) is not None:
        return f"{own}:{rows_digest([ReviewSnapshot.objects.filter(review_id=review_id)])}"
    return f"{own}:{plan_content_digest(review.plan_id)}"


def review_report_filename(review: Review) -> str:
    name = slugify(f"review {review.plan.country} {review.plan.period_label}") or "review"
    return f"{name}-{review.pk}.pdf"


def _render(review_id: int) -> RenderedFile:
    review = Review.objects.select_related("plan", "framework").get(pk=review_id)
    return RenderedFile(report_pdf(review), review_report_filename(review), "application/pdf")


def _review_for_user(request, review_id: int) -> Review:
    return get_object_or_404(Review.objects.visible_to(request.user), pk=review_id)


def register() -> None:
    renderer_register(
        kind="review-pdf",
        label=_("the review report as PDF"),
        fingerprint=review_content_digest,
        render=_render,
        subject_for_user=_review_for_user,
        download_url=lambda review_id: reverse("assessment:report_pdf", args=[review_id]),
    )
