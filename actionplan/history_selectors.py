"""What the history of a plan shows: every recorded change of its elements, of both tiers,
newest first, one line per change, and one line per event (an import, a copy, a deletion
with what hung from the deleted element, a restore) instead of the rows it wrote.

Each element kind keeps its own historical table; a page of the plan's history is one
UNION over them, then each kind's records of that page are read in a fixed number of
queries (napplanner.history_display), so the page costs the same whatever it shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import models
from django.db.models import Case, Count, F, Q, Value, When
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from actionplan.models import Activity, BudgetLine, Indicator, Output, Responsibility, SubActivity
from napplanner.history_display import RecordEntry, RecordReader
from strategy.history_models import PlanEvent
from strategy.models import (
    Chapter,
    Plan,
    PlanStatus,
    Section,
    SpecificObjective,
    Stakeholder,
    StrategicGoal,
)


@dataclass(frozen=True)
class HistoryKind:
    slug: str
    model: type[models.Model]
    label: str
    plural: str
    counted: str  # "%(count)d activities", in the plural form the number asks for
    # How its records reach the plan: its own plan column, or its activity's.
    via_activity: bool = False

    @property
    def history(self) -> type[models.Model]:
        return self.model.history.model

    def records_of_plan(self, plan: Plan) -> models.QuerySet:
        history = self.history
        if self.model is Plan:
            return history.objects.filter(id=plan.pk)
        if self.via_activity:
            # Through the activities' records, so rows of deleted activities still count,
            # and the activities themselves, which may predate the history.
            recorded = Activity.history.model.objects.filter(plan_id=plan.pk).values("id")
            current = Activity.objects.filter(plan_id=plan.pk).values("id")
            return history.objects.filter(Q(activity_id__in=recorded) | Q(activity_id__in=current))
        return history.objects.filter(plan_id=plan.pk)


# In the order a restore writes them: what a row points at comes before it.
HISTORY_KINDS = {
    kind.slug: kind
    for kind in (
        HistoryKind("plan", Plan, _("plan details"), _("plan details"),
                    ngettext_lazy("%(count)d plan", "%(count)d plans", "count")),
        HistoryKind("section", Section, _("section"), _("sections"),
                    ngettext_lazy("%(count)d section", "%(count)d sections", "count")),
        HistoryKind("stakeholder", Stakeholder, _("stakeholder"), _("stakeholders"),
                    ngettext_lazy("%(count)d stakeholder", "%(count)d stakeholders", "count")),
        HistoryKind("chapter", Chapter, _("chapter"), _("chapters"),
                    ngettext_lazy("%(count)d chapter", "%(count)d chapters", "count")),
        HistoryKind("goal", StrategicGoal, _("strategic goal"), _("strategic goals"),
                    ngettext_lazy("%(count)d strategic goal", "%(count)d strategic goals",
                                  "count")),
        HistoryKind("objective", SpecificObjective, _("specific objective"),
                    _("specific objectives"),
                    ngettext_lazy("%(count)d specific objective",
                                  "%(count)d specific objectives", "count")),
        HistoryKind("output", Output, _("output"), _("outputs"),
                    ngettext_lazy("%(count)d output", "%(count)d outputs", "count")),
        HistoryKind("activity", Activity, _("activity"), _("activities"),
                    ngettext_lazy("%(count)d activity", "%(count)d activities", "count")),
        HistoryKind("subactivity", SubActivity, _("sub-activity"), _("sub-activities"),
                    ngettext_lazy("%(count)d sub-activity", "%(count)d sub-activities",
                                  "count"),
                    via_activity=True),
        HistoryKind("responsibility", Responsibility, _("responsible body"),
                    _("responsible bodies"),
                    ngettext_lazy("%(count)d responsible body", "%(count)d responsible bodies",
                                  "count"),
                    via_activity=True),
        HistoryKind("budgetline", BudgetLine, _("budget line"), _("budget lines"),
                    ngettext_lazy("%(count)d budget line", "%(count)d budget lines", "count"),
                    via_activity=True),
        HistoryKind("indicator", Indicator, _("indicator"), _("indicators"),
                    ngettext_lazy("%(count)d indicator", "%(count)d indicators", "count")),
    )
}  # fmt: skip
KIND_OF_LABEL = {kind.model._meta.label_lower: kind for kind in HISTORY_KINDS.values()}
EVENT = "event"  # what an import or a copy is filed under in the kind filter


def plan_history_rows(*, plan: Plan, narrow=None) -> models.QuerySet:
    """(history_date, entry_kind, entry_ref, entry_event) of every line of the plan's
    history, newest first: records outside any event (entry_ref = history_id) and events
    (entry_event true, entry_ref = the event's id, entry_kind its subject's kind or
    "event"). `narrow(queryset)` filters each part by history_date, history_user and
    entry_kind."""
    narrow = narrow or (lambda queryset: queryset)
    columns = ("history_date", "entry_kind", "entry_ref", "entry_event")
    parts = [
        narrow(
            kind.records_of_plan(plan)
            .filter(history_event=None)
            .annotate(
                entry_kind=Value(kind.slug), entry_ref=F("history_id"), entry_event=Value(False)
            )
        )
        .order_by()
        .values_list(*columns)
        for kind in HISTORY_KINDS.values()
    ]
    subject_kind = Case(
        *[When(subject_type=label, then=Value(k.slug)) for label, k in KIND_OF_LABEL.items()],
        default=Value(EVENT),
        output_field=models.CharField(),
    )
    events = (
        narrow(
            PlanEvent.objects.filter(plan=plan).annotate(
                entry_kind=subject_kind, entry_ref=F("pk"), entry_event=Value(True)
            )
        )
        .order_by()
        .values_list(*columns)
    )
    return parts[0].union(*parts[1:], events, all=True).order_by("-history_date", "-entry_ref")


@dataclass
class EventEntry:
    """One event: many rows written at once, read as one line."""

    event: PlanEvent
    counts: list[str] = field(default_factory=list)

    @property
    def history_date(self):
        return self.event.history_date

    @property
    def history_user(self):
        return self.event.history_user

    @property
    def status_from_label(self) -> str:
        return _status_label(self.event.status_from)

    @property
    def status_to_label(self) -> str:
        return _status_label(self.event.status_to)

    @property
    def can_be_restored(self) -> bool:
        return self.event.kind == PlanEvent.Kind.DELETE and self.event.restored_by_id is None


def _status_label(value: str) -> str:
    return str(PlanStatus(value).label) if value in PlanStatus.values else value


def _event_counts(event: PlanEvent) -> list[str]:
    """How many rows of each kind the event wrote ("3 activities"), in the plan's order."""
    counts = []
    for label, kind in KIND_OF_LABEL.items():
        number = event.summary.get(label, 0)
        if number:
            counts.append(kind.counted % {"count": number})
    return counts


