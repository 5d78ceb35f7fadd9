"""Workflows that write several strategy objects at once."""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from strategy.copying import plan_content_copy
from strategy.history import (
    history_bulk_record,
    history_link_to_event,
    history_record_detached,
    history_record_save,
    plan_event,
)
from strategy.history_models import PlanEvent
from strategy.lifecycle import STATUS_MOVES, may_steer
from strategy.models import (
    ChangeDigest,
    Chapter,
    Plan,
    PlanMembership,
    PlanStatus,
    PlanVisit,
    Section,
    Stakeholder,
)

PLAN_COPIED_FIELDS = (
    "country",
    "description",
    "adoption_reference",
    "legal_basis",
    "coordinating_body",
    "framework",
)


def plan_create(*, plan: Plan, user) -> Plan:
    """Save a new plan; its creator becomes an editor."""
    with transaction.atomic():
        plan.full_clean()
        plan.save()
        membership = PlanMembership(plan=plan, user=user, role=PlanMembership.Role.EDITOR)
        membership.full_clean()
        membership.save()
    return plan


def plan_create_from_template(*, plan: Plan, user) -> Plan:
    """A new plan laid out as its framework recommends: a preamble, one background
    analysis per component, the stakeholders' roles, funding, monitoring and evaluation,
    and one chapter per component tagged with it."""
    if plan.framework_id is None:
        raise ValueError("A plan starts from a template only when it follows a framework.")
    components = list(plan.framework.components.order_by("order", "code"))
    with transaction.atomic():
        plan_create(plan=plan, user=user)
        sections = [Section(kind=Section.Kind.PREAMBLE, title=_("Preamble"))]
        sections += [
            Section(
                kind=Section.Kind.BACKGROUND,
                component=c,
                title=f"Background analysis: {c.title}",
            )
            for c in components
        ]
        sections += [
            Section(kind=Section.Kind.STAKEHOLDERS, title=_("Stakeholders and their roles")),
            Section(kind=Section.Kind.FUNDING, title=_("Funding")),
            Section(kind=Section.Kind.MONITORING, title=_("Monitoring and evaluation")),
        ]
        for order, section in enumerate(sections, start=1):
            section.plan, section.order = plan, order
        Section.objects.bulk_create(sections)
        chapters = Chapter.objects.bulk_create(
            Chapter(plan=plan, code=str(n), title=c.title, order=n)
            for n, c in enumerate(components, start=1)
        )
        through = Chapter.components.through
        through.objects.bulk_create(
            through(chapter_id=chapter.pk, component_id=component.pk)
            for chapter, component in zip(chapters, components, strict=True)
        )
        history_bulk_record(sections, model=Section)
        tag_ids = {
            chapter.pk: {"components": [component.pk]}
            for chapter, component in zip(chapters, components, strict=True)
        }
        history_bulk_record(chapters, model=Chapter, tag_ids=tag_ids)
    return plan


# --- copying a plan ---------------------------------------------------------------------


def plan_copy(
    *,
    source: Plan,
    user,
    title: str,
    period_start: int,
    period_end: int,
    details: Mapping[str, object] | None = None,
) -> Plan:
    """A new draft plan that continues `source`: its sections, stakeholders, chapters,
    goals and objectives with their tags, and (through the tables the tiers above
    register) its action tier, with timeframes moved by the period difference.
    `details` overrides the plan fields copied from the source (country, framework, ...)."""
    plan = Plan(
        **{name: getattr(source, name) for name in PLAN_COPIED_FIELDS},
        title=title,
        period_start=period_start,
        period_end=period_end,
        status=PlanStatus.DRAFT,
        previous_plan=source,
    )
    for name, value in (details or {}).items():
        setattr(plan, name, value)
    plan.previous_plan = source
    with transaction.atomic():
        plan_create(plan=plan, user=user)
        # The copy is one event of the new plan's history, naming the plan copied.
        with plan_event(plan=plan, kind=PlanEvent.Kind.COPY, source=str(source), user=user):
            history_link_to_event(element=plan)
            plan_content_copy(source=source, plan=plan)
    return plan


