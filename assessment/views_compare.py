"""Two review rounds side by side: score movement, findings and the plan's redline."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from assessment.access import get_review_for_user
from assessment.compare import reviews_comparable, reviews_compare

# A page lists this many findings of each kind and redline entries; the command's JSON
# gives them all.
SHOWN = 200


@require_GET
@login_required
def review_compare(request, review_id: int, other_id: int):
    review = get_review_for_user(request, review_id)
    other = get_review_for_user(request, other_id)
    if review.pk == other.pk or not reviews_comparable(review, other):
        raise Http404(_("These reviews do not compare: they are not of one plan or its successor."))
    comparison = reviews_compare(a=review, b=other)
    return render(
        request,
        "assessment/review_compare.html",
        {
            "review": review,
            "comparison": comparison,
            "before": comparison.before,
            "after": comparison.after,
            "chart": comparison.chart(),
            "shown": SHOWN,
        },
    )
