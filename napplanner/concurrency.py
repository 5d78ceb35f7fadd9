"""Edits that never overwrite each other silently.

An edit form carries, signed, a fingerprint of each of its fields as it was when the form
was loaded (the hidden `loaded_version`). Saving reads the row again under
`select_for_update()` in the same transaction as the save and compares three ways, field
by field: a field only I changed is saved; a field only someone else changed meanwhile is
kept as they saved it (and I am told so); a field we both changed, differently, is a
conflict: nothing is saved and the conflict view shows both values, letting me keep mine,
take theirs or choose per field. No version column: the loaded values are the version,
so the schema does not change and a change made another way (an import, the admin) is
caught as well. Fingerprints rather than the values keep a long text out of the page twice.

Forms mix in `VersionedForm`; views call `form_save(form, save=...)` and answer the
`EditConflict` or `ObjectGone` it raises with `conflict_response` / `gone_response`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.core import signing
from django.core.exceptions import SuspiciousOperation, ValidationError
from django.db import IntegrityError, models, transaction
from django.forms.models import BaseModelForm, model_to_dict
from django.http import HttpResponse, QueryDict
from django.shortcuts import render
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

VERSION_FIELD = "loaded_version"
RESOLUTION = "resolution"  # the conflict view's button: mine, theirs or choice
KEEP = "keep-"  # the conflict view's per-field choice, keep-<field> = mine or theirs
MINE, THEIRS, CHOICE = "mine", "theirs", "choice"
_SALT = "napplanner.concurrency"
# What a conflict or a vanished object answers: 409, with the page (htmx swaps it too).
CONFLICT_STATUS = 409

Value = str | tuple[str, ...]


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, Decimal):
        # 100, 100.0 and 100.00 are the same amount, whichever way it was read.
        return format(value.normalize(), "f")
    if isinstance(value, str):
        return value.replace("\r\n", "\n")
    return str(value)


def _normal(value) -> Value:
    """A field's value as form data: one string, or a sorted tuple of them."""
    if isinstance(value, list | tuple | set | frozenset | models.QuerySet):
        return tuple(sorted(_text(v) for v in value))
    return _text(value)


def _fingerprint(value: Value) -> str:
    return hashlib.sha256(json.dumps(value).encode()).hexdigest()[:20]


def _salt(obj: models.Model) -> str:
    return f"{_SALT}:{obj._meta.label}:{obj.pk}"


class VersionedForm:
    """Mix into a form that edits one stored object (a ModelForm's `instance`; a plain
    form takes `instance=` too and says in `object_values` what each field shows of it).
    The form carries the version it was loaded at; `form_save` checks it."""

    def __init__(self, *args, **kwargs):
        if not isinstance(self, BaseModelForm):
            self.instance = kwargs.pop("instance", None)
        super().__init__(*args, **kwargs)
        self.fields[VERSION_FIELD] = forms.CharField(widget=forms.HiddenInput, required=False)
        self.merged_labels: list[str] = []
        if self.instance is not None and self.instance.pk is not None:
            # Read when drawn, after a subclass has finished setting the form up.
            self.initial[VERSION_FIELD] = self.loaded_version

    def loaded_version(self) -> str:
        fingerprints = {n: _fingerprint(v) for n, v in self.state_of(self.instance).items()}
        return signing.dumps(fingerprints, salt=_salt(self.instance))

    def object_values(self, obj) -> dict:
        """Per field of the form, the value `obj` gives it (as the form's initial)."""
        names = [n for n in self.fields if n != VERSION_FIELD]
        return model_to_dict(obj, fields=names)

    def state_of(self, obj) -> dict[str, Value]:
        values = self.object_values(obj)
        return {n: _normal(self.fields[n].prepare_value(v)) for n, v in values.items()}

    def submitted_state(self, names: Iterable[str]) -> dict[str, Value]:
        return {n: _normal(self.fields[n].prepare_value(self.cleaned_data.get(n))) for n in names}

    def loaded_fingerprints(self) -> dict[str, str] | None:
        raw = self.data.get(VERSION_FIELD)
        if not raw or self.instance is None or self.instance.pk is None:
            return None  # a new object, or a client that does not send the version
        try:
            return signing.loads(raw, salt=_salt(self.instance))
        except signing.BadSignature as error:
            raise SuspiciousOperation("The form's version was altered.") from error

    def label_of(self, name: str) -> str:
        label = self.fields[name].label
        return str(label) if label else name.replace("_", " ").capitalize()

    def display(self, name: str, value: Value) -> str:
        return _display(self, name, value)


