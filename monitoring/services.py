"""Writes of monitoring: the rhythm, periods, focal points and the bodies' reports."""

import calendar
import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from actionplan.models import Activity, BudgetLine, Indicator, Responsibility
from monitoring.models import (
    RHYTHM_MONTHS,
    ActivityReport,
    FocalPoint,
    IndicatorValue,
    MonitoringSetup,
    PeriodStatus,
    ReportingPeriod,
    ReportState,
    Rhythm,
    Spending,
)
from strategy.models import Plan, PlanMembership, Stakeholder

# Reports are due this many days after the last day of their period.
DUE_AFTER_DAYS = 30


def monitoring_setup_set(*, plan: Plan, rhythm: str) -> MonitoringSetup:
    setup, _created = MonitoringSetup.objects.get_or_create(plan=plan)
    setup.rhythm = rhythm
    setup.full_clean()
    setup.save()
    return setup


def _add_months(month: datetime.date, months: int) -> datetime.date:
    index = month.year * 12 + month.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def _period_label(start: datetime.date, rhythm: str) -> str:
    if rhythm == Rhythm.ANNUAL:
        return str(start.year)
    if rhythm == Rhythm.SEMIANNUAL:
        return f"{start.year} H{(start.month - 1) // 6 + 1}"
    return f"{start.year} Q{(start.month - 1) // 3 + 1}"


def period_next(*, plan: Plan) -> tuple[datetime.date, datetime.date, str] | None:
    """The months and label of the period that would open next, or None after the plan's
    last month."""
    rhythm = getattr(plan, "monitoring_setup", None)
    rhythm = rhythm.rhythm if rhythm else Rhythm.ANNUAL
    months = RHYTHM_MONTHS[rhythm]
    last = plan.reporting_periods.order_by("-end_month").first()
    start = _add_months(last.end_month, 1) if last else plan.period_months[0]
    # A changed rhythm starts at the next boundary of the new rhythm.
    while (start.month - 1) % months:
        start = _add_months(start, 1)
    if start > plan.period_months[1]:
        return None
    end = _add_months(start, months - 1)
    return start, end, _period_label(start, rhythm)


def period_open(*, plan: Plan) -> ReportingPeriod:
    """Open the plan's next reporting period."""
    following = period_next(plan=plan)
    if following is None:
        raise ValidationError(_("The plan period has no month left to report on."))
    start, end, label = following
    last_day = end.replace(day=calendar.monthrange(end.year, end.month)[1])
    period = ReportingPeriod(
        plan=plan,
        label=label,
        start_month=start,
        end_month=end,
        due_on=last_day + datetime.timedelta(days=DUE_AFTER_DAYS),
    )
    period.full_clean()
    period.save()
    return period


def period_close(*, period: ReportingPeriod) -> ReportingPeriod:
    """Lock a period: nobody changes its reports any more."""
    if period.status == PeriodStatus.OPEN:
        period.status = PeriodStatus.CLOSED
        period.full_clean()
        period.save(update_fields=["status"])
    return period


def period_publish(*, period: ReportingPeriod) -> ReportingPeriod:
    """Lock a period and show its approved reports to every reader of the plan."""
    if period.status != PeriodStatus.PUBLISHED:
        period.status = PeriodStatus.PUBLISHED
        period.published_at = timezone.now()
        period.full_clean()
        period.save(update_fields=["status", "published_at"])
    return period


def focal_point_add(*, body: Stakeholder, user) -> FocalPoint:
    """Link `user` to `body`; a focal point reads the plan, so becomes a reader of it
    unless already a member."""
    with transaction.atomic():
        _membership, made_reader = PlanMembership.objects.get_or_create(
            plan_id=body.plan_id, user=user, defaults={"role": PlanMembership.Role.READER}
        )
        focal_point, _created = FocalPoint.objects.get_or_create(
            body=body, user=user, defaults={"made_reader": made_reader}
        )
    return focal_point


def focal_point_remove(*, focal_point: FocalPoint) -> None:
    """Unlink a focal point; a user who read the plan only as its focal point no longer
    reads it once linked to none of its bodies."""
    plan_id, user_id = focal_point.body.plan_id, focal_point.user_id
    with transaction.atomic():
        focal_point.delete()
        others = FocalPoint.objects.filter(user_id=user_id, body__plan_id=plan_id)
        if focal_point.made_reader and not others.exists():
            PlanMembership.objects.filter(
                plan_id=plan_id, user_id=user_id, role=PlanMembership.Role.READER
            ).delete()
        elif focal_point.made_reader:
            others.update(made_reader=True)


@dataclass(frozen=True)
class IndicatorEntry:
    indicator: Indicator
    value: Decimal | None
    measured_on: datetime.date | None


