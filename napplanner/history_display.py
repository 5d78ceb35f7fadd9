"""How a change recorded by django-simple-history reads: the fields it changed, each with
its old and new value as a person reads them (choice labels, the names of linked rows,
months), for any historical model.

A page draws many records at once; `RecordReader` loads what they name (the records
before them, the rows their links point at) in a few queries per model, never one per
record.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# Columns a person does not edit: stamps the database keeps itself.
UNSHOWN = {"created_at", "updated_at"}
ACTIONS = {
    "+": gettext_lazy("created"),
    "~": gettext_lazy("changed"),
    "-": gettext_lazy("deleted"),
}
EMPTY = "—"


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class RecordEntry:
    """One recorded change of one element."""

    record: models.Model
    kind: str  # the slug of the element's kind
    kind_label: str
    label: str
    changes: list[Change] = field(default_factory=list)

    @property
    def action(self) -> str:
        return str(ACTIONS.get(self.record.history_type, ""))

    @property
    def history_date(self) -> datetime.datetime:
        return self.record.history_date

    @property
    def history_user(self):
        return self.record.history_user

    @property
    def is_deletion(self) -> bool:
        return self.record.history_type == "-"


def previous_record_ids(history: type[models.Model], ids: Iterable[int]) -> dict[int, int]:
    """history_id -> the history_id of the same element's record before it (one query)."""
    before = history.objects.filter(
        Q(history_date__lt=OuterRef("history_date"))
        | Q(history_date=OuterRef("history_date"), history_id__lt=OuterRef("history_id")),
        id=OuterRef("id"),
    ).order_by("-history_date", "-history_id")
    rows = (
        history.objects.filter(history_id__in=list(ids))
        .annotate(previous=Subquery(before.values("history_id")[:1]))
        .values_list("history_id", "previous")
    )
    return {history_id: previous for history_id, previous in rows if previous is not None}


class RecordReader:
    """Reads records of several historical models into `RecordEntry`s."""

    def __init__(self):
        self._wanted: dict[type[models.Model], set[int]] = defaultdict(set)
        self._names: dict[type[models.Model], dict[int, str]] = {}

    def entries(
        self,
        records: list[models.Model],
        *,
        kind: str,
        kind_label: str,
        only: tuple[str, ...] = (),
    ) -> list[RecordEntry]:
        """The entries of records of one historical model (their previous records and the
        rows they link to are loaded here, in a fixed number of queries). `only` names
        the fields shown, when not all are a person's edits."""
        if not records:
            return []
        history = type(records[0])
        previous_ids = previous_record_ids(history, [r.history_id for r in records])
        previous = history.objects.in_bulk(list(previous_ids.values()), field_name="history_id")
        fields = [f for f in self._shown_fields(history) if not only or f.name in only]
        for record in [*records, *previous.values()]:
            self._want(record, fields)
        self._load()
        entries = []
        for record in records:
            before = previous.get(previous_ids.get(record.history_id))
            entries.append(
                RecordEntry(
                    record=record,
                    kind=kind,
                    kind_label=kind_label,
                    label=self.label(record),
                    changes=self.changes(record, before, fields),
                )
            )
        return entries

    def label(self, record: models.Model) -> str:
        """The element's name as the record has it."""
        stakeholder = getattr(record, "stakeholder_id", None)
        if type(record).instance_type.__name__ == "Responsibility" and stakeholder:
            return self._name_of(record.instance_type._meta.get_field("stakeholder"), stakeholder)
        return str(record.instance)

    # --- fields ---------------------------------------------------------------------

    @staticmethod
    def _shown_fields(history: type[models.Model]) -> list[models.Field]:
        tracked = history.tracked_fields
        return [f for f in tracked if not f.primary_key and f.name not in UNSHOWN]

    def _want(self, record, fields: list[models.Field]) -> None:
        for f in fields:
            if f.is_relation and getattr(record, f.attname) is not None:
                self._wanted[f.related_model].add(getattr(record, f.attname))
        model = record.instance_type
        for name, ids in (getattr(record, "tag_ids", None) or {}).items():
            self._wanted[model._meta.get_field(name).related_model].update(ids)

    def _load(self) -> None:
        for model, ids in self._wanted.items():
            known = self._names.setdefault(model, {})
            missing = ids - known.keys()
            if missing:
                found = model.objects.in_bulk(missing)
                known.update((pk, str(obj)) for pk, obj in found.items())
                gone = _("#%(id)s (deleted)")
                known.update((pk, gone % {"id": pk}) for pk in missing - found.keys())
        self._wanted.clear()

    def _name_of(self, f: models.Field, pk) -> str:
        return self._names.get(f.related_model, {}).get(pk, f"#{pk}")

    def value(self, f: models.Field, value) -> str:
        if value is None or value == "" or value == []:
            return EMPTY
        if f.is_relation:
            return self._name_of(f, value)
        if f.choices:
            return str(dict(f.flatchoices).get(value, value))
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if isinstance(value, datetime.datetime):
            return formats.date_format(value, "DATETIME_FORMAT")
        if isinstance(value, datetime.date):
            return formats.date_format(value, "YEAR_MONTH_FORMAT")
        if isinstance(value, list):
            return ", ".join(map(str, value))
        return str(value)

    def changes(self, record, before, fields: list[models.Field]) -> list[Change]:
        """Field by field: what `record` changed from `before` (everything it sets, for a
        creation; nothing for a deletion)."""
        if record.history_type == "-":
            return []
        result = []
        for f in fields:
            new = getattr(record, f.attname)
            old = getattr(before, f.attname) if before is not None else None
            if before is None and new in (None, "", []):
                continue
            if old != new:
                label = str(f.verbose_name).capitalize()
                result.append(Change(label, self.value(f, old), self.value(f, new)))
        result.extend(self._tag_changes(record, before))
        return result

    def _tag_changes(self, record, before) -> list[Change]:
        new_tags = getattr(record, "tag_ids", None)
        old_tags = getattr(before, "tag_ids", None) if before is not None else {}
        if new_tags is None or old_tags is None:  # not recorded: nothing to compare
            return []
        model = record.instance_type
        result = []
        for name, ids in new_tags.items():
            old_ids = old_tags.get(name, [])
            if sorted(old_ids) == sorted(ids):
                continue
            f = model._meta.get_field(name)
            label = str(f.verbose_name).capitalize()
            old = ", ".join(sorted(self._name_of(f, pk) for pk in old_ids)) or EMPTY
            new = ", ".join(sorted(self._name_of(f, pk) for pk in ids)) or EMPTY
            result.append(Change(label, old, new))
        return result
