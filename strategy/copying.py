"""Copying a plan's content into a new plan: one table of what is copied, walked in
layer order.

Each row of the table names a model, how its rows reach their plan, the fields copied as
they are, and the foreign keys that point at rows copied before it (their new ids are
looked up); many-to-many links (tags, background sections) are copied with the rows.
Timeframes and years move with the period. strategy lists its own tier here; the apps
above it register theirs (in their AppConfig.ready), as strategy may not import them.
Each table costs a fixed number of queries, whatever the size of the plan.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db import models

from strategy.history import history_bulk_record
from strategy.models import Chapter, Plan, Section, SpecificObjective, Stakeholder, StrategicGoal

TAGS = ("components", "areas", "principles")


@dataclass(frozen=True)
class CopiedTable:
    model: type[models.Model]
    # How a row reaches its plan: "plan", or through its parent ("activity__plan").
    plan_lookup: str = "plan"
    fields: tuple[str, ...] = ()
    # Foreign keys to rows copied earlier in the walk; they point at the new rows.
    remapped: tuple[str, ...] = ()
    # Many-to-many relations copied with the rows.
    links: tuple[str, ...] = ()
    # Start and end months move into the new period (see PlanCopy.shifted_timeframe).
    timeframe: bool = False
    # Years that move by the period difference, so a target stays at the same point.
    years: tuple[str, ...] = ()
    order_by: tuple[str, ...] = ("order", "pk")


@dataclass
class PlanCopy:
    """The state of one copy: the old → new id of each row copied so far, and the shift
    of the period."""

    source: Plan
    plan: Plan
    years: int
    ids: dict[type[models.Model], dict[int, int]] = field(default_factory=dict)

    def new_id(self, model: type[models.Model], old_id: int | None) -> int | None:
        return None if old_id is None else self.ids[model][old_id]

    def shifted_timeframe(self, element) -> dict[str, datetime.date | None]:
        """The element's start and end month moved by the period difference and clipped
        to the new period. A timeframe wholly outside the new period is dropped, to be
        planned again, rather than squeezed into a misleading month."""
        start, end = element.start_month, element.end_month
        if start is None or end is None:
            return {"start_month": None, "end_month": None}
        first, last = self.plan.period_months
        start = max(start.replace(year=start.year + self.years, day=1), first)
        end = min(end.replace(year=end.year + self.years, day=1), last)
        if start > end:
            return {"start_month": None, "end_month": None}
        return {"start_month": start, "end_month": end}

    def table_copy(self, table: CopiedTable) -> None:
        rows = list(
            table.model.objects.filter(**{table.plan_lookup: self.source}).order_by(*table.order_by)
        )
        created = table.model.objects.bulk_create(
            table.model(**self._values(table, r)) for r in rows
        )
        self.ids.setdefault(table.model, {}).update(
            (row.pk, new.pk) for row, new in zip(rows, created, strict=True)
        )
        tag_ids: dict[int, dict[str, list[int]]] = {}
        for name in table.links:
            for new_id, linked in self._links_copy(table, name):
                tag_ids.setdefault(new_id, {}).setdefault(name, []).append(linked)
        history_bulk_record(created, model=table.model, tag_ids=tag_ids)

    def _values(self, table: CopiedTable, row) -> dict:
        values = {name: getattr(row, name) for name in table.fields}
        if table.plan_lookup == "plan":
            values["plan"] = self.plan
        for name in table.remapped:
            target = table.model._meta.get_field(name).related_model
            values[f"{name}_id"] = self.new_id(target, getattr(row, f"{name}_id"))
        if table.timeframe:
            values.update(self.shifted_timeframe(row))
        for name in table.years:
            year = getattr(row, name)
            values[name] = year + self.years if year else None
        return values

    def _links_copy(self, table: CopiedTable, name: str) -> list[tuple[int, int]]:
        """Copy the links; returns them as (new row id, linked id)."""
        relation = table.model._meta.get_field(name)
        through = relation.remote_field.through
        source, target = relation.m2m_field_name(), relation.m2m_reverse_field_name()
        mapping = self.ids[table.model]
        # A link to a row of the plan (a background section) points at its copy; a
        # link to the catalogue (a tag) stays as it is.
        targets = self.ids.get(relation.related_model)
        # Joined through the plan, not an IN list of ids that grows with the plan.
        links = through.objects.filter(
            **{f"{source}__{table.plan_lookup}": self.source}
        ).values_list(f"{source}_id", f"{target}_id")
        copied = [
            (mapping[old], targets[linked] if targets is not None else linked)
            for old, linked in links
        ]
        through.objects.bulk_create(
            through(**{f"{source}_id": new, f"{target}_id": linked}) for new, linked in copied
        )
        return copied


TEXT = ("code", "title", "description", "order")
STRATEGY_TABLES = (
    CopiedTable(Section, fields=("title", "body", "kind", "component_id", "order")),
    CopiedTable(Stakeholder, fields=("name", "abbreviation", "kind", "role", "order")),
    CopiedTable(Chapter, fields=TEXT, links=TAGS),
    CopiedTable(
        StrategicGoal,
        fields=(*TEXT, "rationale"),
        remapped=("chapter",),
        links=(*TAGS, "background_sections"),
    ),
    CopiedTable(SpecificObjective, fields=TEXT, remapped=("goal",), links=TAGS),
)
# The tables of the tiers above strategy, in layer order.
REGISTERED_TABLES: list[CopiedTable] = []


def plan_copy_tables_register(*tables: CopiedTable) -> None:
    REGISTERED_TABLES.extend(t for t in tables if t not in REGISTERED_TABLES)


def plan_content_copy(*, source: Plan, plan: Plan) -> PlanCopy:
    """Copy every table of `source` into `plan`, in layer order."""
    copy = PlanCopy(source=source, plan=plan, years=plan.period_start - source.period_start)
    for table in (*STRATEGY_TABLES, *REGISTERED_TABLES):
        copy.table_copy(table)
    return copy
