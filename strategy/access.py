"""One access helper per object, as every view must check who may see or change it.

A plan the user may not see answers 404 (its existence is not disclosed); a plan the
user may see but not change answers 403.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from strategy.models import Plan


def get_plan_for_user(request, plan_id: int) -> Plan:
    return get_object_or_404(Plan.objects.visible_to(request.user), pk=plan_id)


def get_plan_for_editor(request, plan_id: int) -> Plan:
    plan = get_plan_for_user(request, plan_id)
    if not can_edit_plan(request.user, plan):
        raise PermissionDenied("You may read this plan but not change it.")
    return plan


def can_edit_plan(user, plan: Plan) -> bool:
    return Plan.objects.editable_by(user).filter(pk=plan.pk).exists()
