"""Writing the history of a plan's elements.

django-simple-history writes a historical row on every save and delete, naming the user
its middleware saw. Two things are added here, through the library's own hooks:

- the element's tags (many-to-many links) at that moment, in the row's `tag_ids`, so a
  change of tags shows and a restore puts them back;
- the `PlanEvent` the row belongs to, when one is open (`plan_event`): an import, a copy,
  a deletion or a restore is one line of the plan's history, however many rows it wrote.

Bulk writes stay bulk: `history_bulk_record` writes the rows of a bulk insert in one
more insert.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Mapping
from contextvars import ContextVar

from django.conf import settings
from django.db import models
from django.db.models import Value
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils import timezone
from simple_history.signals import pre_create_historical_record
from simple_history.utils import get_history_manager_for_model

from strategy.history_models import ElementHistory, PlanEvent

# The open event, the rows it wrote per model, and the tags of the rows a deletion takes
# (per model, by element id), read once per model rather than once per row.
_open_event: ContextVar[tuple[PlanEvent, Counter, dict] | None] = ContextVar(
    "plan_event", default=None
)


def history_enabled() -> bool:
    """simple-history's own switch, which the writers here follow too."""
    return getattr(settings, "SIMPLE_HISTORY_ENABLED", True)


def tag_fields(model: type[models.Model]) -> list[models.ManyToManyField]:
    """The element's links kept in its history: its many-to-many fields without a
    through model of their own (a responsibility is an element with a history of its own)."""
    return [f for f in model._meta.many_to_many if f.remote_field.through._meta.auto_created]


def tag_ids_of(element: models.Model) -> dict[str, list[int]] | None:
    """The ids the element links to, per many-to-many field; one query for all of them."""
    fields = tag_fields(type(element))
    if not fields:
        return None
    queries = [
        field.remote_field.through.objects.filter(**{f"{field.m2m_field_name()}_id": element.pk})
        .annotate(field=Value(field.name))
        .values_list("field", f"{field.m2m_reverse_field_name()}_id")
        for field in fields
    ]
    tags: dict[str, list[int]] = {field.name: [] for field in fields}
    for name, pk in queries[0].union(*queries[1:], all=True):
        tags[name].append(pk)
    return {name: sorted(ids) for name, ids in tags.items()}


@contextlib.contextmanager
def plan_event(*, plan, kind: str, source: str = "", user=None, subject=None, details=None):
    """Record what happens inside as one event of the plan's history. Without a `user`,
    the event names the one the history middleware saw (none in a background task).
    `details` are further columns of the event (a status move's from, to and reason)."""
    if user is None:
        user = get_history_manager_for_model(type(plan)).model.get_default_history_user(plan)
    event = PlanEvent.objects.create(
        plan=plan,
        kind=kind,
        source=str(source)[:300],
        history_user=user if getattr(user, "is_authenticated", False) else None,
        history_date=timezone.now(),
        subject_type=subject._meta.label_lower if subject is not None else "",
        subject_id=subject.pk if subject is not None else None,
        **(details or {}),
    )
    counts: Counter = Counter()
    token = _open_event.set((event, counts, {}))
    try:
        yield event
    finally:
        _open_event.reset(token)
    event.summary = dict(counts)
    event.save(update_fields=["summary", "detached"])


def _count(model: type[models.Model], number: int) -> None:
    opened = _open_event.get()
    if opened is not None:
        opened[1][model._meta.label_lower] += number


@receiver(pre_create_historical_record)
def _element_history_fill(sender, instance, history_instance, **kwargs):
    # The library's hook for the columns it does not fill itself.
    if not isinstance(history_instance, ElementHistory):
        return
    opened = _open_event.get()
    if opened is not None:
        history_instance.history_event = opened[0]
        _count(type(instance), 1)
    if history_instance.tag_ids is None:
        kept = getattr(instance, "_history_tag_ids", None)
        history_instance.tag_ids = kept if kept is not None else tag_ids_of(instance)


@receiver(pre_delete)
def _tags_keep_before_deletion(sender, instance, **kwargs):
    # A deletion removes the element's links before the library records it (post_delete):
    # they are read here, before, so that a restore can put them back.
    if not hasattr(sender._meta, "simple_history_manager_attribute") or not tag_fields(sender):
        return
    opened = _open_event.get()
    if opened is None or not hasattr(instance, "plan_id"):
        instance._history_tag_ids = tag_ids_of(instance)
        return
    cache = opened[2]
    if sender not in cache:
        cache[sender] = _tag_ids_where(sender, plan_id=instance.plan_id)
    names = [field.name for field in tag_fields(sender)]
    instance._history_tag_ids = _all_named(cache[sender].get(instance.pk, {}), names)


