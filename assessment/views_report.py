"""The review report as a web page and as a PDF, from the same templates and context."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from assessment.models import Review
from assessment.report import report_context
from napplanner.renderings_views import rendering_response


def _get_review_for_user(request, review_id: int) -> Review:
    """A review of a plan the user may see; 404 otherwise, as for the plan itself."""
    return get_object_or_404(Review.objects.visible_to(request.user), pk=review_id)


@require_GET
@login_required
def report(request, review_id: int):
    review = _get_review_for_user(request, review_id)
    return render(request, "assessment/report.html", report_context(review))


@require_GET
@login_required
def report_download(request, review_id: int):
    review = _get_review_for_user(request, review_id)
    return rendering_response(request, kind="review-pdf", subject_id=review.pk)
