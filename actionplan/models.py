"""The action plan tier: HOW the strategy's goals and objectives are achieved."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from strategy.history_models import element_history
from strategy.models import (
    Plan,
    SamePlanMixin,
    SpecificObjective,
    Stakeholder,
    StrategicGoal,
    Tagged,
)
from strategy.validators import PLAIN_TEXT, validate_source_fields


class Timeframe(models.Model):
    """Start and end month (stored as the first day of the month), both or neither."""

    start_month = models.DateField(null=True, blank=True, help_text=_("First month of the work."))
    end_month = models.DateField(null=True, blank=True, help_text=_("Last month of the work."))

    class Meta:
        abstract = True

    @property
    def has_timeframe(self) -> bool:
        return self.start_month is not None and self.end_month is not None

    def clean_timeframe(self, plan: Plan) -> dict[str, str]:
        errors: dict[str, str] = {}
        if self.start_month:
            self.start_month = self.start_month.replace(day=1)
        if self.end_month:
            self.end_month = self.end_month.replace(day=1)
        if bool(self.start_month) != bool(self.end_month):
            missing = "end_month" if self.start_month else "start_month"
            errors[missing] = _("Give both a start and an end month, or neither.")
        elif self.start_month and self.end_month:
            if self.end_month < self.start_month:
                errors["end_month"] = _("The end month cannot be before the start month.")
            first, last = plan.period_months
            period = {"start": plan.period_start, "end": plan.period_end}
            if not first <= self.start_month <= last:
                errors["start_month"] = (
                    _("The start month lies outside the plan period (%(start)s–%(end)s).") % period
                )
            if not first <= self.end_month <= last:
                errors.setdefault(
                    "end_month",
                    _("The end month lies outside the plan period (%(start)s–%(end)s).") % period,
                )
        return errors


def timeframe_constraints(prefix: str) -> list[models.CheckConstraint]:
    return [
        models.CheckConstraint(
            condition=(Q(start_month__isnull=True) & Q(end_month__isnull=True))
            | (
                Q(start_month__isnull=False)
                & Q(end_month__isnull=False)
                & Q(end_month__gte=F("start_month"))
            ),
            name=f"{prefix}_timeframe_order",
        )
    ]


class Output(SamePlanMixin, models.Model):
    """A service or product the activities produce to achieve the objective."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="outputs")
    objective = models.ForeignKey(
        SpecificObjective, on_delete=models.CASCADE, related_name="outputs"
    )
    code = models.CharField(validators=PLAIN_TEXT, max_length=20, blank=True)
    title = models.TextField(validators=PLAIN_TEXT)
    description = models.TextField(validators=PLAIN_TEXT, blank=True)
    order = models.PositiveIntegerField(default=0)
    history = element_history()

    same_plan_fields = ("objective",)

    class Meta:
        ordering = ["plan", "order", "pk"]

    def __str__(self):
        return f"{self.code} {self.title}".strip()

    def clean(self):
        self.clean_same_plan()


class ActivityQuerySet(models.QuerySet):
    def in_plan_order(self) -> "ActivityQuerySet":
        """In tree order (chapter, goal, objective, activity), each with `chapter_ref`, its
        chapter's id. Only the columns a list of activities shows are read: no join loads
        goals and chapters a plan of 2,000 activities repeats."""
        return (
            self.annotate(chapter_ref=F("objective__goal__chapter_id"))
            .only("plan_id", "objective_id", "code", "title", "start_month", "end_month")
            .order_by(
                F("objective__goal__chapter__order").asc(nulls_last=True),
                F("objective__goal__chapter_id").asc(nulls_last=True),
                "objective__goal__order",
                "objective__goal_id",
                "objective__order",
                "objective_id",
                "order",
                "pk",
            )
        )


