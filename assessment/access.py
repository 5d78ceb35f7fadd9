"""One access helper per object. A review of a plan the user may not see answers 404;
a review the user may see but is not a reviewer of (or that is final) answers 403."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from assessment.models import Review


def get_review_for_user(request, review_id: int) -> Review:
    queryset = Review.objects.visible_to(request.user).select_related("plan", "framework")
    return get_object_or_404(queryset, pk=review_id)


def can_change_review(user, review: Review) -> bool:
    if review.is_final:
        return False
    return user.is_superuser or review.reviewers.filter(pk=user.pk).exists()


def get_review_for_reviewer(request, review_id: int) -> Review:
    review = get_review_for_user(request, review_id)
    if review.is_final:
        raise PermissionDenied(_("This review is final: it can no longer change."))
    if not can_change_review(request.user, review):
        raise PermissionDenied(_("Only the review's reviewers may change it."))
    return review
