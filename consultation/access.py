"""One access helper per object. A comment of a plan the user may not see answers 404;
while the plan is out of consultation, or to someone who may read the plan but neither
edits it nor is consulted on it, a comment or a reply answers 403."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from consultation.models import Comment
from strategy.access import can_edit_plan, get_plan_for_editor, get_plan_for_user
from strategy.models import Plan, PlanMembership, PlanStatus


def is_consultee(user, plan: Plan) -> bool:
    return plan.memberships.filter(user=user, role=PlanMembership.Role.CONSULTEE).exists()


def may_comment(user, plan: Plan) -> bool:
    """Consultees and the plan's editors write in its threads while it is in consultation."""
    if plan.status != PlanStatus.CONSULTATION:
        return False
    return is_consultee(user, plan) or can_edit_plan(user, plan)


def get_plan_for_commenter(request, plan_id: int) -> Plan:
    plan = get_plan_for_user(request, plan_id)
    if plan.status != PlanStatus.CONSULTATION:
        raise PermissionDenied(_("Comments are written while the plan is in consultation."))
    if not may_comment(request.user, plan):
        raise PermissionDenied(_("Only consultees and the plan's editors comment on it."))
    return plan


def get_comment_for_commenter(request, plan_id: int, comment_id: int) -> Comment:
    plan = get_plan_for_commenter(request, plan_id)
    return get_object_or_404(plan.comments.all(), pk=comment_id)


def get_comment_for_editor(request, plan_id: int, comment_id: int) -> Comment:
    """Editors decide on comments during the consultation and after it, until the plan is
    archived."""
    plan = get_plan_for_editor(request, plan_id)
    return get_object_or_404(plan.comments.all(), pk=comment_id)
