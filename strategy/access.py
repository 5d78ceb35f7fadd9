"""One access helper per object, as every view must check who may see or change it.

A plan the user may not see answers 404 (its existence is not disclosed); a plan the
user may see but not change answers 403.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from strategy.models import Plan, PlanMembership, PlanStatus, Section, Stakeholder


def get_plan_for_user(request, plan_id: int) -> Plan:
    return get_object_or_404(Plan.objects.visible_to(request.user), pk=plan_id)


def get_plan_for_working_group(request, plan_id: int) -> Plan:
    """The plan for what goes beyond reading it (its reviews, its exchange file): a user
    who sees the plan only as a consultee gets 404, as an outsider does."""
    queryset = Plan.objects.visible_to(request.user, consultees=False)
    return get_object_or_404(queryset, pk=plan_id)


def consults_only(user, plan: Plan) -> bool:
    """Whether `user` sees `plan` only as a consultee (no query outside consultation)."""
    if plan.status != PlanStatus.CONSULTATION:
        return False
    return not Plan.objects.visible_to(user, consultees=False).filter(pk=plan.pk).exists()


def get_plan_for_editor(request, plan_id: int, *, working_group: bool = False) -> Plan:
    """The plan for its editors: 403 to others who may read it. With `working_group`, the
    plan is looked up as `get_plan_for_working_group` does, so a consultee gets 404."""
    lookup = get_plan_for_working_group if working_group else get_plan_for_user
    plan = lookup(request, plan_id)
    if not can_edit_plan(request.user, plan):
        raise PermissionDenied(_("You may read this plan but not change it."))
    return plan


def can_edit_plan(user, plan: Plan) -> bool:
    return Plan.objects.editable_by(user).filter(pk=plan.pk).exists()


def get_section_for_editor(request, plan_id: int, section_id: int) -> Section:
    plan = get_plan_for_editor(request, plan_id)
    return get_object_or_404(Section.objects.select_related("plan"), plan=plan, pk=section_id)


def get_stakeholder_for_editor(request, plan_id: int, stakeholder_id: int) -> Stakeholder:
    plan = get_plan_for_editor(request, plan_id)
    return get_object_or_404(
        Stakeholder.objects.select_related("plan"), plan=plan, pk=stakeholder_id
    )


def get_membership_for_editor(request, plan_id: int, membership_id: int) -> PlanMembership:
    plan = get_plan_for_editor(request, plan_id)
    return get_object_or_404(
        PlanMembership.objects.select_related("plan", "user"), plan=plan, pk=membership_id
    )
