"""Read-side of the action plan: views of a plan's action tier shaped for pages and
reports (the timeline, the plan in print, stakeholders and their duties). The workspace's
tree is read by actionplan.workspace_selectors.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Count, Prefetch, Q
from django.utils.translation import gettext as _

from actionplan.charts import Span, TimelineGroup, budget_svg, timeline_bar, timeline_table
from actionplan.models import Activity, Indicator, Responsibility
from actionplan.resources import resource_plan
from napplanner.pdf import svg_for_print
from strategy.models import (
    NO_CHAPTER,
    Plan,
    PlanStatus,
    SpecificObjective,
    Stakeholder,
    StrategicGoal,
)


def chapter_labels(plan: Plan) -> dict[int | None, str]:
    """Chapter id → label in plan order, None for goals outside any chapter."""
    labels: dict[int | None, str] = {
        c.pk: str(c) for c in plan.chapters.only("plan_id", "code", "title").order_by("order", "pk")
    }
    labels[None] = _(NO_CHAPTER)
    return labels


def timeline_groups(plan: Plan) -> list[TimelineGroup]:
    """Activities grouped by chapter for the timeline, chapters without activities
    included so the reader sees them empty. Two queries whatever the plan's size."""
    labels = chapter_labels(plan)
    by_chapter: dict[int | None, list[Activity]] = {pk: [] for pk in labels}
    for activity in Activity.objects.filter(plan=plan).in_plan_order():
        by_chapter[activity.chapter_ref].append(activity)
    return [
        TimelineGroup(label, by_chapter[pk])
        for pk, label in labels.items()
        if pk is not None or by_chapter[None]
    ]


# --- the plan in print: the PDF and the review report ---------------------------------


def plan_print_context(*, plan: Plan) -> dict:
    """The whole plan, read in a fixed number of queries: chapters → goals → objectives →
    activities with their bodies, budget lines, indicators and sub-activities."""
    activities = (
        Activity.objects.filter(plan=plan)
        .select_related("output")
        .prefetch_related(
            Prefetch(
                "responsibilities",
                queryset=Responsibility.objects.select_related("stakeholder"),
            ),
            "budget_lines",
            "indicators",
            "sub_activities",
        )
    )
    objectives = SpecificObjective.objects.filter(plan=plan).prefetch_related(
        Prefetch("activities", queryset=activities)
    )
    goals = list(
        StrategicGoal.objects.filter(plan=plan)
        .select_related("chapter")
        .prefetch_related(Prefetch("objectives", queryset=objectives))
    )
    chapters = list(plan.chapters.all())
    by_chapter = {chapter.pk: [] for chapter in chapters}
    loose_goals = []
    for goal in goals:
        (by_chapter[goal.chapter_id] if goal.chapter_id else loose_goals).append(goal)
    parts = [
        {"chapter": c, "anchor": f"chapter-{c.pk}", "goals": by_chapter[c.pk]} for c in chapters
    ]
    if loose_goals:
        parts.append({"chapter": None, "anchor": "chapter-none", "goals": loose_goals})
    objective_timeline = _plan_print_bars(plan, parts)
    return {
        "plan": plan,
        "document_title": plan.title,
        "document_author": plan.coordinating_body or plan.country,
        "document_language": "en",
        "is_draft": plan.status == PlanStatus.DRAFT,
        "sections": list(plan.sections.select_related("component")),
        "stakeholders": list(plan.stakeholders.all()),
        "parts": parts,
        "activity_count": sum(len(o.activities.all()) for g in goals for o in g.objectives.all()),
        **plan_figures(plan=plan),
        "objective_timeline": objective_timeline,
    }


def _plan_print_bars(plan: Plan, parts: list[dict]):
    """Give each activity of `parts` its `timeline_bar` (drawn in its row of the action
    plan) and return the timeline of the objectives, each spanning its activities: with
    every activity's bar in its row, the printed plan needs no second Gantt of them."""
    first_year = plan.period_start
    months = max(plan.period_end - plan.period_start + 1, 1) * 12
    groups = []
    for part in parts:
        spans = []
        for goal in part["goals"]:
            for objective in goal.objectives.all():
                activities = objective.activities.all()
                for activity in activities:
                    activity.timeline_bar = timeline_bar(
                        activity, first_year=first_year, months=months
                    )
                scheduled = [a for a in activities if a.has_timeframe]
                spans.append(
                    Span(
                        objective.code,
                        objective.title,
                        min((a.start_month for a in scheduled), default=None),
                        max((a.end_month for a in scheduled), default=None),
                    )
                )
        title = str(part["chapter"]) if part["chapter"] else "Goals outside a chapter"
        groups.append(TimelineGroup(title, spans))
    if not any(group.activities for group in groups):
        return None
    return timeline_table(period_start=plan.period_start, period_end=plan.period_end, groups=groups)


def plan_figures(*, plan: Plan) -> dict:
    """The timeline (a table of bars, see `timeline_table`) and the national resource plan with
    its budget charts by component and by funding source, one pair per currency."""
    groups = timeline_groups(plan)
    activities = [a for g in groups for a in g.activities]
    scheduled = [a for a in activities if a.has_timeframe]
    timeline = None
    if activities:
        timeline = timeline_table(
            period_start=plan.period_start, period_end=plan.period_end, groups=groups
        )
    resources = resource_plan(plan)
    budgets = [
        {
            "plan": currency,
            "by_component": svg_for_print(
                budget_svg(
                    currency=currency.currency,
                    rows=[(label, a.by_status()) for label, a in currency.by_component.items()],
                    title=_("Budget by component (%(currency)s)") % {"currency": currency.currency},
                )
            ),
            "by_source": svg_for_print(
                budget_svg(currency=currency.currency, rows=currency.source_rows())
            ),
        }
        for currency in resources.currencies
    ]
    return {
        "timeline": timeline,
        "timeline_summary": {
            "activities": len(activities),
            "scheduled": len(scheduled),
            "first": min((a.start_month for a in scheduled), default=None),
            "last": max((a.end_month for a in scheduled), default=None),
        },
        "resources": resources,
        "budgets": budgets,
    }


# --- stakeholders and their activities --------------------------------------------------


def stakeholders_with_duties(*, plan: Plan) -> models.QuerySet[Stakeholder]:
    """The plan's stakeholders, each with `lead_count`, `partner_count` and its
    responsibilities joined to their activity in one query (a prefetch by activity ids
    would send an IN list that grows with the plan)."""
    duties = Responsibility.objects.select_related("activity").order_by(
        "activity__order", "activity_id"
    )
    return (
        plan.stakeholders.order_by("order", "name")
        .annotate(
            lead_count=Count("responsibilities", filter=Q(responsibilities__role="lead")),
            partner_count=Count("responsibilities", filter=~Q(responsibilities__role="lead")),
        )
        .prefetch_related(Prefetch("responsibilities", queryset=duties))
    )


def stakeholder_duty_counts(*, stakeholder: Stakeholder) -> dict[str, int]:
    """How many activities the body leads and supports, and of how many indicators it is
    the responsible body: what its removal takes away."""
    counts = Responsibility.objects.filter(stakeholder=stakeholder).aggregate(
        lead=Count("pk", filter=Q(role="lead")), partner=Count("pk", filter=~Q(role="lead"))
    )
    counts["indicators"] = Indicator.objects.filter(responsible_body=stakeholder).count()
    return counts
