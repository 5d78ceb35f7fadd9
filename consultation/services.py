"""Writes of a consultation: a comment, a reply, the working group's decision."""

from django.db import transaction
from django.utils import timezone

from consultation.elements import element_chapter, element_label
from consultation.models import Comment, ElementKind, Reply, Resolution
from strategy.models import Plan, PlanMembership


def _organisation(plan: Plan, user) -> str:
    """Who a writer speaks for: a consultee's organisation; the working group otherwise."""
    membership = plan.memberships.filter(user=user, role=PlanMembership.Role.CONSULTEE).first()
    return membership.organisation if membership else ""


def comment_add(*, plan: Plan, kind: str, element=None, author, text: str) -> Comment:
    """A comment on `element` of kind `kind`, or on the plan as a whole (kind "plan")."""
    comment = Comment(plan=plan, element_kind=kind, author=author, text=text.strip())
    if kind == ElementKind.PLAN:
        comment.element_label = plan.title[:300]
    else:
        chapter = element_chapter(kind, element)
        comment.element_id = element.pk
        comment.element_label = element_label(element)
        comment.chapter = chapter
        comment.chapter_label = element_label(chapter) if chapter else ""
    comment.organisation = _organisation(plan, author)
    comment.full_clean()
    comment.save()
    return comment


def reply_add(*, comment: Comment, author, text: str) -> Reply:
    reply = Reply(
        comment=comment,
        author=author,
        organisation=_organisation(comment.plan, author),
        text=text.strip(),
    )
    reply.full_clean()
    reply.save()
    return reply


@transaction.atomic
def comment_resolve(*, comment: Comment, resolution: str, reason: str, user) -> Comment:
    """Accept or decline a comment, with the reason the consultee will read. A decision may
    be revised; it always names who took it and when."""
    comment.resolution = resolution
    comment.reason = reason.strip()
    comment.resolved_by = user
    comment.resolved_at = timezone.now() if resolution != Resolution.OPEN else None
    comment.full_clean()
    comment.save(update_fields=["resolution", "reason", "resolved_by", "resolved_at"])
    return comment
