"""Workflows that write action-plan objects: what a plan copy takes of the action tier
(see strategy.copying), and saving an activity with its bodies. Other elements are saved,
moved and deleted as every plan element is (strategy.services). Each edit validates with
full_clean() before saving, so a rule broken here gives the same message as in a form, and
nothing is written."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from actionplan.models import (
    Activity,
    BudgetLine,
    Indicator,
    Output,
    Responsibility,
    SubActivity,
)
from strategy.copying import TAGS, CopiedTable
from strategy.history import history_bulk_record
from strategy.models import Stakeholder
from strategy.services import Tags, element_save, stakeholder_add

TEXT = ("code", "title", "description", "order")
# The action tier of a plan being copied (see strategy.copying), in the order its rows
# refer to each other; registered by this app's AppConfig.ready.
ACTION_TIER_COPY = (
    CopiedTable(Output, fields=TEXT, remapped=("objective",), order_by=("pk",)),
    CopiedTable(
        Activity,
        fields=TEXT,
        remapped=("objective", "output"),
        links=TAGS,
        timeframe=True,
        order_by=("pk",),
    ),
    CopiedTable(
        SubActivity,
        plan_lookup="activity__plan",
        fields=TEXT,
        remapped=("activity",),
        timeframe=True,
        order_by=("pk",),
    ),
    CopiedTable(
        Responsibility,
        plan_lookup="activity__plan",
        fields=("role", "order"),
        remapped=("activity", "stakeholder"),
        order_by=("pk",),
    ),
    CopiedTable(
        BudgetLine,
        plan_lookup="activity__plan",
        fields=("description", "amount", "currency", "source", "donor_name", "status", "order"),
        remapped=("activity",),
        order_by=("pk",),
    ),
    CopiedTable(
        Indicator,
        fields=(
            "level",
            "definition",
            "unit",
            "baseline_value",
            "target_value",
            "means_of_verification",
            "frequency",
            "order",
        ),
        remapped=("goal", "objective", "output", "activity", "responsible_body"),
        years=("baseline_year", "target_year"),
        order_by=("pk",),
    ),
)


# --- the workspace ----------------------------------------------------------------


@transaction.atomic
def activity_save(
    *,
    activity: Activity,
    lead: Stakeholder | None,
    partners: list[Stakeholder],
    siblings: models.QuerySet | None = None,
    tags: Tags | None = None,
    new_lead: Stakeholder | None = None,
    new_partners: list[Stakeholder] | None = None,
    budget_line: BudgetLine | None = None,
    indicator: Indicator | None = None,
) -> Activity:
    """Save an activity with its one lead body and its partner bodies. A `new_lead` and
    `new_partners` (bodies not yet listed, unsaved) join the plan's stakeholders and take
    their roles; a `budget_line` and an `indicator` (unsaved) are added to the activity."""
    if lead is not None and lead in partners:
        raise ValidationError({"partners": _("The lead body cannot also be a partner.")})
    if new_lead is not None:
        if lead is not None:
            raise ValidationError({"new_lead": _("Choose a listed lead body or a new one.")})
        lead = stakeholder_add(stakeholder=new_lead)
    partners = [*partners, *(stakeholder_add(stakeholder=body) for body in new_partners or [])]
    element_save(element=activity, siblings=siblings, tags=tags)
    wanted = {p.pk: Responsibility.Role.PARTNER for p in partners}
    if lead is not None:
        wanted[lead.pk] = Responsibility.Role.LEAD
    current = {r.stakeholder_id: r for r in activity.responsibilities.all()}
    # The duties changed are recorded in one insert of history rows (removals included),
    # so a save costs the same few queries more with the history as without it.
    changed: dict[int, tuple[Responsibility, str]] = {}
    removed = [duty for sid, duty in current.items() if sid not in wanted]
    if removed:
        changed.update({duty.pk: (duty, "-") for duty in removed})
        # Nothing hangs from a duty (no cascade to follow); its removal is recorded above.
        gone = Responsibility.objects.filter(pk__in=[d.pk for d in removed])
        gone._raw_delete(gone.db)
    # Demote first, so that the new lead never meets the old one.
    for stakeholder_id, duty in current.items():
        role = wanted.get(stakeholder_id)
        if role is not None and role != duty.role and role == Responsibility.Role.PARTNER:
            duty.role = role
            duty.save_without_historical_record(update_fields=["role"])
            changed[duty.pk] = (duty, "~")
    bodies = {s.pk: s for s in [*partners, *([lead] if lead else [])]}
    next_order = max((d.order for d in current.values()), default=-1) + 1
    for stakeholder_id, role in sorted(wanted.items(), key=lambda item: item[1] == "lead"):
        duty = current.get(stakeholder_id)
        if duty is None:
            duty = Responsibility(
                activity=activity, stakeholder=bodies[stakeholder_id], order=next_order
            )
            next_order += 1
        elif duty.role == role:
            continue
        created = duty.pk is None
        duty.role = role
        duty.full_clean()
        duty.save_without_historical_record()
        changed[duty.pk] = (duty, "+" if created else "~")
    history_bulk_record(
        [duty for duty, _type in changed.values()],
        model=Responsibility,
        history_types={pk: kind for pk, (_duty, kind) in changed.items()},
    )
    if budget_line is not None:
        budget_line.activity = activity
        element_save(element=budget_line, siblings=activity.budget_lines.all())
    if indicator is not None:
        indicator.plan, indicator.activity = activity.plan, activity
        element_save(element=indicator, siblings=activity.indicators.all())
    return activity