class Activity(SamePlanMixin, Tagged, Timeframe):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="activities")
    objective = models.ForeignKey(
        SpecificObjective, on_delete=models.CASCADE, related_name="activities"
    )
    output = models.ForeignKey(
        Output, on_delete=models.SET_NULL, null=True, blank=True, related_name="activities"
    )
    code = models.CharField(validators=PLAIN_TEXT, max_length=20, blank=True)
    title = models.TextField(validators=PLAIN_TEXT)
    description = models.TextField(validators=PLAIN_TEXT, blank=True)
    resources_as_written = models.TextField(
        validators=PLAIN_TEXT,
        blank=True,
        help_text=_(
            'The resources as the plan states them in words (e.g. "within the '
            'ministry\'s budget", "donor funding"), beside or instead of budget lines.'
        ),
    )
    timeframe_as_written = models.TextField(
        validators=PLAIN_TEXT,
        blank=True,
        help_text=_(
            'The timeframe as the plan states it in words (e.g. "ongoing", "short '
            'term", "annually"), beside or instead of the start and end months.'
        ),
    )
    not_in_source = models.JSONField(
        default=list,
        blank=True,
        validators=[validate_source_fields],
        help_text=_(
            "What the source this activity was typed in from does not include (e.g. "
            "lead, timeframe): a review does not report it as missing."
        ),
    )
    order = models.PositiveIntegerField(default=0)
    stakeholders = models.ManyToManyField(
        Stakeholder, through="Responsibility", related_name="activities", blank=True
    )

    same_plan_fields = ("objective", "output")
    code_parent = "objective"  # see strategy.services.element_numbered_code

    objects = ActivityQuerySet.as_manager()
    history = element_history()

    class Meta:
        ordering = ["plan", "order", "pk"]
        verbose_name_plural = "activities"
        constraints = timeframe_constraints("activity")

    def __str__(self):
        return f"{self.code} {self.title}".strip()

    def clean(self):
        self.clean_same_plan()
        errors = self.clean_timeframe(self.plan)
        if self.output_id and self.objective_id and self.output.objective_id != self.objective_id:
            errors["output"] = _("This output belongs to another objective.")
        if errors:
            raise ValidationError(errors)


class SubActivity(Timeframe):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="sub_activities")
    code = models.CharField(validators=PLAIN_TEXT, max_length=20, blank=True)
    title = models.TextField(validators=PLAIN_TEXT)
    description = models.TextField(validators=PLAIN_TEXT, blank=True)
    order = models.PositiveIntegerField(default=0)
    history = element_history()

    class Meta:
        ordering = ["activity", "order", "pk"]
        verbose_name_plural = "sub-activities"
        constraints = timeframe_constraints("subactivity")

    def __str__(self):
        return f"{self.code} {self.title}".strip()

    def clean(self):
        errors = self.clean_timeframe(self.activity.plan)
        if errors:
            raise ValidationError(errors)


class Responsibility(models.Model):
    class Role(models.TextChoices):
        LEAD = "lead", _("Lead")
        PARTNER = "partner", _("Partner")

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="responsibilities"
    )
    stakeholder = models.ForeignKey(
        Stakeholder, on_delete=models.CASCADE, related_name="responsibilities"
    )
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.PARTNER)
    order = models.PositiveIntegerField(default=0)
    history = element_history()

    class Meta:
        ordering = ["activity", "-role", "order", "pk"]  # lead first
        verbose_name_plural = "responsibilities"
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "stakeholder"], name="responsibility_unique"
            ),
            models.UniqueConstraint(
                fields=["activity"], condition=Q(role="lead"), name="responsibility_one_lead"
            ),
        ]

    def __str__(self):
        return f"{self.stakeholder} ({self.get_role_display()})"

    def clean(self):
        errors = {}
        if (
            self.activity_id
            and self.stakeholder_id
            and self.stakeholder.plan_id != self.activity.plan_id
        ):
            errors["stakeholder"] = _("This body belongs to another plan.")
        if self.role == self.Role.LEAD and self.activity_id:
            others = Responsibility.objects.filter(
                activity_id=self.activity_id, role=self.Role.LEAD
            )
            if others.exclude(pk=self.pk).exists():
                errors["role"] = _("This activity already has a lead body.")
        if errors:
            raise ValidationError(errors)


class BudgetLine(models.Model):
    class Source(models.TextChoices):
        STATE = "state", _("State budget")
        DONOR = "donor", _("Donor")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        SECURED = "secured", _("Secured")
        PLEDGED = "pledged", _("Pledged")
        UNFUNDED = "unfunded", _("Unfunded")

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="budget_lines")
    description = models.CharField(validators=PLAIN_TEXT, max_length=300, blank=True)
    amount = models.DecimalField(max_digits=14, decimal_places=2)
    currency = models.CharField(
        validators=PLAIN_TEXT, max_length=3, help_text=_("ISO 4217 code, e.g. EUR, AZN.")
    )
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.STATE)
    donor_name = models.CharField(validators=PLAIN_TEXT, max_length=200, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.UNFUNDED)
    order = models.PositiveIntegerField(default=0)
    history = element_history()

    class Meta:
        ordering = ["activity", "order", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="budget_amount_not_negative"),
            models.CheckConstraint(
                condition=~Q(source="donor") | ~Q(donor_name=""), name="budget_donor_named"
            ),
        ]

    def __str__(self):
        return f"{self.amount} {self.currency} ({self.get_source_display()})"

    def clean(self):
        errors = {}
        if self.amount is not None and self.amount < 0:
            errors["amount"] = _("An amount cannot be negative.")
        if self.currency:
            self.currency = self.currency.strip().upper()
            if len(self.currency) != 3 or not self.currency.isalpha():
                errors["currency"] = _("Use a three-letter ISO 4217 currency code, e.g. EUR.")
        if self.source == self.Source.DONOR and not self.donor_name.strip():
            errors["donor_name"] = _("Name the donor.")
        if errors:
            raise ValidationError(errors)


