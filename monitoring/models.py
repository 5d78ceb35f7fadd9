"""Monitoring an adopted plan: reporting periods, the responsible bodies' focal points, and
their progress reports per activity (status, progress, indicator values, money spent)."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from actionplan.models import Activity, BudgetLine, Indicator
from strategy.models import Plan, Stakeholder
from strategy.validators import PLAIN_TEXT


class Rhythm(models.TextChoices):
    ANNUAL = "annual", _("Annual")
    SEMIANNUAL = "semiannual", _("Semi-annual")
    QUARTERLY = "quarterly", _("Quarterly")


# How many months one period of each rhythm spans.
RHYTHM_MONTHS = {Rhythm.ANNUAL: 12, Rhythm.SEMIANNUAL: 6, Rhythm.QUARTERLY: 3}


class MonitoringSetup(models.Model):
    """A plan's reporting rhythm, set by its coordinator."""

    plan = models.OneToOneField(Plan, on_delete=models.CASCADE, related_name="monitoring_setup")
    rhythm = models.CharField(
        _("reporting rhythm"), max_length=12, choices=Rhythm.choices, default=Rhythm.ANNUAL
    )

    def __str__(self):
        return f"{self.plan} ({self.get_rhythm_display()})"


class PeriodStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    PUBLISHED = "published", _("Published")


class ReportingPeriod(models.Model):
    """One round of reporting. Bodies report while it is open; closed or published it is
    read-only, and once published every reader of the plan sees every body's reports."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="reporting_periods")
    label = models.CharField(_("label"), validators=PLAIN_TEXT, max_length=40)
    start_month = models.DateField(_("first month"))
    end_month = models.DateField(_("last month"))
    due_on = models.DateField(_("reports due on"))
    status = models.CharField(
        _("status"), max_length=10, choices=PeriodStatus.choices, default=PeriodStatus.OPEN
    )
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["plan", "start_month", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "label"], name="period_label_unique"),
            models.CheckConstraint(
                condition=Q(end_month__gte=F("start_month")), name="period_month_order"
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="period_published_when",
            ),
        ]

    def __str__(self):
        return self.label

    @property
    def is_open(self) -> bool:
        return self.status == PeriodStatus.OPEN

    @property
    def is_published(self) -> bool:
        return self.status == PeriodStatus.PUBLISHED

    def is_late(self, today: datetime.date) -> bool:
        return self.is_open and today > self.due_on


class FocalPoint(models.Model):
    """A user who reports for one of a plan's responsible bodies."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="focal_points"
    )
    body = models.ForeignKey(Stakeholder, on_delete=models.CASCADE, related_name="focal_points")
    # Whether linking the user made them a reader of the plan, so that unlinking them from
    # their last body of the plan takes the reading away again, and only then.
    made_reader = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["body", "user"]
        constraints = [models.UniqueConstraint(fields=["user", "body"], name="focal_point_unique")]

    def __str__(self):
        return f"{self.user} – {self.body}"


class ActivityStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    ON_TRACK = "on_track", _("On track")
    DELAYED = "delayed", _("Delayed")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


# A status that must say why.
NEEDS_REASON = (ActivityStatus.DELAYED, ActivityStatus.CANCELLED)


class ReportState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned")
    APPROVED = "approved", _("Approved")


class ActivityReportQuerySet(models.QuerySet):
    def counted(self) -> "ActivityReportQuerySet":
        """The reports a dashboard counts: those the coordinator approved."""
        return self.filter(state=ReportState.APPROVED)


class ActivityReport(models.Model):
    """What one body reports on one activity for one period."""

    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="reports")
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="reports")
    body = models.ForeignKey(Stakeholder, on_delete=models.CASCADE, related_name="reports")
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ActivityStatus.choices,
        default=ActivityStatus.NOT_STARTED,
    )
    reason = models.TextField(
        _("reason"),
        validators=PLAIN_TEXT,
        blank=True,
        help_text=_("Why the activity is delayed or cancelled."),
    )
    progress = models.TextField(_("progress"), validators=PLAIN_TEXT, blank=True)
    state = models.CharField(
        _("state"), max_length=10, choices=ReportState.choices, default=ReportState.DRAFT
    )
    comment = models.TextField(_("coordinator's comment"), validators=PLAIN_TEXT, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = ActivityReportQuerySet.as_manager()

    class Meta:
        ordering = ["period", "activity", "body"]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "activity", "body"], name="report_one_per_body"
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["delayed", "cancelled"]) | ~Q(reason=""),
                name="report_reason_given",
            ),
        ]

    def __str__(self):
        return f"{self.period} · {self.activity} · {self.body}"

    @property
    def is_editable(self) -> bool:
        """A body may change its report while the period is open and the coordinator has
        not approved it."""
        return self.period.is_open and self.state != ReportState.APPROVED

    def clean(self):
        errors = {}
        if self.status in NEEDS_REASON and not self.reason.strip():
            errors["reason"] = _("Say why the activity is delayed or cancelled.")
        if self.activity_id and self.period_id and self.activity.plan_id != self.period.plan_id:
            errors["activity"] = _("This activity belongs to another plan.")
        if self.body_id and self.period_id and self.body.plan_id != self.period.plan_id:
            errors["body"] = _("This body belongs to another plan.")
        if errors:
            raise ValidationError(errors)


class IndicatorValue(models.Model):
    """The value an indicator reached, as one body measured it."""

    report = models.ForeignKey(
        ActivityReport, on_delete=models.CASCADE, related_name="indicator_values"
    )
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    value = models.DecimalField(_("value reached"), max_digits=16, decimal_places=4)
    measured_on = models.DateField(_("date measured"))

    class Meta:
        ordering = ["report", "indicator"]
        constraints = [
            models.UniqueConstraint(fields=["report", "indicator"], name="indicator_value_unique")
        ]

    def __str__(self):
        return f"{self.indicator}: {self.value}"


class Spending(models.Model):
    """Money a body spent on a budget line in a period, in the budget line's currency."""

    report = models.ForeignKey(ActivityReport, on_delete=models.CASCADE, related_name="spendings")
    budget_line = models.ForeignKey(BudgetLine, on_delete=models.CASCADE, related_name="spendings")
    amount = models.DecimalField(_("amount spent"), max_digits=14, decimal_places=2)

    class Meta:
        ordering = ["report", "budget_line"]
        constraints = [
            models.UniqueConstraint(fields=["report", "budget_line"], name="spending_unique"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="spending_not_negative"),
        ]

    def __str__(self):
        return f"{self.amount} {self.budget_line.currency}"
