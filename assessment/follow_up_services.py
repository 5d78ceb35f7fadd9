"""Writes of the follow-up of recommendations, done by the editors of the plan that
follows the reviewed one: link an element of their plan to a recommendation it answers,
take a link back, confirm (or override) the status the engine suggests.

A link or a status is only ever about a recommendation of the final review the plan
follows up (`follow_up_selectors.follow_up_review`): anything else is refused.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from assessment.follow_up_selectors import follow_up_review
from assessment.models import (
    LINKED_ELEMENTS,
    FollowUpStatus,
    Note,
    RecommendationFollowUp,
    RecommendationLink,
)
from strategy.models import Plan


def _refuse_foreign(*, plan: Plan, recommendation: Note) -> None:
    review = follow_up_review(plan=plan)
    if review is None:
        raise ValidationError(_("This plan follows no plan with a final review to follow up."))
    if recommendation.review_id != review.pk or recommendation.kind != Note.Kind.RECOMMENDATION:
        raise ValidationError(
            {
                "recommendation": _(
                    "Only a recommendation of the final review of the plan this plan follows "
                    "(%(review)s) can be linked or followed up here."
                )
                % {"review": review}
            }
        )


@transaction.atomic
def recommendation_link(
    *, plan: Plan, recommendation: Note, element_type: str, element, user
) -> RecommendationLink:
    """Link an element of `plan` to a recommendation it answers; linking twice is one link."""
    _refuse_foreign(plan=plan, recommendation=recommendation)
    if element_type not in LINKED_ELEMENTS:
        raise ValidationError(
            _("Only a chapter, goal, objective, output or activity can be linked.")
        )
    if element.plan_id != plan.pk:
        raise ValidationError({"element": _("This element belongs to another plan.")})
    existing = RecommendationLink.objects.filter(
        recommendation=recommendation, **{element_type: element}
    ).first()
    if existing is not None:
        return existing
    link = RecommendationLink(
        recommendation=recommendation, plan=plan, created_by=user, **{element_type: element}
    )
    link.full_clean(exclude=["created_by"])
    link.save()
    return link


def recommendation_unlink(*, link: RecommendationLink, user) -> None:
    link.delete()


@transaction.atomic
def recommendation_confirm(
    *, plan: Plan, recommendation: Note, status: str, user
) -> RecommendationFollowUp | None:
    """Confirm a recommendation's status in `plan` (the suggested one or another), noting
    who and when; an empty status takes a confirmation back."""
    _refuse_foreign(plan=plan, recommendation=recommendation)
    if status and status not in FollowUpStatus.values:
        raise ValidationError({"status": _("Choose not addressed, partly addressed or addressed.")})
    existing = RecommendationFollowUp.objects.filter(
        plan=plan, recommendation=recommendation
    ).first()
    if not status:
        if existing is not None:
            existing.delete()
        return None
    follow_up = existing or RecommendationFollowUp(plan=plan, recommendation=recommendation)
    follow_up.status = status
    follow_up.confirmed_by = user
    follow_up.confirmed_at = timezone.now()
    follow_up.full_clean(validate_unique=False, validate_constraints=False)
    follow_up.save()
    return follow_up