def _display(form: forms.BaseForm, name: str, value: Value) -> str:
    """A value as a person reads it: the label of a choice, not its id."""
    choices = getattr(form.fields[name], "choices", None)
    labels = {}
    if choices is not None:
        labels = {str(k): str(v) for k, v in choices if not isinstance(v, list | tuple)}
    values = value if isinstance(value, tuple) else (value,)
    shown = [labels.get(v, v) for v in values if v != ""]
    return "; ".join(shown) if shown else _("(empty)")


@dataclass
class FieldConflict:
    name: str
    label: str
    theirs: str
    mine: str


@dataclass
class EditConflict(Exception):
    """Someone saved the object since the form was loaded, changing what I changed."""

    form: VersionedForm
    fields: list[FieldConflict]
    merged_labels: list[str]
    version: str
    data: list[tuple[str, str]] = field(default_factory=list)  # what I sent, merged

    def __str__(self) -> str:
        return "Edit conflict on " + ", ".join(f.name for f in self.fields)


@dataclass
class ObjectGone(Exception):
    """The edited object, or the one it hangs from, was deleted meanwhile."""

    form: forms.BaseForm

    def typed(self) -> list[tuple[str, str]]:
        return typed_values(self.form)


def typed_values(form: forms.BaseForm) -> list[tuple[str, str]]:
    """What the person typed into `form`, as (label, text), to copy before it is lost."""
    rows = []
    for bound in form:
        if bound.is_hidden or bound.name not in form.data:
            continue
        raw = form.data.getlist(bound.name) if hasattr(form.data, "getlist") else None
        value = _normal(raw if raw and len(raw) > 1 else form.data.get(bound.name))
        if value in ("", ()):
            continue
        label = str(bound.label) if bound.label else bound.name
        text = _display(form, bound.name, value)
        rows.append((label, text))
    return rows


def _chosen_theirs(data, names: Iterable[str]) -> set[str]:
    resolution = data.get(RESOLUTION)
    if resolution == THEIRS:
        return {n for n in names if f"{KEEP}{n}" in data}
    if resolution == CHOICE:
        return {n for n in names if data.get(f"{KEEP}{n}") == THEIRS}
    return set()


def _with_values(data, values: dict[str, Value]) -> QueryDict:
    merged = QueryDict(mutable=True)
    for name in data:
        raw = data.getlist(name) if hasattr(data, "getlist") else data[name]
        merged.setlist(name, list(raw) if isinstance(raw, list | tuple) else [raw])
    for name, value in values.items():
        merged.setlist(name, list(value) if isinstance(value, tuple) else [value])
    return merged


def _form_data(data: QueryDict) -> list[tuple[str, str]]:
    """The merged submission as hidden inputs of the conflict view."""
    skipped = {"csrfmiddlewaretoken", VERSION_FIELD, RESOLUTION}
    return [
        (name, value)
        for name, values in data.lists()
        if name not in skipped and not name.startswith(KEEP)
        for value in values
    ]


def form_save(form: VersionedForm, *, save: Callable[[], object]) -> bool:
    """Validate `form` and call `save` in one transaction with the edited row locked,
    unless that row changed since the form was loaded in a field the form changed too
    (raises EditConflict) or is gone (raises ObjectGone). Changes someone else made to
    fields left as loaded are merged in; `form.merged_labels` names them. False when the
    input is invalid, or when `save` raises ValidationError: that rolls back and its
    messages go beside their fields (on top for a rule about no field of the form)."""
    try:
        return _checked_save(form, save)
    except ValidationError as error:
        for name, texts in error.update_error_dict({}).items():
            form.add_error(name if name in form.fields else None, texts)
        return False
    except IntegrityError as error:
        # What it hangs from was deleted between the check of the form and the commit.
        if form.instance is not None and _parent_gone(form.instance):
            raise ObjectGone(form) from error
        raise


def _parent_gone(obj: models.Model) -> bool:
    return any(
        not column.related_model._default_manager.filter(pk=value).exists()
        for column in obj._meta.concrete_fields
        if column.many_to_one and (value := getattr(obj, column.attname)) is not None
    )


def _checked_save(form: VersionedForm, save: Callable[[], object]) -> bool:
    if not form.is_valid():
        return False
    loaded = form.loaded_fingerprints()
    if loaded is None:
        with transaction.atomic():
            save()
        return True
    obj = form.instance
    with transaction.atomic():
        # Neither joins nor the model's ordering: PostgreSQL locks no nullable side of a join.
        rows = type(obj)._default_manager.select_related(None).filter(pk=obj.pk).order_by()
        fresh = rows.select_for_update().first()
        if fresh is None:
            raise ObjectGone(form)
        _refresh_unedited(form, fresh)
        stored = {n: v for n, v in form.state_of(fresh).items() if n in loaded}
        chosen = _chosen_theirs(form.data, stored)
        taken, conflicts = _compare(form, loaded, stored, chosen)
        merged_labels = [form.label_of(n) for n in taken if n not in chosen]
        if taken or conflicts:
            form.data = _with_values(form.data, taken)
        if conflicts:
            version = signing.dumps(
                {n: _fingerprint(v) for n, v in stored.items()}, salt=_salt(fresh)
            )
            raise EditConflict(form, conflicts, merged_labels, version, _form_data(form.data))
        if taken:
            form._errors = None  # validate again with their values in
            if not form.is_valid():
                return False
        form.merged_labels = merged_labels
        save()
    return True