def history_entries(rows: list[tuple]) -> list[RecordEntry | EventEntry]:
    """The lines of a page of `plan_history_rows`, in its order."""
    reader = RecordReader()
    wanted: dict[str, list[int]] = {}
    for _date, kind, ref, is_event in rows:
        wanted.setdefault(EVENT if is_event else kind, []).append(ref)
    found: dict[tuple[str, int], RecordEntry | EventEntry] = {}
    events = PlanEvent.objects.filter(pk__in=wanted.pop(EVENT, [])).select_related("history_user")
    for event in events:
        found[(EVENT, event.pk)] = EventEntry(event=event, counts=_event_counts(event))
    for slug, ids in wanted.items():
        kind = HISTORY_KINDS[slug]
        records = list(
            kind.history.objects.filter(history_id__in=ids).select_related("history_user")
        )
        for entry in reader.entries(records, kind=slug, kind_label=str(kind.label)):
            found[(slug, entry.record.history_id)] = entry
    keys = [(EVENT if is_event else kind, ref) for _date, kind, ref, is_event in rows]
    return [found[key] for key in keys if key in found]


# What an element's panel shows besides the element, by the kind of element.
PANEL_CHILDREN = {
    "activity": ("subactivity", "responsibility", "budgetline", "indicator"),
    "goal": ("indicator",),
    "objective": ("indicator",),
    "output": ("indicator",),
}


def element_history_entries(*, kind: HistoryKind, pk: int, limit: int = 20) -> list[RecordEntry]:
    """The element's recorded changes and those of what its panel shows, newest first."""
    wanted = [(kind, {"id": pk})]
    wanted += [
        (HISTORY_KINDS[c], {f"{kind.slug}_id": pk}) for c in PANEL_CHILDREN.get(kind.slug, ())
    ]
    reader = RecordReader()
    entries: list[RecordEntry] = []
    for history_kind, lookup in wanted:
        records = list(
            history_kind.history.objects.filter(**lookup)
            .select_related("history_user")
            .order_by("-history_date", "-history_id")[:limit]
        )
        label = str(history_kind.label)
        entries += reader.entries(records, kind=history_kind.slug, kind_label=label)
    entries.sort(key=lambda e: (e.history_date, e.record.history_id), reverse=True)
    return entries[:limit]


def plan_history_counts(*, user, plan_ids: list[int], since) -> list[tuple[int, str, int]]:
    """(plan id, "2 activities", 2): the lines of each plan's history written by others
    after `since` (strategy.changes), per kind of element; events (imports, copies,
    deletions, restores, status moves) count one each. One query."""
    parts = []
    for kind in HISTORY_KINDS.values():
        ref = (
            "id" if kind.model is Plan else "activity__plan_id" if kind.via_activity else "plan_id"
        )
        rows = kind.history.objects.filter(history_event=None, **{f"{ref}__in": plan_ids})
        parts.append(_counted(rows.exclude(history_user=user), ref, since, kind.slug))
    events = PlanEvent.objects.filter(plan_id__in=plan_ids).exclude(history_user=user)
    parts.append(_counted(events, "plan_id", since, EVENT))
    counts = []
    for plan_id, slug, number in parts[0].union(*parts[1:], all=True):
        counted = HISTORY_KINDS[slug].counted if slug in HISTORY_KINDS else EVENTS_COUNTED
        counts.append((plan_id, counted % {"count": number}, number))
    return counts


EVENTS_COUNTED = ngettext_lazy(
    "%(count)d import, copy, deletion, restore or status move",
    "%(count)d imports, copies, deletions, restores or status moves",
    "count",
)


def _counted(queryset, ref: str, since, slug: str):
    return (
        queryset.filter(history_date__gt=since(ref))
        .order_by()
        .values(counted_plan=F(ref))
        .annotate(counted_kind=Value(slug), counted=Count("pk"))
        .values_list("counted_plan", "counted_kind", "counted")
    )
