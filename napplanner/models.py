"""The one model of the bottom layer: a rendering of a long download (a PDF, a large Word or
Excel export) made by a background worker and kept until its content changes.

The app also exists so that Django sends it the post_migrate signal that keeps the role
groups in step with the permissions (see apps.py).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RenderingStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RENDERING = "rendering", _("Rendering")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class RenderingQuerySet(models.QuerySet):
    def of(self, kind: str, subject_id: int):
        return self.filter(kind=kind, subject_id=subject_id)


class Rendering(models.Model):
    """One rendering of one content: `fingerprint` digests everything the file shows, so a
    change to the plan or review makes a new rendering while the old one is still served
    to whoever asked for it."""

    kind = models.CharField(max_length=40)
    subject_id = models.PositiveBigIntegerField()
    fingerprint = models.CharField(max_length=64)
    status = models.CharField(
        max_length=12, choices=RenderingStatus.choices, default=RenderingStatus.QUEUED
    )
    file = models.FileField(upload_to="renderings/%Y/%m/", blank=True, max_length=200)
    filename = models.CharField(max_length=200, blank=True)
    content_type = models.CharField(max_length=120, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = RenderingQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "subject_id", "fingerprint"], name="one_rendering_per_content"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="ready") | ~models.Q(file=""),
                name="a_ready_rendering_has_a_file",
            ),
        ]
        indexes = [models.Index(fields=["kind", "subject_id", "-requested_at"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.subject_id} ({self.get_status_display()})"

    @property
    def is_ready(self) -> bool:
        return self.status == RenderingStatus.READY

    @property
    def is_pending(self) -> bool:
        return self.status in (RenderingStatus.QUEUED, RenderingStatus.RENDERING)

    @property
    def elapsed_seconds(self) -> int:
        """Seconds since it was asked for, or how long it took once finished."""
        end = self.finished_at or timezone.now()
        return max(0, int((end - self.requested_at).total_seconds()))
