"""Read-only views of a plan's action tier, shaped for pages and reports."""

from __future__ import annotations

from django.db.models import F

from actionplan.charts import TimelineGroup
from actionplan.models import Activity
from strategy.models import Plan

NO_CHAPTER = "Goals outside any chapter"


def activities_in_plan_order(plan: Plan):
    """The plan's activities in tree order: chapter, goal, objective, activity."""
    return (
        Activity.objects.filter(plan=plan)
        .select_related("objective__goal__chapter")
        .order_by(
            F("objective__goal__chapter__order").asc(nulls_last=True),
            F("objective__goal__chapter_id").asc(nulls_last=True),
            "objective__goal__order",
            "objective__goal_id",
            "objective__order",
            "objective_id",
            "order",
            "pk",
        )
    )


def chapter_label(chapter) -> str:
    return str(chapter) if chapter is not None else NO_CHAPTER


def timeline_groups(plan: Plan) -> list[TimelineGroup]:
    """Activities grouped by chapter for the timeline, chapters without activities
    included so the reader sees them empty. Two queries whatever the plan's size."""
    chapters = list(plan.chapters.order_by("order", "pk"))
    by_chapter: dict[int | None, list[Activity]] = {c.pk: [] for c in chapters}
    for activity in activities_in_plan_order(plan):
        by_chapter.setdefault(activity.objective.goal.chapter_id, []).append(activity)
    groups = [TimelineGroup(str(c), by_chapter[c.pk]) for c in chapters]
    if by_chapter.get(None):
        groups.append(TimelineGroup(NO_CHAPTER, by_chapter[None]))
    return groups
