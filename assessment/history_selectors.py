"""What the history of a review shows: its reviewers' notes, their rating overrides and
their dismissals of findings, newest first, field by field (the checks' own runs rewrite
findings and computed ratings in bulk and are not a person's change)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.db.models import F, Value
from django.utils.translation import gettext_lazy as _

from assessment.models import Finding, Note, Rating, Review
from napplanner.history_display import RecordEntry, RecordReader


@dataclass(frozen=True)
class ReviewHistoryKind:
    slug: str
    model: type[models.Model]
    label: str
    fields: tuple[str, ...] = ()  # the fields a person changes; all when empty


REVIEW_HISTORY_KINDS = {
    kind.slug: kind
    for kind in (
        ReviewHistoryKind("note", Note, _("note")),
        ReviewHistoryKind(
            "rating", Rating, _("rating"), ("override_level", "override_justification")
        ),
        ReviewHistoryKind("finding", Finding, _("finding"), ("dismissed", "dismissed_reason")),
    )
}


def review_history_rows(*, review: Review) -> models.QuerySet:
    """(history_date, entry_kind, history_id) of every recorded change, newest first."""
    parts = [
        kind.model.history.filter(review_id=review.pk)
        .annotate(entry_kind=Value(kind.slug), entry_ref=F("history_id"))
        .order_by()
        .values_list("history_date", "entry_kind", "entry_ref")
        for kind in REVIEW_HISTORY_KINDS.values()
    ]
    return parts[0].union(*parts[1:], all=True).order_by("-history_date", "-entry_ref")


def review_history_entries(rows: list[tuple]) -> list[RecordEntry]:
    reader = RecordReader()
    found: dict[tuple[str, int], RecordEntry] = {}
    wanted: dict[str, list[int]] = {}
    for _date, slug, ref in rows:
        wanted.setdefault(slug, []).append(ref)
    for slug, ids in wanted.items():
        kind = REVIEW_HISTORY_KINDS[slug]
        history = kind.model.history.model
        records = list(history.objects.filter(history_id__in=ids).select_related("history_user"))
        label = str(kind.label)
        for entry in reader.entries(records, kind=slug, kind_label=label, only=kind.fields):
            found[(slug, entry.record.history_id)] = entry
    return [found[(slug, ref)] for _date, slug, ref in rows if (slug, ref) in found]