# --- the plan's lifecycle ---------------------------------------------------------------

REASON_MAX_LENGTH = 1000


def plan_status_change(*, plan: Plan, user, to: str, reason: str = "") -> PlanEvent:
    """Move the plan to status `to`, as strategy.lifecycle allows, as one event of its
    history (who, when, from, to, why). Raises PermissionDenied for a user who may not
    move the plan, ValidationError for a move the table does not have, a missing reason
    or a status someone else changed meanwhile."""
    if not may_steer(user, plan):
        raise PermissionDenied(_("Only the plan's editors may change its status."))
    move = STATUS_MOVES.get((plan.status, to))
    if move is None:
        raise ValidationError(_("A plan cannot go from this status to that one."))
    reason = (reason or "").strip()
    if move.reason_required and not reason:
        raise ValidationError({"reason": _("Say why the plan goes back.")})
    if len(reason) > REASON_MAX_LENGTH:
        raise ValidationError({"reason": _("Keep the reason under 1000 characters.")})
    with transaction.atomic():
        stored = Plan.objects.select_for_update().only("status").get(pk=plan.pk)
        if stored.status != plan.status:
            raise ValidationError(_("Someone changed the plan's status meanwhile."))
        details = {"status_from": plan.status, "status_to": to, "reason": reason}
        kind = PlanEvent.Kind.STATUS
        with plan_event(plan=plan, kind=kind, user=user, subject=plan, details=details) as event:
            plan.status = to
            plan.full_clean()
            plan._history_user = user
            plan.save(update_fields=["status", "updated_at"])
    return event


def plan_visit_record(*, plan: Plan, user) -> None:
    """The user opened the plan now: what changed before no longer shows on their home
    page. One query (an insert that updates the row the user already has)."""
    if not getattr(user, "is_authenticated", False):
        return
    PlanVisit.objects.bulk_create(
        [PlanVisit(plan=plan, user=user, seen_at=timezone.now())],
        update_conflicts=True,
        unique_fields=["user", "plan"],
        update_fields=["seen_at"],
    )


def change_digest_set(*, user, by_email: bool) -> ChangeDigest:
    """Mail `user` a digest of what changed on their plans, or stop. A digest starts with
    the changes made from now on."""
    digest, _created = ChangeDigest.objects.get_or_create(user=user)
    if by_email and not digest.by_email:
        digest.sent_at = timezone.now()
    digest.by_email = by_email
    digest.full_clean()
    digest.save()
    return digest


# --- ordering and membership ------------------------------------------------------------


def section_move(*, section: Section, offset: int) -> None:
    """Move a section up (-1) or down (+1) among its plan's sections, renumbering them
    so that equal or missing order values cannot make a move a no-op."""
    sections = list(section.plan.sections.order_by("order", "pk"))
    index = next(i for i, s in enumerate(sections) if s.pk == section.pk)
    target = min(max(index + offset, 0), len(sections) - 1)
    sections.insert(target, sections.pop(index))
    before = {item.pk: item.order for item in sections}
    for order, item in enumerate(sections, start=1):
        item.order = order
    Section.objects.bulk_update(sections, ["order"])
    moved = [item for item in sections if item.order != before[item.pk]]
    history_bulk_record(moved, model=Section, history_type="~")


def section_next_order(plan: Plan) -> int:
    last = plan.sections.aggregate(models.Max("order"))["order__max"]
    return (last or 0) + 1


def stakeholder_next_order(plan: Plan) -> int:
    last = plan.stakeholders.aggregate(models.Max("order"))["order__max"]
    return (last or 0) + 1


@transaction.atomic
def stakeholder_add(*, stakeholder: Stakeholder) -> Stakeholder:
    """Add a body to its plan's stakeholders, after those listed."""
    stakeholder.order = stakeholder_next_order(stakeholder.plan)
    stakeholder.full_clean()
    stakeholder.save()
    return stakeholder


class LastEditorError(Exception):
    """A plan must keep at least one editor, or nobody could change it again."""


def membership_add(*, plan: Plan, user, role: str, organisation: str = "") -> PlanMembership:
    membership = PlanMembership(plan=plan, user=user, role=role, organisation=organisation)
    membership.full_clean()
    membership.save()
    return membership


