"""Monitoring data for the demo plans, so that their dashboards are never empty. Called
only by the `monitoring_demo` command (which `load_demo` runs) and the tests; idempotent:
a plan that has reporting periods already is left alone."""

import datetime
import secrets
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count

from actionplan.models import Responsibility
from monitoring.models import ActivityStatus, ReportingPeriod
from monitoring.services import (
    IndicatorEntry,
    focal_point_add,
    monitoring_setup_set,
    period_open,
    period_publish,
    report_approve,
    report_save,
)
from strategy.models import Plan

FOCAL_USERS = ("focal-point-1", "focal-point-2", "focal-point-3")
# Statuses cycled through a body's activities, so every kind shows on the dashboard.
CYCLE = [
    ActivityStatus.COMPLETED,
    ActivityStatus.ON_TRACK,
    ActivityStatus.DELAYED,
    ActivityStatus.ON_TRACK,
    ActivityStatus.NOT_STARTED,
    ActivityStatus.CANCELLED,
]
# The share of a budget line a lead body spends in one period, by the status it reports:
# two periods never spend more than the line holds.
SPENT_SHARE = {
    ActivityStatus.COMPLETED: Decimal("0.45"),
    ActivityStatus.ON_TRACK: Decimal("0.35"),
    ActivityStatus.DELAYED: Decimal("0.15"),
    ActivityStatus.CANCELLED: Decimal("0.05"),
}
REASONS = {
    ActivityStatus.DELAYED: "The funds arrived later than planned.",
    ActivityStatus.CANCELLED: "Replaced by a joint activity of another body.",
}


def _focal_users() -> dict:
    """The focal-point demo users, with the passwords of those created now."""
    User = get_user_model()
    users, created = {}, {}
    for username in FOCAL_USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            password = secrets.token_urlsafe(12)
            user = User(username=username, first_name="Demo focal point")
            user.set_password(password)
            user.full_clean()
            user.save()
            created[username] = password
        users[username] = user
    return {"users": users, "created": created}


def _report(period, responsibility, index: int, user, *, submit: bool, approve: bool):
    activity = responsibility.activity
    status = CYCLE[index % len(CYCLE)]
    is_lead = responsibility.role == Responsibility.Role.LEAD
    values = []
    for indicator in activity.indicators.all() if is_lead else ():
        try:
            target = Decimal(indicator.target_value.strip())
        except ArithmeticError:
            continue
        measured = min(period.end_month, datetime.date(period.end_month.year, 12, 1))
        share = Decimal(index % 4 + 1) / 5
        values.append(IndicatorEntry(indicator, (target * share).quantize(Decimal(1)), measured))
    spent = SPENT_SHARE.get(status)
    spendings = {
        line: (line.amount * spent).quantize(Decimal("0.01"))
        for line in activity.budget_lines.all()
        if is_lead and spent is not None
    }
    report = report_save(
        period=period,
        activity=activity,
        body=responsibility.stakeholder,
        user=user,
        status=status,
        reason=REASONS.get(status, ""),
        progress="Progress as the body reported it for the demonstration.",
        indicator_values=values,
        spendings=spendings,
        submit=submit,
    )
    if approve:
        report_approve(report=report)


@transaction.atomic
def monitoring_demo_load(*, plan: Plan) -> dict[str, str]:
    """Give `plan` an annual rhythm, a published first period and an open second one with
    reports from three bodies (one of them late), and a focal-point user for each body.
    Returns {username: password} for the users created now."""
    focal = _focal_users()
    if ReportingPeriod.objects.filter(plan=plan).exists():
        return focal["created"]
    bodies = list(
        plan.stakeholders.annotate(n=Count("responsibilities"))
        .filter(n__gt=0)
        .order_by("-n", "order", "pk")[: len(FOCAL_USERS)]
    )
    users = list(focal["users"].values())
    for body, user in zip(bodies, users, strict=False):
        focal_point_add(body=body, user=user)
    monitoring_setup_set(plan=plan, rhythm="annual")
    first = period_open(plan=plan)
    second = period_open(plan=plan)
    duties = {
        body.pk: list(
            Responsibility.objects.filter(stakeholder=body)
            .select_related("activity", "stakeholder")
            .order_by("activity__order", "activity_id")[:12]
        )
        for body in bodies
    }
    for body, user in zip(bodies, users, strict=False):
        for index, responsibility in enumerate(duties[body.pk]):
            _report(first, responsibility, index, user, submit=True, approve=True)
    period_publish(period=first)
    # The second period is under way: the first body has reported, the second has drafts,
    # the third nothing yet.
    for position, (body, user) in enumerate(zip(bodies[:2], users, strict=False)):
        for index, responsibility in enumerate(duties[body.pk][:6]):
            _report(second, responsibility, index + 1, user, submit=position == 0, approve=False)
    return focal["created"]
