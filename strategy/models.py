"""The strategy tier: WHAT a national anti-trafficking response must achieve."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from napplanner.roles import COORDINATOR, REVIEWER, has_role
from standards.models import Area, Component, Framework, Principle
from strategy.history_models import PlanEvent, element_history  # noqa: F401 (a model)
from strategy.validators import PLAIN_TEXT, validate_plan_source_fields


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    CONSULTATION = "consultation", _("Consultation")
    ADOPTED = "adopted", _("Adopted")
    ARCHIVED = "archived", _("Archived")


class PlanQuerySet(models.QuerySet):
    def visible_to(self, user, *, consultees: bool = True):
        """Plans a user may read: members see their plans; reviewers also see every plan
        that has left the drafting stage; superusers see all. A consultee sees the plan
        only while it is in consultation; with `consultees=False` not at all, for what
        only the working group and reviewers may see (reviews, their reports)."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user.is_superuser:
            return self
        # One filter() call, so both conditions speak of the same membership row.
        working_group = [PlanMembership.Role.EDITOR, PlanMembership.Role.READER]
        condition = Q(memberships__user=user, memberships__role__in=working_group)
        if consultees:
            condition |= Q(
                memberships__user=user,
                memberships__role=PlanMembership.Role.CONSULTEE,
                status=PlanStatus.CONSULTATION,
            )
        if has_role(user, REVIEWER):
            condition |= ~Q(status=PlanStatus.DRAFT)
        return self.filter(condition).distinct()

    def editable_by(self, user):
        """Plans a user may change: coordinator (or reviewer) members, superusers. Archived
        plans are read-only for everyone."""
        return self.steered_by(user).exclude(status=PlanStatus.ARCHIVED)

    def steered_by(self, user):
        """Plans a user may move in their lifecycle (strategy.lifecycle): the editors'
        plans, archived ones included, so that their coordinator may reopen them."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user.is_superuser:
            return self.all()
        if not (has_role(user, COORDINATOR) or has_role(user, REVIEWER)):
            return self.none()
        return self.filter(
            memberships__user=user, memberships__role=PlanMembership.Role.EDITOR
        ).distinct()


class Plan(models.Model):
    country = models.CharField(validators=PLAIN_TEXT, max_length=100)
    title = models.CharField(validators=PLAIN_TEXT, max_length=300)
    description = models.TextField(validators=PLAIN_TEXT, blank=True)
    period_start = models.PositiveSmallIntegerField(help_text=_("First year of the plan period."))
    period_end = models.PositiveSmallIntegerField(help_text=_("Last year of the plan period."))
    status = models.CharField(max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    adoption_reference = models.CharField(
        validators=PLAIN_TEXT,
        max_length=300,
        blank=True,
        help_text=_("E.g. the decree or order that adopted the plan."),
    )
    legal_basis = models.TextField(
        validators=PLAIN_TEXT,
        blank=True,
        help_text=_("The laws and instruments the plan rests on, one per line."),
    )
    coordinating_body = models.CharField(validators=PLAIN_TEXT, max_length=300, blank=True)
    not_in_source = models.JSONField(
        default=list,
        blank=True,
        validators=[validate_plan_source_fields],
        help_text=_(
            "What the source this plan was typed in from does not include, for the "
            "whole plan (e.g. budget, activities): a review does not report it as missing."
        ),
    )
    framework = models.ForeignKey(
        Framework,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plans",
        help_text=_("The international standard the plan follows."),
    )
    previous_plan = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="next_plans"
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="PlanMembership", related_name="plans", blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PlanQuerySet.as_manager()
    history = element_history()

    class Meta:
        ordering = ["country", "-period_start", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")), name="plan_period_order"
            ),
            models.CheckConstraint(
                condition=Q(period_start__gte=1990, period_start__lte=2100),
                name="plan_period_start_range",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.country}, {self.period_start}–{self.period_end})"

    def clean(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period cannot end before it starts.")})
        if self.previous_plan_id and self.previous_plan_id == self.pk:
            raise ValidationError({"previous_plan": _("A plan cannot follow itself.")})

    @property
    def period_months(self) -> tuple[datetime.date, datetime.date]:
        """The first and the last month of the plan period (first day of each month)."""
        return datetime.date(self.period_start, 1, 1), datetime.date(self.period_end, 12, 1)

    @property
    def period_label(self) -> str:
        return f"{self.period_start}–{self.period_end}"


class PlanMembership(models.Model):
    class Role(models.TextChoices):
        EDITOR = "editor", _("Editor")
        READER = "reader", _("Reader")
        # A civil society organisation or an international partner: reads the plan and
        # comments on it while it is in consultation, and sees nothing else.
        CONSULTEE = "consultee", _("Consultee")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_memberships"
    )
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.EDITOR)
    organisation = models.CharField(
        _("organisation"),
        validators=PLAIN_TEXT,
        max_length=200,
        blank=True,
        help_text=_("The organisation a consultee speaks for; its comments are signed with it."),
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["plan", "user"], name="membership_unique")]

    def __str__(self):
        return f"{self.user} – {self.plan} ({self.role})"


class Tagged(models.Model):
    """What a plan element serves in the standards catalogue (optional while drafting)."""

    components = models.ManyToManyField(Component, blank=True, related_name="+")
    areas = models.ManyToManyField(Area, blank=True, related_name="+")
    principles = models.ManyToManyField(Principle, blank=True, related_name="+")

    class Meta:
        abstract = True


class Section(models.Model):
    class Kind(models.TextChoices):
        PREAMBLE = "preamble", _("Preamble")
        BACKGROUND = "background", _("Background analysis")
        PRINCIPLES = "principles", _("Guiding principles")
        STAKEHOLDERS = "stakeholders", _("Stakeholders and their roles")
        FUNDING = "funding", _("Funding")
        MONITORING = "monitoring", _("Monitoring and evaluation")
        OTHER = "other", _("Other")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    component = models.ForeignKey(
        Component,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("For a background analysis: the component it analyses."),
    )
    title = models.CharField(validators=PLAIN_TEXT, max_length=300)
    body = models.TextField(validators=PLAIN_TEXT, blank=True)
    order = models.PositiveIntegerField(default=0)
    history = element_history()

    class Meta:
        ordering = ["plan", "order", "pk"]

    def __str__(self):
        return self.title


class Stakeholder(models.Model):
    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("Government")
        NGO = "ngo", _("Non-governmental organisation")
        INTERNATIONAL = "international", _("International organisation")
        OTHER = "other", _("Other")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="stakeholders")
    name = models.CharField(validators=PLAIN_TEXT, max_length=300)
    abbreviation = models.CharField(validators=PLAIN_TEXT, max_length=30, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.GOVERNMENT)
    role = models.TextField(
        validators=PLAIN_TEXT, blank=True, help_text=_("Its role in the national response.")
    )
    order = models.PositiveIntegerField(default=0)
    history = element_history()

    class Meta:
        ordering = ["plan", "order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "name"], name="stakeholder_name_unique")
        ]

    def __str__(self):
        return self.name


# What pages and reports call the goals that belong to no chapter.
NO_CHAPTER = gettext_noop("Goals outside any chapter")  # gettext() it where it is shown


class Chapter(Tagged):
    """One of the plan's own thematic areas (Azerbaijan's 2014–2018 NAP has eleven)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="chapters")
    code = models.CharField(validators=PLAIN_TEXT, max_length=20, blank=True)
    title = models.CharField(validators=PLAIN_TEXT, max_length=300)
    description = models.TextField(validators=PLAIN_TEXT, blank=True)
    order = models.PositiveIntegerField(default=0)
    history = element_history()

    # Numbered elements name the parent their generated code continues ("" for none);
    # see strategy.services.element_numbered_code.
    code_parent = ""

    class Meta:
        ordering = ["plan", "order", "pk"]

    def __str__(self):
        return f"{self.code} {self.title}".strip()


