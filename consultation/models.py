"""A plan's consultation: what civil society organisations and international partners say
of a plan while it is in consultation, and what the working group did with it.

A comment names the element it is about by kind and id, with the element's label and
chapter as they were when it was written, so the consultation summary still tells what a
comment was about after the element has been renamed or deleted.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from strategy.models import Chapter, Plan
from strategy.validators import PLAIN_TEXT

TEXT_LIMIT = 5000


class ElementKind(models.TextChoices):
    PLAN = "plan", _("plan as a whole")
    CHAPTER = "chapter", _("chapter")
    GOAL = "goal", _("strategic goal")
    OBJECTIVE = "objective", _("specific objective")
    OUTPUT = "output", _("output")
    ACTIVITY = "activity", _("activity")
    SUBACTIVITY = "subactivity", _("sub-activity")


class Resolution(models.TextChoices):
    OPEN = "open", _("Open")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class Comment(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="comments")
    element_kind = models.CharField(_("about"), max_length=20, choices=ElementKind.choices)
    element_id = models.PositiveIntegerField(null=True, blank=True)
    element_label = models.CharField(max_length=300, blank=True)
    chapter = models.ForeignKey(
        Chapter, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    chapter_label = models.CharField(max_length=300, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="plan_comments"
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    text = models.TextField(_("comment"), validators=PLAIN_TEXT, max_length=TEXT_LIMIT)
    created_at = models.DateTimeField(auto_now_add=True)
    resolution = models.CharField(
        _("decision"), max_length=10, choices=Resolution.choices, default=Resolution.OPEN
    )
    reason = models.TextField(_("reason"), validators=PLAIN_TEXT, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["plan", "element_kind", "element_id"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(element_kind="plan", element_id__isnull=True)
                | (~Q(element_kind="plan") & Q(element_id__isnull=False)),
                name="comment_element_named",
            ),
            # A decision always gives its reason; an open comment has neither.
            models.CheckConstraint(
                condition=Q(resolution=Resolution.OPEN, reason="", resolved_at__isnull=True)
                | (
                    Q(resolution__in=[Resolution.ACCEPTED, Resolution.DECLINED])
                    & ~Q(reason="")
                    & Q(resolved_at__isnull=False)
                ),
                name="comment_resolution_reasoned",
            ),
        ]

    def __str__(self):
        return f"{self.organisation or self.author} on {self.element_label or self.plan}"

    @property
    def is_open(self) -> bool:
        return self.resolution == Resolution.OPEN


class Reply(models.Model):
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="plan_comment_replies"
    )
    organisation = models.CharField(max_length=200, blank=True)
    text = models.TextField(_("reply"), validators=PLAIN_TEXT, max_length=TEXT_LIMIT)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name_plural = "replies"

    def __str__(self):
        return f"{self.organisation or self.author}: {self.text[:40]}"
