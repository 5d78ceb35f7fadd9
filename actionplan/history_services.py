"""Restoring from a plan's history: an element as one of its records shows it, or what a
deletion took (the element with everything that hung from it). Either is one event of the
plan's history. Rows come back with their own ids, so their history continues where it
stopped."""

from __future__ import annotations

from django.apps import apps
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _

from actionplan.history_selectors import HISTORY_KINDS, KIND_OF_LABEL, HistoryKind
from strategy.history import (
    history_bulk_record,
    history_record_save,
    plan_event,
    tag_fields,
)
from strategy.history_models import PlanEvent
from strategy.models import Plan


class RestoreRefused(Exception):
    """What is to be restored cannot be, as things now stand; nothing was written."""


def history_version_restore(*, plan: Plan, kind: HistoryKind, record, user) -> PlanEvent:
    """Make the element as `record` shows it, recreating it when it was deleted since."""
    element = record.instance
    if isinstance(element, Plan):
        # Its status moves only through its lifecycle (strategy.services.plan_status_change).
        element.status = plan.status
    exists = kind.model.objects.filter(pk=element.pk).exists()
    _parents_check({kind.model: [element]})
    try:
        with transaction.atomic(), plan_event(
            plan=plan, kind=PlanEvent.Kind.RESTORE, source=str(element), subject=element,
            user=user,
        ) as event:  # fmt: skip
            element.save_without_historical_record(force_insert=not exists)
            if record.tag_ids is not None:
                _tags_set(kind.model, {element.pk: record.tag_ids}, replace=exists)
            history_record_save(element=element, created=not exists)
    except IntegrityError as exc:
        raise RestoreRefused(_("It conflicts with the plan as it now is.")) from exc
    return event


def history_deletion_restore(*, event: PlanEvent, user) -> PlanEvent:
    """Bring back what the deletion `event` took, and link again the rows it unlinked."""
    if event.kind != PlanEvent.Kind.DELETE:
        raise RestoreRefused(_("Only a deletion can be undone."))
    if event.restored_by_id is not None:
        raise RestoreRefused(_("This deletion was already undone."))
    records = {
        kind: list(kind.history.objects.filter(history_event=event, history_type="-"))
        for kind in HISTORY_KINDS.values()
    }
    groups = {kind.model: [r.instance for r in rows] for kind, rows in records.items() if rows}
    _parents_check(groups)
    subject = next(
        (e for e in groups.get(_subject_model(event), []) if e.pk == event.subject_id), None
    )
    try:
        with transaction.atomic():
            kind = PlanEvent.Kind.RESTORE
            with plan_event(
                plan=event.plan, kind=kind, source=event.source, subject=subject, user=user
            ) as restore:
                for history_kind, rows in records.items():
                    _recreate(history_kind, rows, groups.get(history_kind.model, []))
                _relink(event)
            event.restored_by = restore
            event.save(update_fields=["restored_by"])
    except IntegrityError as exc:
        raise RestoreRefused(_("It conflicts with the plan as it now is.")) from exc
    return restore


def _subject_model(event: PlanEvent):
    kind = KIND_OF_LABEL.get(event.subject_type)
    return kind.model if kind else None


def _recreate(kind: HistoryKind, rows: list, elements: list[models.Model]) -> None:
    if not rows:
        return
    kind.model.objects.bulk_create(elements)
    tags = {r.id: r.tag_ids for r in rows if r.tag_ids is not None}
    _tags_set(kind.model, tags, replace=False)
    history_bulk_record(elements, model=kind.model, tag_ids=tags if tags else None)


def _relink(event: PlanEvent) -> None:
    """Rows the deletion left in place without their link to the deleted element."""
    for label, fields in event.detached.items():
        model = apps.get_model(label)
        for name, ids in fields.items():
            field = model._meta.get_field(name)
            if field.many_to_many:
                through = field.remote_field.through
                source = f"{field.m2m_field_name()}_id"
                target = f"{field.m2m_reverse_field_name()}_id"
                owners = model.objects.filter(pk__in=ids).values_list("pk", flat=True)
                through.objects.bulk_create(
                    through(**{source: pk, target: event.subject_id}) for pk in owners
                )
                continue
            rows = list(model.objects.filter(pk__in=ids, **{name: None}))
            for row in rows:
                setattr(row, f"{name}_id", event.subject_id)
            model.objects.bulk_update(rows, [name])
            history_bulk_record(rows, model=model, history_type="~")


def _tags_set(model, tags: dict[int, dict[str, list[int]]], *, replace: bool) -> None:
    """The elements' links as recorded, to the rows that still exist."""
    for field in tag_fields(model):
        through = field.remote_field.through
        source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        wanted = {pk: set(t.get(field.name, ())) for pk, t in tags.items()}
        linked = set().union(*wanted.values()) if wanted else set()
        existing = set(
            field.related_model.objects.filter(pk__in=linked).values_list("pk", flat=True)
        )
        if replace:
            through.objects.filter(**{f"{source}__in": list(wanted)}).delete()
        through.objects.bulk_create(
            through(**{source: pk, target: linked_id})
            for pk, ids in wanted.items()
            for linked_id in sorted(ids & existing)
        )


def _parents_check(groups: dict[type[models.Model], list[models.Model]]) -> None:
    """Refuse when a restored row would point at a row that no longer exists; a link
    that may be empty (an activity's output) is emptied instead."""
    restored = {model: {e.pk for e in elements} for model, elements in groups.items()}
    for model, elements in groups.items():
        for field in model._meta.concrete_fields:
            if not field.is_relation:
                continue
            ids = {getattr(e, field.attname) for e in elements} - {None}
            ids -= restored.get(field.related_model, set())
            if not ids:
                continue
            present = set(
                field.related_model.objects.filter(pk__in=ids).values_list("pk", flat=True)
            )
            if ids <= present:
                continue
            if field.null:
                for element in elements:
                    if getattr(element, field.attname) not in present:
                        setattr(element, field.attname, None)
                continue
            kind = KIND_OF_LABEL.get(field.related_model._meta.label_lower)
            what = kind.label if kind else field.related_model._meta.verbose_name
            raise RestoreRefused(
                _("The %(what)s it belongs to was deleted: restore that first.") % {"what": what}
            )