class SamePlanMixin:
    """Cross-table rule the database cannot hold: related elements share one plan."""

    same_plan_fields: tuple[str, ...] = ()

    def clean_same_plan(self):
        errors = {}
        for name in self.same_plan_fields:
            related = getattr(self, name, None)
            if related is not None and related.plan_id != self.plan_id:
                errors[name] = _("This belongs to another plan.")
        if errors:
            raise ValidationError(errors)


class StrategicGoal(SamePlanMixin, Tagged):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="goals")
    chapter = models.ForeignKey(
        Chapter, on_delete=models.CASCADE, null=True, blank=True, related_name="goals"
    )
    code = models.CharField(validators=PLAIN_TEXT, max_length=20, blank=True)
    title = models.TextField(
        validators=PLAIN_TEXT, help_text=_("The change to achieve, phrased as an outcome.")
    )
    description = models.TextField(validators=PLAIN_TEXT, blank=True)
    rationale = models.TextField(
        validators=PLAIN_TEXT,
        blank=True,
        help_text=_("Why: the findings of the background analysis this goal answers."),
    )
    background_sections = models.ManyToManyField(Section, blank=True, related_name="goals")
    order = models.PositiveIntegerField(default=0)
    history = element_history()

    same_plan_fields = ("chapter",)
    code_parent = "chapter"

    class Meta:
        ordering = ["plan", "order", "pk"]

    def __str__(self):
        return f"{self.code} {self.title}".strip()

    def clean(self):
        self.clean_same_plan()


class SpecificObjective(SamePlanMixin, Tagged):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="objectives")
    goal = models.ForeignKey(StrategicGoal, on_delete=models.CASCADE, related_name="objectives")
    code = models.CharField(validators=PLAIN_TEXT, max_length=20, blank=True)
    title = models.TextField(validators=PLAIN_TEXT)
    description = models.TextField(validators=PLAIN_TEXT, blank=True)
    order = models.PositiveIntegerField(default=0)
    history = element_history()

    same_plan_fields = ("goal",)
    code_parent = "goal"

    class Meta:
        ordering = ["plan", "order", "pk"]

    def __str__(self):
        return f"{self.code} {self.title}".strip()

    def clean(self):
        self.clean_same_plan()


class PlanVisit(models.Model):
    """When a user last opened a plan's workspace: the home page lists what changed on the
    plan since (strategy.changes)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_visits"
    )
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="visits")
    seen_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "plan"], name="plan_visit_unique")]

    def __str__(self):
        return f"{self.user} – {self.plan} ({self.seen_at:%Y-%m-%d %H:%M})"


class ChangeDigest(models.Model):
    """A user's choice to be mailed what changed on their plans (send_change_digests)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="change_digest"
    )
    by_email = models.BooleanField(_("mail me a digest of the changes on my plans"), default=False)
    # The changes a digest told of end here: the next one starts after.
    sent_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.user} ({'on' if self.by_email else 'off'})"
