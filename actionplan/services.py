"""Workflows that write action-plan objects: copying a plan's action tier, and saving an
activity with its bodies. Other elements are saved, moved and deleted as every plan
element is (strategy.services). Each edit validates with full_clean() before saving, so a
rule broken here gives the same message as in a form, and nothing is written."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models, transaction

from actionplan.models import (
    Activity,
    BudgetLine,
    Indicator,
    Output,
    Responsibility,
    SubActivity,
)
from strategy.models import SpecificObjective, Stakeholder, StrategicGoal
from strategy.services import PlanCopy, Tags, copy_rows, copy_tags, element_save

TEXT = ("code", "title", "description", "order")


def plan_action_tier_copy(copy: PlanCopy) -> None:
    """The action tier of a plan being copied (see strategy.services.plan_copy): outputs,
    activities with their tags, sub-activities, responsibilities, budget lines and
    indicators, timeframes moved into the new period. A fixed number of queries."""
    source, plan = copy.source, copy.plan
    copy_rows(
        copy,
        Output,
        Output.objects.filter(plan=source).order_by("pk"),
        lambda o: {
            "plan": plan,
            "objective_id": copy.new_id(SpecificObjective, o.objective_id),
            **{f: getattr(o, f) for f in TEXT},
        },
    )
    copy_rows(
        copy,
        Activity,
        Activity.objects.filter(plan=source).order_by("pk"),
        lambda a: {
            "plan": plan,
            "objective_id": copy.new_id(SpecificObjective, a.objective_id),
            "output_id": copy.new_id(Output, a.output_id),
            **copy.shifted_timeframe(a),
            **{f: getattr(a, f) for f in TEXT},
        },
    )
    copy_tags(copy, Activity)
    copy_rows(
        copy,
        SubActivity,
        SubActivity.objects.filter(activity__plan=source).order_by("pk"),
        lambda s: {
            "activity_id": copy.new_id(Activity, s.activity_id),
            **copy.shifted_timeframe(s),
            **{f: getattr(s, f) for f in TEXT},
        },
    )
    copy_rows(
        copy,
        Responsibility,
        Responsibility.objects.filter(activity__plan=source).order_by("pk"),
        lambda r: {
            "activity_id": copy.new_id(Activity, r.activity_id),
            "stakeholder_id": copy.new_id(Stakeholder, r.stakeholder_id),
            "role": r.role,
            "order": r.order,
        },
    )
    budget_fields = ("description", "amount", "currency", "source", "donor_name", "status", "order")
    copy_rows(
        copy,
        BudgetLine,
        BudgetLine.objects.filter(activity__plan=source).order_by("pk"),
        lambda b: {
            "activity_id": copy.new_id(Activity, b.activity_id),
            **{f: getattr(b, f) for f in budget_fields},
        },
    )
    copy_rows(
        copy,
        Indicator,
        Indicator.objects.filter(plan=source).order_by("pk"),
        lambda i: _indicator(copy, i),
    )


def _indicator(copy: PlanCopy, indicator: Indicator) -> dict:
    same = (
        "level",
        "definition",
        "unit",
        "baseline_value",
        "target_value",
        "means_of_verification",
        "frequency",
        "order",
    )
    shift = copy.years
    return {
        "plan": copy.plan,
        "goal_id": copy.new_id(StrategicGoal, indicator.goal_id),
        "objective_id": copy.new_id(SpecificObjective, indicator.objective_id),
        "output_id": copy.new_id(Output, indicator.output_id),
        "activity_id": copy.new_id(Activity, indicator.activity_id),
        "responsible_body_id": copy.new_id(Stakeholder, indicator.responsible_body_id),
        # Years move with the period so a target stays at the same point of the plan.
        "baseline_year": indicator.baseline_year + shift if indicator.baseline_year else None,
        "target_year": indicator.target_year + shift if indicator.target_year else None,
        **{f: getattr(indicator, f) for f in same},
    }


# --- the workspace ----------------------------------------------------------------


@transaction.atomic
def activity_save(
    *,
    activity: Activity,
    lead: Stakeholder | None,
    partners: list[Stakeholder],
    siblings: models.QuerySet | None = None,
    tags: Tags | None = None,
) -> Activity:
    """Save an activity with its one lead body and its partner bodies."""
    if lead is not None and lead in partners:
        raise ValidationError({"partners": "The lead body cannot also be a partner."})
    element_save(element=activity, siblings=siblings, tags=tags)
    wanted = {p.pk: Responsibility.Role.PARTNER for p in partners}
    if lead is not None:
        wanted[lead.pk] = Responsibility.Role.LEAD
    current = {r.stakeholder_id: r for r in activity.responsibilities.all()}
    # Demote and remove first, so that the new lead never meets the old one.
    for stakeholder_id, duty in current.items():
        role = wanted.get(stakeholder_id)
        if role is None:
            duty.delete()
        elif role != duty.role and role == Responsibility.Role.PARTNER:
            duty.role = role
            duty.save(update_fields=["role"])
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
        duty.role = role
        duty.full_clean()
        duty.save()
    return activity
