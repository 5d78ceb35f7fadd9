"""The history of a review: who changed its notes, ratings and dismissals, and how."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from assessment.access import get_review_for_user
from assessment.history_selectors import review_history_entries, review_history_rows

PER_PAGE = 50


@require_GET
@login_required
def review_history(request, review_id: int):
    review = get_review_for_user(request, review_id)
    page = Paginator(review_history_rows(review=review), PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "review": review,
        "page": page,
        "entries": review_history_entries(list(page.object_list)),
    }
    return render(request, "assessment/review_history.html", context)