class Indicator(SamePlanMixin, models.Model):
    """How progress is measured; attached to exactly one goal, objective, output or activity."""

    class Level(models.TextChoices):
        OUTPUT = "output", _("Output")
        OUTCOME = "outcome", _("Outcome")
        IMPACT = "impact", _("Impact")

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", _("Monthly")
        QUARTERLY = "quarterly", _("Quarterly")
        BIANNUAL = "biannual", _("Twice a year")
        ANNUAL = "annual", _("Annual")
        MIDTERM_FINAL = "midterm_final", _("Mid-term and final")
        FINAL = "final", _("At the end of the plan")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="indicators")
    goal = models.ForeignKey(
        StrategicGoal, on_delete=models.CASCADE, null=True, blank=True, related_name="indicators"
    )
    objective = models.ForeignKey(
        SpecificObjective,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indicators",
    )
    output = models.ForeignKey(
        Output, on_delete=models.CASCADE, null=True, blank=True, related_name="indicators"
    )
    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, null=True, blank=True, related_name="indicators"
    )
    level = models.CharField(max_length=10, choices=Level.choices, default=Level.OUTPUT)
    definition = models.TextField(validators=PLAIN_TEXT)
    unit = models.CharField(validators=PLAIN_TEXT, max_length=100, blank=True)
    baseline_value = models.CharField(validators=PLAIN_TEXT, max_length=100, blank=True)
    baseline_year = models.PositiveSmallIntegerField(null=True, blank=True)
    target_value = models.CharField(validators=PLAIN_TEXT, max_length=100, blank=True)
    target_year = models.PositiveSmallIntegerField(null=True, blank=True)
    means_of_verification = models.TextField(validators=PLAIN_TEXT, blank=True)
    frequency = models.CharField(max_length=20, choices=Frequency.choices, blank=True)
    responsible_body = models.ForeignKey(
        Stakeholder, on_delete=models.SET_NULL, null=True, blank=True, related_name="indicators"
    )
    order = models.PositiveIntegerField(default=0)
    history = element_history()

    same_plan_fields = ("goal", "objective", "output", "activity", "responsible_body")

    class Meta:
        ordering = ["plan", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(goal__isnull=False, objective=None, output=None, activity=None)
                    | Q(goal=None, objective__isnull=False, output=None, activity=None)
                    | Q(goal=None, objective=None, output__isnull=False, activity=None)
                    | Q(goal=None, objective=None, output=None, activity__isnull=False)
                ),
                name="indicator_one_subject",
            ),
            models.CheckConstraint(
                condition=Q(target_year__isnull=True)
                | Q(baseline_year__isnull=True)
                | Q(target_year__gte=F("baseline_year")),
                name="indicator_target_after_baseline",
            ),
        ]

    def __str__(self):
        return self.definition[:80]

    def _has_subject(self, name: str) -> bool:
        # A subject not saved yet counts too, so an import checks a plan before writing it.
        if getattr(self, f"{name}_id") is not None:
            return True
        field = self._meta.get_field(name)
        return field.is_cached(self) and field.get_cached_value(self) is not None

    def clean(self):
        self.clean_same_plan()
        if (
            sum(self._has_subject(name) for name in ("goal", "objective", "output", "activity"))
            != 1
        ):
            raise ValidationError(
                _("An indicator measures exactly one goal, objective, output or activity.")
            )
        if self.baseline_year and self.target_year and self.target_year < self.baseline_year:
            raise ValidationError(
                {"target_year": _("The target year cannot precede the baseline.")}
            )


class PlanImportJob(models.Model):
    """A confirmed import of a large plan file, done by the background worker.

    The file waits on Django's default storage (shared by web servers and workers) until
    the worker has read it; `problems` holds what stopped the import, as the import page
    lists them."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Failed")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=255)
    kind = models.CharField(max_length=10)
    file = models.FileField(upload_to="imports/%Y/%m/", blank=True, max_length=200)
    activities = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    plan = models.ForeignKey(
        Plan, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    problems = models.JSONField(default=list, blank=True)
    requested_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"

    @property
    def is_pending(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)