def membership_remove(*, membership: PlanMembership) -> None:
    editors = membership.plan.memberships.filter(role=PlanMembership.Role.EDITOR)
    if membership.role == PlanMembership.Role.EDITOR and editors.count() <= 1:
        raise LastEditorError(_("The plan must keep at least one editor."))
    membership.delete()


# --- elements of a plan, edited in the workspace -----------------------------------
# Chapters, goals and objectives here; the action tier saves its elements the same way.

Tags = dict[str, list[models.Model]]


# Generated codes. A chapter, goal, objective or activity saved without a code is
# numbered: its parent's code, a dot, its place among its siblings (chapter "1", goal
# "1.1", objective "1.1.1", activity "1.1.1.1"; a goal outside any chapter has its place
# alone). A code is taken as generated while it equals the number of the element's place;
# any other code was typed by hand and is kept. Generated codes follow the elements: on a
# move among siblings or to another parent (the old siblings close the gap, as they do
# when one is deleted), and when a parent's code changes, every generated code below it
# takes the new number too. Nothing is stored to tell the two apart, so a plan imported
# with codes that already follow its places keeps following them.
CODE_MAX_LENGTH = 20


def _is_numbered(element: models.Model) -> bool:
    return hasattr(type(element), "code_parent")


def _parent_field(element: models.Model) -> str:
    return f"{element.code_parent}_id" if element.code_parent else "plan_id"


def _numbering_siblings(element: models.Model) -> models.QuerySet:
    lookups = {"plan_id": element.plan_id}
    if element.code_parent:
        lookups[f"{element.code_parent}_id"] = getattr(element, f"{element.code_parent}_id")
    return type(element).objects.filter(**lookups).order_by("order", "pk")


def _code_prefix(element: models.Model) -> str:
    parent = getattr(element, element.code_parent) if element.code_parent else None
    return f"{parent.code}." if parent is not None and parent.code else ""


def _numbered(prefix: str, position: int) -> str:
    code = f"{prefix}{position}"
    return code if len(code) <= CODE_MAX_LENGTH else str(position)


def element_numbered_code(element: models.Model) -> str:
    """The code the element's place gives it (it counts as last when not yet stored)."""
    ids = list(_numbering_siblings(element).values_list("pk", flat=True))
    position = ids.index(element.pk) + 1 if element.pk in ids else len(ids) + 1
    return _numbered(_code_prefix(element), position)


def _generated(ordered: list[models.Model], prefix: str) -> set[int]:
    """The elements among `ordered` siblings whose code is the number of their place."""
    return {
        sibling.pk
        for position, sibling in enumerate(ordered, start=1)
        if sibling.code == _numbered(prefix, position)
    }


def _renumber(ordered: list[models.Model], prefix: str, generated: set[int]) -> set[int]:
    """Give the `generated` codes among `ordered` siblings the numbers of their places
    now, and let the generated codes below each changed one follow it (each renumbered
    row is recorded in the plan's history). Returns the ids of the siblings renumbered."""
    changed = []
    for position, sibling in enumerate(ordered, start=1):
        code = _numbered(prefix, position)
        if sibling.pk in generated and sibling.code != code:
            changed.append((sibling, sibling.code))
            sibling.code = code
    if changed:
        rows = [sibling for sibling, _before in changed]
        type(ordered[0]).objects.bulk_update(rows, ["code"])
        history_bulk_record(rows, model=type(ordered[0]), history_type="~")
    for sibling, before in changed:
        _renumber_below(sibling, before)
    return {sibling.pk for sibling, _before in changed}


def _renumber_below(element: models.Model, old_code: str) -> None:
    """The element's code changed from `old_code`: the codes its children had from it
    take the new one (the children's models name their parent in `code_parent`)."""
    old_prefix = f"{old_code}." if old_code else ""
    new_prefix = f"{element.code}." if element.code else ""
    for relation in type(element)._meta.related_objects:
        model, field = relation.related_model, relation.field.name
        if getattr(model, "code_parent", None) != field:
            continue
        children = list(model.objects.filter(**{field: element}).order_by("order", "pk"))
        _renumber(children, new_prefix, _generated(children, old_prefix))


