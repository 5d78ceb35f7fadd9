"""The national resource plan: what a plan costs, who pays, and what is still unfunded.

Totals are kept per currency and never added across currencies. The budget lines are
summed in the database (one grouped query), so the cost does not grow with the number
of lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Exists, OuterRef, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from actionplan.models import Activity, BudgetLine
from standards.models import Component
from strategy.models import NO_CHAPTER, Chapter, Plan

STATUSES = [s.value for s in BudgetLine.Status]
NO_COMPONENT = gettext_lazy("Not mapped to a component")


@dataclass
class Amounts:
    """Secured, pledged and unfunded amounts of one currency."""

    secured: Decimal = Decimal(0)
    pledged: Decimal = Decimal(0)
    unfunded: Decimal = Decimal(0)

    def add(self, status: str, amount: Decimal) -> None:
        setattr(self, status, getattr(self, status) + amount)

    @property
    def total(self) -> Decimal:
        return self.secured + self.pledged + self.unfunded

    def by_status(self) -> dict[str, Decimal]:
        return {s: getattr(self, s) for s in STATUSES}


@dataclass
class CurrencyPlan:
    currency: str
    total: Amounts = field(default_factory=Amounts)
    by_chapter: dict[str, Amounts] = field(default_factory=dict)
    by_component: dict[str, Amounts] = field(default_factory=dict)
    by_source: dict[str, Amounts] = field(default_factory=dict)

    def source_rows(self) -> list[tuple[str, dict[str, Decimal]]]:
        return [(label, a.by_status()) for label, a in self.by_source.items()]


@dataclass
class ResourcePlan:
    currencies: list[CurrencyPlan]
    unbudgeted: list[Activity]  # no budget line and no resources in words: nothing said
    activity_count: int
    in_words: list[Activity] = field(default_factory=list)  # resources stated in words only

    @property
    def has_budget(self) -> bool:
        return bool(self.currencies)


def source_label(source: str, donor_name: str) -> str:
    if source == BudgetLine.Source.STATE:
        return _("State budget")
    if source == BudgetLine.Source.DONOR:
        return _("Donor: %(name)s") % {"name": " ".join(donor_name.split())}
    return _("Other")


def _source_order(label: str) -> tuple[int, str]:
    rank = 0 if label == _("State budget") else 2 if label == _("Other") else 1
    return rank, label.casefold()


def _chapter_components(plan: Plan) -> tuple[list[Chapter], dict[int, list[Component]]]:
    chapters = list(plan.chapters.order_by("order", "pk").prefetch_related("components"))
    return chapters, {c.pk: list(c.components.all()) for c in chapters}


def resource_plan(plan: Plan) -> ResourcePlan:
    """Budget totals per currency, by chapter, component (via the chapters' component
    tags; a chapter serving two components counts for both) and funding source, split
    secured/pledged/unfunded; and the activities that have no budget line, those that state
    their resources in words only apart from those that say nothing. Five queries
    whatever the plan's size."""
    chapters, components_of = _chapter_components(plan)
    rows = (
        BudgetLine.objects.filter(activity__plan=plan)
        .values("currency", "source", "donor_name", "status", "activity__objective__goal__chapter")
        .annotate(amount=Sum("amount"))
        .order_by()
    )
    # Keys are chapter and component ids while summing: two chapters may share a title.
    sums: dict[str, dict[str, dict]] = {}
    for row in rows:
        per = sums.setdefault(
            row["currency"], {"total": Amounts(), "chapter": {}, "component": {}, "source": {}}
        )
        chapter_id, status, amount = (
            row["activity__objective__goal__chapter"],
            row["status"],
            row["amount"],
        )
        per["total"].add(status, amount)
        per["chapter"].setdefault(chapter_id, Amounts()).add(status, amount)
        for component in components_of.get(chapter_id) or [None]:
            per["component"].setdefault(component, Amounts()).add(status, amount)
        source = source_label(row["source"], row["donor_name"])
        per["source"].setdefault(source, Amounts()).add(status, amount)
    without_lines = list(
        Activity.objects.filter(plan=plan)
        .in_plan_order()
        .filter(~Exists(BudgetLine.objects.filter(activity=OuterRef("pk"))))
        .only("plan_id", "objective_id", "code", "title", "resources_as_written")
    )
    labels = {c.pk: str(c) for c in chapters}
    no_chapter = _(NO_CHAPTER)
    for activity in without_lines:
        activity.chapter_label = labels.get(activity.chapter_ref, no_chapter)
    return ResourcePlan(
        currencies=[_currency_plan(c, sums[c], chapters) for c in sorted(sums)],
        unbudgeted=[a for a in without_lines if not a.resources_as_written.strip()],
        activity_count=Activity.objects.filter(plan=plan).count(),
        in_words=[a for a in without_lines if a.resources_as_written.strip()],
    )


def _currency_plan(currency: str, per: dict, chapters: list[Chapter]) -> CurrencyPlan:
    """Chapters in plan order, components in framework order, then state → donors → other."""
    by_chapter = {str(c): per["chapter"][c.pk] for c in chapters if c.pk in per["chapter"]}
    if None in per["chapter"]:
        by_chapter[_(NO_CHAPTER)] = per["chapter"][None]
    components = sorted(
        (c for c in per["component"] if c is not None), key=lambda c: (c.order, c.code, c.pk)
    )
    by_component = {str(c): per["component"][c] for c in components}
    if None in per["component"]:
        by_component[str(NO_COMPONENT)] = per["component"][None]
    by_source = dict(sorted(per["source"].items(), key=lambda kv: _source_order(kv[0])))
    return CurrencyPlan(currency, per["total"], by_chapter, by_component, by_source)