def _compare(
    form: VersionedForm, loaded: dict[str, str], stored: dict[str, Value], chosen: set[str]
) -> tuple[dict[str, Value], list[FieldConflict]]:
    """Three ways, field by field: the stored values to take into the form (changed only by
    someone else, or chosen in the conflict view) and the fields both changed apart."""
    mine = form.submitted_state(stored)
    taken, conflicts = {}, []
    for name, theirs in stored.items():
        changed_by_them = _fingerprint(theirs) != loaded[name]
        changed_by_me = _fingerprint(mine[name]) != loaded[name]
        if name in chosen or (changed_by_them and not changed_by_me):
            if theirs != mine[name]:
                taken[name] = theirs
        elif changed_by_them and theirs != mine[name]:
            label = form.label_of(name)
            theirs_shown, mine_shown = form.display(name, theirs), form.display(name, mine[name])
            conflicts.append(FieldConflict(name, label, theirs_shown, mine_shown))
    return taken, conflicts


def _refresh_unedited(form: VersionedForm, fresh: models.Model) -> None:
    """Columns the form does not edit are taken from the row as it is now, so that saving
    the object does not put back what they held when it was read (an order changed by a
    move, a level computed by a re-run). A plain form's service sets what it edits after."""
    edited = set(form.fields) if isinstance(form, BaseModelForm) else set()
    for column in fresh._meta.concrete_fields:
        if column.name not in edited and not column.primary_key:
            setattr(form.instance, column.attname, getattr(fresh, column.attname))


def merged_note(form: VersionedForm) -> str:
    """What a saved form tells its author about changes of others kept beside theirs."""
    if not getattr(form, "merged_labels", None):
        return ""
    return _("Someone else changed %(fields)s meanwhile; their change was kept.") % {
        "fields": ", ".join(form.merged_labels)
    }


CONFLICT_TITLE = gettext_lazy("Someone else saved this meanwhile")


def conflict_response(
    request,
    conflict: EditConflict,
    *,
    what: str,
    action: str,
    cancel_url: str,
    target_id: str = "",
    context: dict | None = None,
) -> HttpResponse:
    """The conflict view: a form (a page of its own without htmx) that shows, field by
    field, what the other person saved and what I typed, and saves my choice."""
    values = {
        **(context or {}),
        "conflict": conflict,
        "what": what,
        "action": action,
        "cancel_url": cancel_url,
        "target_id": target_id,
        "version_field": VERSION_FIELD,
        "title": format_lazy("{}: {}", CONFLICT_TITLE, what),
    }
    template = "napplanner/_edit_conflict.html" if request.htmx else "napplanner/edit_conflict.html"
    return render(request, template, values, status=CONFLICT_STATUS)


def edit_save(
    request,
    form: VersionedForm,
    *,
    save: Callable[[], object],
    what: str,
    cancel_url: str,
    target_id: str = "",
    context: dict | None = None,
) -> bool | HttpResponse:
    """`form_save` for a view: True when saved, False when the input is invalid, else the
    conflict view (or the page saying the object is gone) to answer with."""
    try:
        return form_save(form, save=save)
    except EditConflict as conflict:
        return conflict_response(
            request,
            conflict,
            what=what,
            action=request.get_full_path(),
            cancel_url=cancel_url,
            target_id=target_id,
            context=context,
        )
    except ObjectGone as gone:
        return gone_response(
            request, gone, what=what, back_url=cancel_url, target_id=target_id, context=context
        )


def vanished(request, model: type[models.Model], pk: int) -> bool:
    """Whether a POST names an object that no longer exists at all (deleted since its form
    was loaded), rather than one the user may not see, which stays a 404."""
    return request.method == "POST" and not model._default_manager.filter(pk=pk).exists()


def gone_response(
    request,
    gone: ObjectGone,
    *,
    what: str,
    back_url: str,
    target_id: str = "",
    context: dict | None = None,
) -> HttpResponse:
    """The edited object (or what it hangs from) is gone: say so, with what was typed."""
    values = {
        **(context or {}),
        "typed": gone.typed(),
        "what": what,
        "back_url": back_url,
        "target_id": target_id,
    }
    template = "napplanner/_edit_gone.html" if request.htmx else "napplanner/edit_gone.html"
    return render(request, template, values, status=CONFLICT_STATUS)
