"""One access helper per monitoring object.

Who may do what:
- the plan's editors coordinate monitoring: they set the rhythm, open, close and publish
  periods, name focal points, read every report and approve or return it;
- a focal point (a user linked to one of the plan's responsible bodies) reads the plan and
  sees and edits only the reports of their own bodies, while the period is open;
- everyone who may read the plan sees the approved reports of published periods.

A plan the user may not see answers 404; a plan they may see but an object they may not
touch answers 403.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from monitoring.models import ActivityReport, FocalPoint, ReportingPeriod
from strategy import access as strategy_access
from strategy.access import can_edit_plan, get_plan_for_working_group
from strategy.models import Plan, Stakeholder


def focal_bodies(user, plan: Plan) -> set[int]:
    """The ids of the plan's bodies `user` reports for."""
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(
        FocalPoint.objects.filter(user=user, body__plan=plan).values_list("body_id", flat=True)
    )


def get_plan_for_user(request, plan_id: int) -> Plan:
    """The plan, for anyone of its working group who may read it. Monitoring is the
    working group's business: a consultee, who reads the plan only while it is in
    consultation, gets 404 here as an outsider does."""
    return get_plan_for_working_group(request, plan_id)


def get_plan_for_editor(request, plan_id: int) -> Plan:
    return strategy_access.get_plan_for_editor(request, plan_id, working_group=True)


def get_plan_for_monitoring(request, plan_id: int) -> Plan:
    """The plan, for anyone who may read it."""
    return get_plan_for_user(request, plan_id)


def get_plan_for_coordinator(request, plan_id: int) -> Plan:
    return get_plan_for_editor(request, plan_id)


def get_period_for_user(request, plan_id: int, period_id: int) -> ReportingPeriod:
    plan = get_plan_for_user(request, plan_id)
    return get_object_or_404(
        ReportingPeriod.objects.select_related("plan"), plan=plan, pk=period_id
    )


def get_period_for_desk(request, plan_id: int, period_id: int) -> tuple[ReportingPeriod, bool]:
    """The period and whether the user coordinates it; refused to anyone who neither
    coordinates nor reports for a body."""
    period = get_period_for_user(request, plan_id, period_id)
    if can_edit_plan(request.user, period.plan):
        return period, True
    if not focal_bodies(request.user, period.plan):
        raise PermissionDenied("Only the coordinator and the focal points report here.")
    return period, False


def get_period_for_coordinator(request, plan_id: int, period_id: int) -> ReportingPeriod:
    plan = get_plan_for_editor(request, plan_id)
    return get_object_or_404(
        ReportingPeriod.objects.select_related("plan"), plan=plan, pk=period_id
    )


def get_period_rendering_for_user(request, period_id: int) -> ReportingPeriod:
    """A period's monitoring report: the coordinator's at any time, everyone's who reads the
    plan once the period is published."""
    period = get_object_or_404(ReportingPeriod.objects.select_related("plan"), pk=period_id)
    get_plan_for_user(request, period.plan_id)
    if not period.is_published and not can_edit_plan(request.user, period.plan):
        raise PermissionDenied("This period's reports are not published yet.")
    return period


def get_body_for_reporter(request, period: ReportingPeriod, body_id: int) -> Stakeholder:
    """A body of the period's plan that the user reports for (or coordinates)."""
    body = get_object_or_404(Stakeholder, plan=period.plan, pk=body_id)
    if body.pk in focal_bodies(request.user, period.plan):
        return body
    if can_edit_plan(request.user, period.plan):
        return body
    raise PermissionDenied("You do not report for this body.")


def get_report_for_coordinator(request, plan_id: int, report_id: int) -> ActivityReport:
    plan = get_plan_for_editor(request, plan_id)
    return get_object_or_404(
        ActivityReport.objects.select_related("period", "activity", "body"),
        period__plan=plan,
        pk=report_id,
    )


def get_focal_point_for_coordinator(request, plan_id: int, focal_point_id: int) -> FocalPoint:
    plan = get_plan_for_editor(request, plan_id)
    return get_object_or_404(
        FocalPoint.objects.select_related("user", "body"), body__plan=plan, pk=focal_point_id
    )
