"""What the history of a plan is made of (django-simple-history keeps one historical table
per model; see strategy.history for how rows are written).

A `PlanEvent` is one change that writes many rows at once — an import, a copy, the
deletion of an element with what hangs from it, a restore — so the plan's history lists
it as one line naming its source, and the historical rows it wrote point at it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class PlanEvent(models.Model):
    class Kind(models.TextChoices):
        IMPORT = "import", _("Imported")
        COPY = "copy", _("Copied")
        DELETE = "delete", _("Deleted")
        RESTORE = "restore", _("Restored")
        STATUS = "status", _("Status changed")

    plan = models.ForeignKey("strategy.Plan", on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    # What the event came from: a file name, the plan copied, the element deleted.
    source = models.CharField(max_length=300, blank=True)
    # The element a deletion or a restore started from ("actionplan.output", 12).
    subject_type = models.CharField(max_length=100, blank=True)
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    # Rows a deletion left in place but unlinked from the deleted element (an activity
    # keeps living without its output): {"actionplan.activity": {"output": [ids]}}.
    detached = models.JSONField(default=dict, blank=True)
    # Named as on the historical rows, so one filter serves events and rows alike.
    history_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    history_date = models.DateTimeField(db_index=True)
    # Rows written, per model label ("actionplan.activity": 2000).
    summary = models.JSONField(default=dict, blank=True)
    # A deletion once restored is not restored twice.
    restored_by = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # A move in the plan's lifecycle (strategy.lifecycle): from, to, and why, where a
    # move back asks for a reason.
    status_from = models.CharField(max_length=20, blank=True)
    status_to = models.CharField(max_length=20, blank=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-history_date", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.source}".strip()


class ElementHistory(models.Model):
    """Columns every historical row of a plan element has besides the element's own."""

    # The catalogue tags and linked sections at that moment ({"areas": [3, 5], ...});
    # null where they were not recorded (rows written in bulk by an import or a copy).
    tag_ids = models.JSONField(null=True, blank=True)
    history_event = models.ForeignKey(
        PlanEvent, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        abstract = True


def element_history() -> HistoricalRecords:
    """The history manager of a plan element's model."""
    return HistoricalRecords(bases=[ElementHistory], user_related_name="+")
