"""Reviews of a plan against a framework version: findings, ratings and notes."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from actionplan.models import Activity, Output
from standards.models import Area, Component, Framework, Principle
from strategy.models import Chapter, Plan, SpecificObjective, Stakeholder, StrategicGoal


class ReviewQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Reviews of plans the user may see, except as a consultee: a consultation opens
        the plan to civil society, not what reviewers say of it."""
        return self.filter(plan__in=Plan.objects.visible_to(user, consultees=False))


class Review(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        FINAL = "final", _("Final")

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="reviews")
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="reviews")
    title = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    reviewers = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="reviews")
    introduction = models.TextField(
        blank=True, help_text=_("Who asked for the review, its goals and how it was done.")
    )
    background = models.TextField(
        blank=True, help_text=_("The situation the plan answers: forms, routes, stakeholders.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    checked_at = models.DateTimeField(null=True, blank=True, help_text=_("Last run of the checks."))
    finalised_at = models.DateTimeField(null=True, blank=True)
    finalised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    follow_up_record = models.JSONField(
        null=True,
        blank=True,
        help_text=_(
            "The follow-up of the previous plan's recommendations as it stood when the "
            "review was finalised: what its report shows from then on."
        ),
    )
    recommendation_count = models.PositiveIntegerField(
        default=0,
        help_text=_(
            "Recommendation references issued so far. It never goes down, so a reference "
            "is never given twice, even after a recommendation is deleted."
        ),
    )

    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | Q(finalised_at__isnull=False),
                name="review_final_has_date",
            )
        ]

    def __str__(self):
        return self.title or f"Review of {self.plan}"

    @property
    def is_final(self) -> bool:
        return self.status == self.Status.FINAL


class Severity(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


class ElementType(models.TextChoices):
    PLAN = "plan", _("Plan")
    SECTION = "section", _("Section")
    CHAPTER = "chapter", _("Chapter")
    GOAL = "goal", _("Strategic goal")
    OBJECTIVE = "objective", _("Specific objective")
    OUTPUT = "output", _("Output")
    ACTIVITY = "activity", _("Activity")
    SUB_ACTIVITY = "subactivity", _("Sub-activity")
    INDICATOR = "indicator", _("Indicator")


class Finding(models.Model):
    """The result of one automated check on one plan element. Re-running the checks
    updates findings by `key`, so a dismissal survives."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="findings")
    key = models.CharField(max_length=200, help_text="rule:element_type:element_id[:detail]")
    rule = models.CharField(max_length=60)
    criterion_code = models.CharField(max_length=30, blank=True)
    area_code = models.CharField(max_length=20, blank=True)
    component_code = models.CharField(max_length=20, blank=True)
    severity = models.CharField(max_length=10, choices=Severity.choices)
    element_type = models.CharField(max_length=20, choices=ElementType.choices)
    element_id = models.PositiveBigIntegerField(null=True, blank=True)
    element_label = models.CharField(max_length=300, blank=True)
    message = models.TextField()
    citation = models.TextField(blank=True)
    recommendation = models.TextField(blank=True)
    is_current = models.BooleanField(
        default=True, help_text=_("False when the last run no longer raised it.")
    )
    dismissed = models.BooleanField(default=False)
    dismissed_reason = models.TextField(blank=True)
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    dismissed_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["review", "component_code", "severity", "rule", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["review", "key"], name="finding_key_unique"),
            models.CheckConstraint(
                condition=Q(dismissed=False) | ~Q(dismissed_reason=""),
                name="finding_dismissal_has_reason",
            ),
        ]

    def __str__(self):
        return f"[{self.rule}] {self.message[:80]}"


class CoverageLevel(models.TextChoices):
    NOT_COVERED = "not_covered", _("Not covered")
    MENTIONED = "mentioned", _("Mentioned only")
    CONCRETE = "concrete", _("Covered by concrete activities")
    COMPLETE = "complete", _("Covered by complete activities")


class Rating(models.Model):
    """Coverage of one area or principle by the plan."""

    class Kind(models.TextChoices):
        AREA = "area", _("Area")
        PRINCIPLE = "principle", _("Principle")

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="ratings")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    code = models.CharField(max_length=20)
    area = models.ForeignKey(
        Area, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    principle = models.ForeignKey(
        Principle, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    computed_level = models.CharField(max_length=20, choices=CoverageLevel.choices)
    evidence = models.JSONField(
        default=list, blank=True, help_text=_('[{"type": "activity", "id": 1, "suggested": true}]')
    )
    override_level = models.CharField(max_length=20, choices=CoverageLevel.choices, blank=True)
    override_justification = models.TextField(blank=True)
    overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    overridden_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["review", "kind", "code"]
        constraints = [
            models.UniqueConstraint(fields=["review", "kind", "code"], name="rating_unique"),
            models.CheckConstraint(
                condition=Q(override_level="") | ~Q(override_justification=""),
                name="rating_override_justified",
            ),
        ]

    def __str__(self):
        return f"{self.code}: {self.level}"

    @property
    def level(self) -> str:
        return self.override_level or self.computed_level


class RejectedSuggestion(models.Model):
    """A reviewer's word that a keyword suggestion is not evidence for an area/principle."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="rejections")
    code = models.CharField(max_length=20)
    element_type = models.CharField(max_length=20, choices=ElementType.choices)
    element_id = models.PositiveBigIntegerField()
    rejected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    rejected_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["review", "code", "element_type", "element_id"],
                name="rejection_unique",
            )
        ]

    def __str__(self):
        return f"{self.code} ≠ {self.element_type} {self.element_id}"


