"""Reviews of a plan against a framework version: findings, ratings and notes."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from standards.models import Area, Component, Framework, Principle
from strategy.models import Plan


class ReviewQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Reviews of plans the user may see."""
        return self.filter(plan__in=Plan.objects.visible_to(user))


class Review(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        FINAL = "final", "Final"

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="reviews")
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="reviews")
    title = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    reviewers = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="reviews")
    introduction = models.TextField(
        blank=True, help_text="Who asked for the review, its goals and how it was done."
    )
    background = models.TextField(
        blank=True, help_text="The situation the plan answers: forms, routes, stakeholders."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    checked_at = models.DateTimeField(null=True, blank=True, help_text="Last run of the checks.")
    finalised_at = models.DateTimeField(null=True, blank=True)
    finalised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
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
    HIGH = "high", "High"
    MEDIUM = "medium", "Medium"
    LOW = "low", "Low"


class ElementType(models.TextChoices):
    PLAN = "plan", "Plan"
    SECTION = "section", "Section"
    CHAPTER = "chapter", "Chapter"
    GOAL = "goal", "Strategic goal"
    OBJECTIVE = "objective", "Specific objective"
    OUTPUT = "output", "Output"
    ACTIVITY = "activity", "Activity"
    SUB_ACTIVITY = "subactivity", "Sub-activity"
    INDICATOR = "indicator", "Indicator"


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
        default=True, help_text="False when the last run no longer raised it."
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
    NOT_COVERED = "not_covered", "Not covered"
    MENTIONED = "mentioned", "Mentioned only"
    CONCRETE = "concrete", "Covered by concrete activities"
    COMPLETE = "complete", "Covered by complete activities"


class Rating(models.Model):
    """Coverage of one area or principle by the plan."""

    class Kind(models.TextChoices):
        AREA = "area", "Area"
        PRINCIPLE = "principle", "Principle"

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
        default=list, blank=True, help_text='[{"type": "activity", "id": 1, "suggested": true}]'
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


class Note(models.Model):
    class Kind(models.TextChoices):
        RECOMMENDATION = "recommendation", "Recommendation"
        COMMENDATION = "commendation", "Commendation"
        PRACTICE = "practice", "Successful practice"

    class Scope(models.TextChoices):
        COMPONENT = "component", "Component"
        OVERALL = "overall", "Overall"
        CONTENT = "content", "Content-related"
        FUNDING = "funding", "Funding"

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
    history = HistoricalRecords()

    class Meta:
        ordering = ["review", "scope", "component", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(scope="component") | Q(component__isnull=False),
                name="note_component_scope",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:60]}"


class SuggestedNote(models.Model):
    """A note the engine proposes: a commendation or successful practice from a strength
    rule, or a recommendation gathered from the findings (one per component and text).
    The reviewer accepts it into a `Note` (edited or not) or rejects it. Re-running the
    review updates suggestions by `key`, so a decision survives."""

    class Status(models.TextChoices):
        OPEN = "open", "Suggested"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"

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
        default=True, help_text="False when the last run no longer suggested it."
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