def report_save(
    *,
    period: ReportingPeriod,
    activity: Activity,
    body: Stakeholder,
    user,
    status: str,
    reason: str = "",
    progress: str = "",
    indicator_values: list[IndicatorEntry] = (),
    spendings: dict[BudgetLine, Decimal | None] | None = None,
    submit: bool = False,
) -> ActivityReport:
    """Write one body's report on one activity; with `submit`, hand it to the coordinator.
    Everything is checked before anything is written, and every problem names its field."""
    if not period.is_open:
        raise ValidationError(_("This period is closed; its reports can no longer change."))
    if not Responsibility.objects.filter(activity=activity, stakeholder=body).exists():
        raise ValidationError(_("This body is not responsible for this activity."))
    report = ActivityReport.objects.filter(period=period, activity=activity, body=body).first()
    if report is None:
        report = ActivityReport(period=period, activity=activity, body=body)
    elif report.state == ReportState.APPROVED:
        raise ValidationError(_("The coordinator has approved this report already."))
    report.status, report.reason, report.progress = status, reason.strip(), progress
    report.updated_by = user if getattr(user, "is_authenticated", False) else None
    if submit:
        report.state = ReportState.SUBMITTED
        report.submitted_at = timezone.now()
    report.full_clean()
    values = _indicator_values(report, activity, indicator_values)
    spent = _spendings(report, activity, spendings or {})
    with transaction.atomic():
        report.save()
        for value in values:
            value.report = report
        _replace(report.indicator_values, values, "indicator")
        for spending in spent:
            spending.report = report
        _replace(report.spendings, spent, "budget_line")
    return report


def _indicator_values(report, activity, entries) -> list[IndicatorValue]:
    errors: dict[str, list[str]] = {}
    values = []
    for entry in entries:
        name = f"indicator_{entry.indicator.pk}"
        if entry.indicator.activity_id != activity.pk:
            errors.setdefault(name, []).append(_("This indicator measures another activity."))
            continue
        if entry.value is None and entry.measured_on is None:
            continue
        if entry.value is None or entry.measured_on is None:
            errors.setdefault(name, []).append(
                _("Give both the value reached and the date it was measured.")
            )
            continue
        values.append(
            IndicatorValue(
                report=report,
                indicator=entry.indicator,
                value=entry.value,
                measured_on=entry.measured_on,
            )
        )
    if errors:
        raise ValidationError(errors)
    return values


def _spendings(report, activity, amounts) -> list[Spending]:
    errors: dict[str, list[str]] = {}
    spent = []
    for line, amount in amounts.items():
        name = f"spent_{line.pk}"
        if line.activity_id != activity.pk:
            errors.setdefault(name, []).append(_("This budget line belongs to another activity."))
        elif amount is None:
            continue
        elif amount < 0:
            errors.setdefault(name, []).append(_("An amount spent cannot be negative."))
        else:
            spent.append(Spending(report=report, budget_line=line, amount=amount))
    if errors:
        raise ValidationError(errors)
    return spent


def _replace(related, objects, key: str) -> None:
    """Make the report's `related` rows exactly `objects` (one per `key`)."""
    keep = {getattr(o, f"{key}_id") for o in objects}
    related.exclude(**{f"{key}_id__in": keep}).delete()
    for obj in objects:
        obj.full_clean(exclude=["report"])
        related.model.objects.update_or_create(
            report=obj.report,
            **{key: getattr(obj, key)},
            defaults={
                f.name: getattr(obj, f.name)
                for f in obj._meta.concrete_fields
                if f.name not in ("id", "report", key)
            },
        )


def report_approve(*, report: ActivityReport) -> ActivityReport:
    if not report.period.is_open:
        raise ValidationError(_("This period is closed; its reports can no longer change."))
    if report.state != ReportState.SUBMITTED:
        raise ValidationError(_("Only a submitted report can be approved."))
    report.state = ReportState.APPROVED
    report.full_clean()
    report.save(update_fields=["state", "updated_at"])
    return report


def report_return(*, report: ActivityReport, comment: str) -> ActivityReport:
    """Send a submitted report back to its body with the coordinator's comment."""
    if not report.period.is_open:
        raise ValidationError(_("This period is closed; its reports can no longer change."))
    if report.state != ReportState.SUBMITTED:
        raise ValidationError(_("Only a submitted report can be returned."))
    if not comment.strip():
        raise ValidationError({"comment": _("Say what the body should change.")})
    report.state = ReportState.RETURNED
    report.comment = comment.strip()
    report.full_clean()
    report.save(update_fields=["state", "comment", "updated_at"])
    return report