@transaction.atomic
def element_save(
    *, element: models.Model, siblings: models.QuerySet | None = None, tags: Tags | None = None
) -> models.Model:
    """Validate and save one plan element; a new one goes after its `siblings`. A numbered
    element left without a code, or moved with a generated one, gets its place's code;
    the generated codes of its old siblings and of the elements below it follow."""
    numbered = _is_numbered(element)
    stored = None
    if numbered and element.pk is not None:
        stored = type(element).objects.filter(pk=element.pk).first()
    left: tuple[list, str, set[int]] | None = None
    if stored is not None and getattr(stored, _parent_field(stored)) != getattr(
        element, _parent_field(element)
    ):
        old_siblings = list(_numbering_siblings(stored))
        prefix = _code_prefix(stored)
        generated = _generated(old_siblings, prefix)
        left = ([s for s in old_siblings if s.pk != element.pk], prefix, generated)
        if stored.code == element.code and stored.pk in generated:
            element.code = ""
    if element.pk is None and siblings is not None:
        last = siblings.aggregate(last=Max("order"))["last"]
        element.order = 0 if last is None else last + 1
    element.full_clean()
    created = element.pk is None
    # One historical row per save, written once the code and the tags are set.
    element.save_without_historical_record()
    if numbered and not element.code.strip():
        element.code = element_numbered_code(element)
        element.save_without_historical_record(update_fields=["code"])
    if left is not None and left[0]:
        _renumber(*left)
    if stored is not None and stored.code != element.code:
        _renumber_below(element, stored.code)
    for name, values in (tags or {}).items():
        getattr(element, name).set(values)
    history_record_save(element=element, created=created, tags=tags)
    return element


@transaction.atomic
def element_move(*, element: models.Model, siblings: models.QuerySet, direction: str) -> bool:
    """Swap an element with its neighbour; orders are renumbered 0..n so they stay
    explicit and gap-free. Returns False when it is already first or last."""
    if direction not in {"up", "down"}:
        raise ValueError(f"Unknown direction {direction!r}.")
    ordered = list(siblings.select_for_update())
    index = next(i for i, sibling in enumerate(ordered) if sibling.pk == element.pk)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(ordered):
        return False
    numbered = _is_numbered(element)
    prefix = _code_prefix(element) if numbered else ""
    generated = _generated(ordered, prefix) if numbered else set()
    ordered[index], ordered[other] = ordered[other], ordered[index]
    before = {s.pk: s.order for s in ordered}
    for position, sibling in enumerate(ordered):
        sibling.order = position
    type(element).objects.bulk_update(ordered, ["order"])
    renumbered = _renumber(ordered, prefix, generated) if generated else set()
    # The siblings whose place changed and whose code did not (those are recorded above).
    moved = [s for s in ordered if s.order != before[s.pk] and s.pk not in renumbered]
    history_bulk_record(moved, model=type(element), history_type="~")
    return True


@transaction.atomic
def element_delete(*, element: models.Model) -> bool:
    """Delete an element with what hangs from it, as one event of the plan's history (it
    can be restored from there); the generated codes of the siblings after it close the
    gap (and those below them follow). Returns whether any code changed."""
    plan = element.plan if hasattr(element, "plan_id") else element.activity.plan
    kind = PlanEvent.Kind.DELETE
    with plan_event(plan=plan, kind=kind, source=str(element), subject=element) as event:
        event.detached = history_record_detached(element=element)
        if not _is_numbered(element):
            element.delete()
            return False
        siblings = list(_numbering_siblings(element))
        prefix = _code_prefix(element)
        generated = _generated(siblings, prefix)
        before = {sibling.pk: sibling.code for sibling in siblings}
        deleted = element.pk  # delete() forgets it
        element.delete()
        remaining = [sibling for sibling in siblings if sibling.pk != deleted]
        if remaining:
            _renumber(remaining, prefix, generated)
        return any(sibling.code != before[sibling.pk] for sibling in remaining)