def _tag_ids_where(model: type[models.Model], **lookup) -> dict[int, dict[str, list[int]]]:
    """The links of the elements of `model` the lookup (on the element) selects, by
    element id, in one query: `_tag_ids_where(Activity, plan_id=3)`."""
    fields = tag_fields(model)
    queries = [
        field.remote_field.through.objects.filter(
            **{f"{field.m2m_field_name()}__{name}": value for name, value in lookup.items()}
        )
        .annotate(field=Value(field.name))
        .values_list(
            f"{field.m2m_field_name()}_id", "field", f"{field.m2m_reverse_field_name()}_id"
        )
        for field in fields
    ]
    tags: dict[int, dict[str, list[int]]] = {}
    for pk, name, linked in queries[0].union(*queries[1:], all=True):
        tags.setdefault(pk, {}).setdefault(name, []).append(linked)
    return tags


def history_record_save(
    *, element: models.Model, created: bool, tags: Mapping[str, list] | None = None
) -> None:
    """Record a save made without its historical row (see strategy.services.element_save,
    which records once, after the tags are set). `tags`, when they name every tag field,
    are the links just set, so they are not read again."""
    if not history_enabled():
        return
    names = [field.name for field in tag_fields(type(element))]
    if tags is not None and names and all(name in tags for name in names):
        tag_ids = {name: sorted(getattr(v, "pk", v) for v in tags[name]) for name in names}
    else:
        tag_ids = tag_ids_of(element)
    manager = get_history_manager_for_model(type(element))
    fields = manager.model.tracked_fields
    row = manager.model(
        history_date=timezone.now(),
        history_type="+" if created else "~",
        history_user=manager.model.get_default_history_user(element),
        tag_ids=tag_ids,
        **{field.attname: getattr(element, field.attname) for field in fields},
    )
    opened = _open_event.get()
    if opened is not None:
        row.history_event = opened[0]
        _count(type(element), 1)
    row.save()


def history_bulk_record(
    objs: list[models.Model],
    *,
    model: type[models.Model],
    tag_ids: Mapping[int, dict[str, list[int]]] | None = None,
    history_type: str = "+",
    history_types: Mapping[int, str] | None = None,
) -> None:
    """The historical rows of a bulk insert ("+") or update ("~"), in one more insert, in
    the open event. As simple-history's bulk_history_create, with each row's tags when
    `tag_ids` (by element id) gives them; `history_types` (by element id) mixes kinds of
    change in the one insert."""
    if not objs or not history_enabled():
        return
    if tag_ids is None and history_type == "~" and tag_fields(model):
        # Elements renumbered by a move keep their tags: read them, so the next change
        # of tags still shows what it changed.
        tag_ids = _tag_ids_where(model, pk__in=[obj.pk for obj in objs])
    history = get_history_manager_for_model(model).model
    opened = _open_event.get()
    event = opened[0] if opened is not None else None
    now = timezone.now()
    names = [field.name for field in tag_fields(model)]
    rows = [
        history(
            history_date=now,
            history_type=(history_types or {}).get(obj.pk, history_type),
            history_user=event.history_user if event else history.get_default_history_user(obj),
            history_event=event,
            tag_ids=None if tag_ids is None else _all_named(tag_ids.get(obj.pk, {}), names),
            **{field.attname: getattr(obj, field.attname) for field in history.tracked_fields},
        )
        for obj in objs
    ]
    history.objects.bulk_create(rows, batch_size=1000)
    _count(model, len(objs))


def _all_named(tags: dict[str, list[int]], names: list[str]) -> dict[str, list[int]] | None:
    return {name: sorted(tags.get(name, ())) for name in names} if names else None


def history_link_to_event(*, element: models.Model) -> None:
    """Count the element's rows recorded so far as part of the open event (the plan row
    written before an import or a copy opens its event)."""
    opened = _open_event.get()
    if opened is not None:
        updated = element.history.filter(history_event=None).update(history_event=opened[0])
        _count(type(element), updated)


def history_record_detached(*, element: models.Model) -> dict[str, dict[str, list[int]]]:
    """Before `element` is deleted: the rows that will lose their link to it rather than
    go with it (on_delete=SET_NULL), recorded unlinked in the open event, so that a
    restore links them again. Returns them as PlanEvent.detached keeps them."""
    if not history_enabled():
        return {}
    detached: dict[str, dict[str, list[int]]] = {}
    for relation in element._meta.related_objects:
        if relation.many_to_many and relation.through._meta.auto_created:
            # Links to it (a goal's background sections) go with it; their owners stay.
            owners = relation.related_model.objects.filter(**{relation.field.name: element})
            ids = list(owners.values_list("pk", flat=True))
            if ids:
                label = relation.related_model._meta.label_lower
                detached.setdefault(label, {})[relation.field.name] = ids
            continue
        if relation.on_delete is not models.SET_NULL or not relation.one_to_many:
            continue
        model = relation.related_model
        if not hasattr(model._meta, "simple_history_manager_attribute"):
            continue
        field = relation.field
        rows = list(model.objects.filter(**{field.name: element}))
        if not rows:
            continue
        for row in rows:
            setattr(row, field.attname, None)
        opened = _open_event.get()
        attrs = {"history_event": opened[0]} if opened is not None else {}
        get_history_manager_for_model(model).bulk_history_create(
            rows, update=True, custom_historical_attrs=attrs
        )
        _count(model, len(rows))
        detached.setdefault(model._meta.label_lower, {})[field.name] = [r.pk for r in rows]
    return detached