class Priority(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


class Note(models.Model):
    class Kind(models.TextChoices):
        RECOMMENDATION = "recommendation", _("Recommendation")
        COMMENDATION = "commendation", _("Commendation")
        PRACTICE = "practice", _("Successful practice")

    class Scope(models.TextChoices):
        COMPONENT = "component", _("Component")
        OVERALL = "overall", _("Overall")
        CONTENT = "content", _("Content-related")
        FUNDING = "funding", _("Funding")

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="notes")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    scope = models.CharField(max_length=20, choices=Scope.choices, default=Scope.OVERALL)
    component = models.ForeignKey(
        Component, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    title = models.CharField(max_length=300, blank=True)
    text = models.TextField()
    finding = models.ForeignKey(
        Finding, on_delete=models.SET_NULL, null=True, blank=True, related_name="notes"
    )
    order = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # What a recommendation carries into the next plan (see assessment.follow_up_selectors).
    reference = models.CharField(
        max_length=20,
        blank=True,
        help_text=_("A recommendation's stable reference, e.g. R-2024-03: never reused."),
    )
    priority = models.CharField(
        max_length=10, choices=Priority.choices, default=Priority.MEDIUM, blank=True
    )
    addressee = models.ForeignKey(
        Stakeholder,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The body of the plan it is addressed to; none: the national coordinator."),
    )
    addressee_name = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("The addressee's name as it was set, kept if the body is deleted."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["review", "scope", "component", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(scope="component") | Q(component__isnull=False),
                name="note_component_scope",
            ),
            models.UniqueConstraint(
                fields=["review", "reference"],
                condition=~Q(reference=""),
                name="note_reference_unique",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:60]}"

    @property
    def addressee_label(self) -> str:
        return self.addressee_name or str(_("The national coordinator"))


class SuggestedNote(models.Model):
    """A note the engine proposes: a commendation or successful practice from a strength
    rule, or a recommendation gathered from the findings (one per component and text).
    The reviewer accepts it into a `Note` (edited or not) or rejects it. Re-running the
    review updates suggestions by `key`, so a decision survives."""

    class Status(models.TextChoices):
        OPEN = "open", _("Suggested")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="suggested_notes")
    key = models.CharField(max_length=200, help_text="rule:element_type:element_id[:detail]")
    kind = models.CharField(max_length=20, choices=Note.Kind.choices)
    rule = models.CharField(max_length=60)
    criterion_code = models.CharField(max_length=30, blank=True)
    component_code = models.CharField(max_length=20, blank=True)
    element_type = models.CharField(max_length=20, choices=ElementType.choices)
    element_id = models.PositiveBigIntegerField(null=True, blank=True)
    element_label = models.CharField(max_length=300, blank=True)
    text = models.TextField()
    evidence = models.JSONField(
        default=list, blank=True, help_text='[{"type": "activity", "id": 1, "label": "…"}]'
    )
    is_current = models.BooleanField(
        default=True, help_text=_("False when the last run no longer suggested it.")
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    note = models.ForeignKey(
        Note, on_delete=models.SET_NULL, null=True, blank=True, related_name="suggestions"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["review", "component_code", "kind", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["review", "key"], name="suggested_note_key_unique"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_status_display()}): {self.text[:60]}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class FollowUpStatus(models.TextChoices):
    NOT_ADDRESSED = "not_addressed", _("Not addressed")
    PARTLY = "partly", _("Partly addressed")
    ADDRESSED = "addressed", _("Addressed")


# The plan elements a recommendation can be answered by, one foreign key each.
LINKED_ELEMENTS = ("chapter", "goal", "objective", "output", "activity")


def _exactly_one(names: tuple[str, ...]) -> Q:
    """Exactly one of the nullable foreign keys `names` is set."""
    condition = Q()
    for name in names:
        condition |= Q(**{f"{other}__isnull": other != name for other in names})
    return condition


class RecommendationLink(models.Model):
    """A plan element of the next plan that answers a recommendation of the final review
    of the plan it follows (`plan.previous_plan`). Lives here, not beside the element, as
    the plan tiers know nothing of reviews; deleting the element deletes the link."""

    recommendation = models.ForeignKey(Note, on_delete=models.CASCADE, related_name="links")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="+")
    chapter = models.ForeignKey(
        Chapter, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    goal = models.ForeignKey(
        StrategicGoal, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    objective = models.ForeignKey(
        SpecificObjective, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    output = models.ForeignKey(
        Output, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["recommendation", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=_exactly_one(LINKED_ELEMENTS),
                name="recommendation_link_one_element",
            ),
            *(
                models.UniqueConstraint(
                    fields=["recommendation", name],
                    condition=Q(**{f"{name}__isnull": False}),
                    name=f"recommendation_link_{name}_unique",
                )
                for name in LINKED_ELEMENTS
            ),
        ]

    def __str__(self):
        return f"{self.recommendation.reference} ← {self.element_type} {self.element_id}"

    @property
    def element_type(self) -> str:
        return next(name for name in LINKED_ELEMENTS if getattr(self, f"{name}_id"))

    @property
    def element_id(self) -> int:
        return getattr(self, f"{self.element_type}_id")

    @property
    def element(self):
        return getattr(self, self.element_type)


class RecommendationFollowUp(models.Model):
    """The status of a recommendation in the next plan as its coordinator confirmed it (the
    engine's suggestion or another one), with who and when."""

    recommendation = models.ForeignKey(Note, on_delete=models.CASCADE, related_name="follow_ups")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=20, choices=FollowUpStatus.choices)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    confirmed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "plan"], name="recommendation_follow_up_unique"
            )
        ]

    def __str__(self):
        return f"{self.recommendation.reference}: {self.get_status_display()}"


class ReviewSnapshot(models.Model):
    """What a final review reviewed and said, stored when it was finalised: the plan as a
    plan document (JSON v1, `actionplan.exchange`), the review's result (findings, ratings,
    mapping, scores, suggestions and notes, with each element's identity across versions)
    and the report as it was rendered then. The review page, its report, its PDF and its
    JSON read this row, so editing the plan afterwards changes none of them. A final review
    is never reopened: a new round is a new review."""

    review = models.OneToOneField(Review, on_delete=models.CASCADE, related_name="snapshot")
    plan_document = models.JSONField()
    result = models.JSONField()
    report_body = models.TextField(help_text=_("The report body (HTML) rendered at finalisation."))
    taken_at = models.DateTimeField()

    def __str__(self):
        return f"Snapshot of {self.review}"
