"""The reference catalogue: international standards that plans are assessed against.

A framework version is immutable once loaded: a new version is a new Framework row,
so a finished review keeps pointing at the version it used.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from standards.phrases import Matcher


class Tier(models.TextChoices):
    STRATEGY = "strategy", _("Strategy")
    ACTION_PLAN = "action_plan", _("Action plan")
    INDICATOR = "indicator", _("Indicator")
    PLAN = "plan", _("Whole plan")


def keywords_found(keywords: dict, text: str) -> list[str]:
    """The phrases (of any language) found in text, compared word by word on lemmas
    (see `standards.phrases`)."""
    return Matcher(keywords).phrases_in(text)


# The standard a plan follows unless its coordinator chooses another.
DEFAULT_FRAMEWORK_CODE = "icmpd-2006"


class CatalogueEntry:
    """What every entry of a framework has: a code unique in its framework."""

    @property
    def uid(self) -> str:
        return f"{self.framework.code}:{self.code}"


class PhrasedEntry(CatalogueEntry):
    """An entry with the phrases plans use for it (`keywords`, per language)."""

    def keywords_in(self, text: str) -> list[str]:
        return keywords_found(self.keywords, text)


class FrameworkQuerySet(models.QuerySet):
    def latest_versions(self):
        """One row per code: the most recently loaded version."""
        return self.filter(is_current=True)

    def default(self) -> "Framework | None":
        """The current version of the default standard; where it is not installed, the
        only current framework (None when there are several to choose from)."""
        current = self.latest_versions()
        preferred = current.filter(code=DEFAULT_FRAMEWORK_CODE).first()
        if preferred:
            return preferred
        only = list(current[:2])
        return only[0] if len(only) == 1 else None


class Framework(models.Model):
    code = models.SlugField(max_length=50, help_text=_("Stable identifier, e.g. icmpd-2006."))
    version = models.CharField(max_length=30)
    title = models.CharField(max_length=300)
    publisher = models.CharField(max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    source_citation = models.TextField(blank=True)
    language = models.CharField(max_length=10, default="en")
    description = models.TextField(blank=True)
    groups = models.JSONField(
        default=list,
        blank=True,
        help_text=_(
            'Structural criterion groups: [{"code": "ST", "title": ..., "guidance": ...,'
            ' "source_page": ...}], in display order.'
        ),
    )
    is_current = models.BooleanField(
        default=True, help_text=_("The version new plans and reviews use by default.")
    )
    loaded_at = models.DateTimeField(auto_now_add=True)

    objects = FrameworkQuerySet.as_manager()

    class Meta:
        ordering = ["code", "-loaded_at"]
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="framework_code_version"),
            models.UniqueConstraint(
                fields=["code"], condition=Q(is_current=True), name="framework_one_current"
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.code}@{self.version})"

    @property
    def label(self) -> str:
        return f"{self.code}@{self.version}"


class Component(CatalogueEntry, models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="components")
    code = models.CharField(max_length=20)
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    source_page = models.CharField(max_length=50, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["framework", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="component_code_unique")
        ]

    def __str__(self):
        return f"{self.code} {self.title}"


class Area(PhrasedEntry, models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="areas")
    component = models.ForeignKey(Component, on_delete=models.CASCADE, related_name="areas")
    code = models.CharField(max_length=20)
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    keywords = models.JSONField(
        default=dict, blank=True, help_text=_('Keywords per language: {"en": [...], "ru": [...]}.')
    )
    source_page = models.CharField(max_length=50, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["framework", "component__order", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="area_code_unique")
        ]

    def __str__(self):
        return f"{self.code} {self.title}"


class Principle(PhrasedEntry, models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="principles")
    code = models.CharField(max_length=20)
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    keywords = models.JSONField(default=dict, blank=True)
    source_page = models.CharField(max_length=50, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["framework", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="principle_code_unique")
        ]

    def __str__(self):
        return f"{self.code} {self.title}"


class Criterion(PhrasedEntry, models.Model):
    """A checklist question. It belongs to an area, to a principle, or to a structural
    group of the framework itself (e.g. ST strategy structure, AP action plan, IN SMART)."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="criteria")
    area = models.ForeignKey(
        Area, on_delete=models.CASCADE, null=True, blank=True, related_name="criteria"
    )
    principle = models.ForeignKey(
        Principle, on_delete=models.CASCADE, null=True, blank=True, related_name="criteria"
    )
    group = models.CharField(
        max_length=20,
        blank=True,
        help_text=_("Structural group code (ST, AP, IN) when not in an area."),
    )
    code = models.CharField(max_length=30)
    question = models.TextField()
    guidance = models.TextField(blank=True)
    tier = models.CharField(max_length=20, choices=Tier.choices, default=Tier.PLAN)
    weight = models.PositiveSmallIntegerField(default=1)
    keywords = models.JSONField(default=dict, blank=True)
    source_page = models.CharField(max_length=50, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["framework", "order", "code"]
        verbose_name_plural = _("criteria")
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="criterion_code_unique"),
            models.CheckConstraint(
                condition=~(Q(area__isnull=False) & Q(principle__isnull=False)),
                name="criterion_one_parent",
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.question[:60]}"
