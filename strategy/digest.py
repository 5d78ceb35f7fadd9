"""The strategy tier's part of a plan's content digest (see napplanner.digest)."""

from django.db.models import QuerySet

from strategy.models import Chapter, Plan, Section, SpecificObjective, Stakeholder, StrategicGoal


def plan_strategy_rows(plan_id: int) -> list[QuerySet]:
    """Every row of the strategy tier that a plan's documents show, tags included."""
    tagged = (
        (Chapter, "chapter"),
        (StrategicGoal, "strategicgoal"),
        (SpecificObjective, "specificobjective"),
    )
    rows = [
        Plan.objects.filter(pk=plan_id),
        Section.objects.filter(plan_id=plan_id),
        Stakeholder.objects.filter(plan_id=plan_id),
        StrategicGoal.background_sections.through.objects.filter(strategicgoal__plan_id=plan_id),
    ]
    for model, name in tagged:
        rows.append(model.objects.filter(plan_id=plan_id))
        rows.extend(
            getattr(model, tag).through.objects.filter(**{f"{name}__plan_id": plan_id})
            for tag in ("components", "areas", "principles")
        )
    return rows
