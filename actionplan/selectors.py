"""Read-side of the action plan: views of a plan's action tier shaped for pages and reports,
and the workspace's whole-plan tree in a fixed number of queries (each level is loaded
with one query and the tree is assembled in Python, so the page costs the same queries
for a plan of ten activities or of two thousand).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db import models, router
from django.db.models import Count, Prefetch, Q, Sum
from django.db.models.deletion import Collector

from actionplan.charts import (
    Span,
    TimelineGroup,
    budget_svg,
    timeline_bar,
    timeline_table,
)
from actionplan.models import Activity, BudgetLine, Indicator, Output, Responsibility, SubActivity
from actionplan.resources import resource_plan
from napplanner.pdf import svg_for_print
from strategy.models import (
    NO_CHAPTER,
    Chapter,
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
    labels[None] = NO_CHAPTER
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


# --- the workspace tree --------------------------------------------------------------


@dataclass
class ObjectiveNode:
    objective: SpecificObjective
    outputs: list[Output] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)


@dataclass
class GoalNode:
    goal: StrategicGoal
    objectives: list[ObjectiveNode] = field(default_factory=list)


@dataclass
class ChapterNode:
    chapter: Chapter | None  # None holds the goals not (yet) placed in a chapter
    goals: list[GoalNode] = field(default_factory=list)


@dataclass
class PlanTree:
    chapters: list[ChapterNode]
    unplaced: ChapterNode  # the goals outside any chapter
    all_chapters: list[Chapter]
    stakeholders: list[Stakeholder]
    activity_count: int
    shown_activity_count: int
    filtered: bool


MISSING_TESTS = {
    "lead": lambda a: a.lead is None,
    "timeframe": lambda a: not a.has_timeframe,
    "budget": lambda a: not a.budget_totals,
    "indicator": lambda a: a.indicator_count == 0,
}


def plan_tree(
    plan: Plan,
    *,
    chapter_id: int | None = None,
    body_id: int | None = None,
    missing: str = "",
) -> PlanTree:
    """The plan's tree, optionally narrowed to one chapter, to the activities a body leads
    or supports, or to the activities missing a lead, timeframe, budget or indicator."""
    all_chapters = list(plan.chapters.prefetch_related("components").order_by("order", "pk"))
    goals = list(plan.goals.order_by("order", "pk"))
    objectives = list(plan.objectives.order_by("order", "pk"))
    outputs = list(plan.outputs.order_by("order", "pk"))
    activities = list(plan.activities.order_by("order", "pk"))
    stakeholders = list(plan.stakeholders.order_by("order", "name"))
    activity_summaries(activities, plan=plan)
    _count_indicators([*goals, *objectives, *outputs], plan=plan)

    wanted = _activity_filter(body_id, missing)
    goals_of = _goal_nodes(goals, objectives, outputs, [a for a in activities if wanted(a)])
    nodes = [ChapterNode(c, goals_of[c.pk]) for c in all_chapters]
    unplaced = ChapterNode(None, goals_of[None])
    if chapter_id is not None:
        nodes = [n for n in nodes if n.chapter.pk == chapter_id]
        unplaced = ChapterNode(None)
    narrowed = body_id is not None or bool(missing)
    if narrowed:
        nodes = _prune(nodes)
        _prune([unplaced])
    return PlanTree(
        chapters=nodes,
        unplaced=unplaced,
        all_chapters=all_chapters,
        stakeholders=stakeholders,
        activity_count=len(activities),
        shown_activity_count=sum(
            len(o.activities) for n in [*nodes, unplaced] for g in n.goals for o in g.objectives
        ),
        filtered=narrowed or chapter_id is not None,
    )


def _goal_nodes(goals, objectives, outputs, activities) -> dict[int | None, list[GoalNode]]:
    """Goal nodes per chapter id, each with its objectives, outputs and activities."""
    outputs_of, activities_of = defaultdict(list), defaultdict(list)
    for output in outputs:
        outputs_of[output.objective_id].append(output)
    for activity in activities:
        activities_of[activity.objective_id].append(activity)
    objectives_of = defaultdict(list)
    for objective in objectives:
        node = ObjectiveNode(objective, outputs_of[objective.pk], activities_of[objective.pk])
        objectives_of[objective.goal_id].append(node)
    goals_of = defaultdict(list)
    for goal in goals:
        goals_of[goal.chapter_id].append(GoalNode(goal, objectives_of[goal.pk]))
    return goals_of


def _activity_filter(body_id: int | None, missing: str):
    test = MISSING_TESTS.get(missing, lambda a: True)
    if body_id is None:
        return test
    return lambda a: test(a) and body_id in a.body_ids


def _prune(nodes: list[ChapterNode]) -> list[ChapterNode]:
    """Cut the branches that lead to no activity still shown; the chapters left."""
    kept = []
    for node in nodes:
        for goal in node.goals:
            goal.objectives = [o for o in goal.objectives if o.activities]
        node.goals = [g for g in node.goals if g.objectives]
        if node.goals:
            kept.append(node)
    return kept


def activity_summaries(activities: list[Activity], *, plan: Plan) -> list[Activity]:
    """Give each activity what the tree shows at a glance: `lead`, `partners`,
    `sub_activity_list`, `budget_totals` ["25,000 EUR"], `timeframe_label` and
    `indicator_count`."""
    ids = [a.pk for a in activities]
    # A long list of ids makes a slow IN clause; the whole plan is cheaper to scan.
    whole_plan = len(ids) > 50
    scope = {"activity__plan": plan} if whole_plan else {"activity_id__in": ids}
    indicator_scope = {"plan": plan} if whole_plan else {"activity_id__in": ids}
    duties, subs = defaultdict(list), defaultdict(list)
    for duty in Responsibility.objects.filter(**scope).select_related("stakeholder"):
        duties[duty.activity_id].append(duty)
    for sub in SubActivity.objects.filter(**scope).order_by("order", "pk"):
        subs[sub.activity_id].append(sub)
    totals = defaultdict(list)
    budget = (
        BudgetLine.objects.filter(**scope)
        .values("activity_id", "currency")
        .annotate(total=Sum("amount"))
        .order_by("activity_id", "currency")
    )
    for row in budget:
        # Formatted here: number formatting in the template costs more than the query.
        totals[row["activity_id"]].append(f"{row['total']:,.0f} {row['currency']}")
    counts = dict(
        Indicator.objects.filter(**indicator_scope, activity__isnull=False)
        .values_list("activity_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for activity in activities:
        own = duties[activity.pk]
        activity.lead = next((d.stakeholder for d in own if d.role == "lead"), None)
        activity.partners = [d.stakeholder for d in own if d.role == "partner"]
        activity.body_ids = {d.stakeholder_id for d in own}
        activity.sub_activity_list = subs[activity.pk]
        activity.budget_totals = totals[activity.pk]
        activity.timeframe_label = _months(activity)
        activity.indicator_count = counts.get(activity.pk, 0)
    return activities


def _months(element) -> str:
    if not element.has_timeframe:
        return ""
    return f"{element.start_month:%b %Y} – {element.end_month:%b %Y}"


def _count_indicators(elements, *, plan: Plan) -> None:
    rows = (
        Indicator.objects.filter(plan=plan, activity__isnull=True)
        .values_list("goal_id", "objective_id", "output_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = {}
    for goal_id, objective_id, output_id, n in rows:
        subjects = (
            (StrategicGoal, goal_id),
            (SpecificObjective, objective_id),
            (Output, output_id),
        )
        model, pk = next((m, pk) for m, pk in subjects if pk is not None)
        counts[(model, pk)] = n
    for element in elements:
        element.indicator_count = counts.get((type(element), element.pk), 0)


# Tree order, so that a confirmation lists what goes with an element from the top down.
DEPENDANTS = {
    StrategicGoal: ("strategic goal", "strategic goals"),
    SpecificObjective: ("specific objective", "specific objectives"),
    Output: ("output", "outputs"),
    Activity: ("activity", "activities"),
    SubActivity: ("sub-activity", "sub-activities"),
    Responsibility: ("responsible body", "responsible bodies"),
    BudgetLine: ("budget line", "budget lines"),
    Indicator: ("indicator", "indicators"),
}


def deletion_consequences(element) -> dict[str, list[str]]:
    """What else deleting `element` removes ("deletes": ["3 specific objectives",
    "12 activities"]) or unlinks ("unlinks"), as the database's cascades would do it."""
    collector = Collector(using=router.db_for_write(type(element)))
    collector.collect([element])
    counts: Counter = Counter()
    for model, instances in collector.data.items():
        counts[model] += len(instances)
    for queryset in collector.fast_deletes:
        counts[queryset.model] += queryset.count()
    counts[type(element)] -= 1
    deletes = [_count_label(counts[model], model) for model in DEPENDANTS if counts[model] > 0]
    unlinks = []
    for (related_field, _value), batches in collector.field_updates.items():
        # Rows deleted anyway (an activity under a deleted objective) are not unlinked.
        deleted = {obj.pk for obj in collector.data.get(related_field.model, ())}
        kept = sum(_count_kept(batch, deleted) for batch in batches)
        if kept:
            stay, their = ("stays", "its") if kept == 1 else ("stay", "their")
            label = _count_label(kept, related_field.model)
            unlinks.append(
                f"{label} {stay} in the plan without {their} {related_field.verbose_name}"
            )
    return {"deletes": deletes, "unlinks": unlinks}


def _count_kept(batch, deleted: set) -> int:
    if isinstance(batch, models.QuerySet):
        return batch.exclude(pk__in=deleted).count() if deleted else batch.count()
    return sum(1 for obj in batch if obj.pk not in deleted)


def _count_label(n: int, model) -> str:
    singular, plural = DEPENDANTS[model]
    return f"{n} {singular if n == 1 else plural}"


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
                    title=f"Budget by component ({currency.currency})",
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
