"""Read-side of the plan workspace: the whole plan's tree in a fixed number of queries
(each level is loaded with one query and the tree is assembled in Python, so the page
costs the same queries for a plan of ten activities or of two thousand), narrowed by the
filters and the text search, with the chapters a big plan loads later marked; and what
deleting an element takes with it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db import models, router
from django.db.models import Count, Q, Sum
from django.db.models.deletion import Collector
from django.utils.formats import number_format
from django.utils.translation import ngettext_lazy

from actionplan.models import Activity, BudgetLine, Indicator, Output, Responsibility, SubActivity
from strategy.models import (
    Chapter,
    Plan,
    SpecificObjective,
    Stakeholder,
    StrategicGoal,
)

# --- the tree --------------------------------------------------------------


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
    # Drawn without its goals, which the page loads when the chapter is opened or, for
    # one drawn open (`closed` false), as soon as it is in view.
    deferred: bool = False
    closed: bool = False
    deferred_activities: int = 0  # the activities of a deferred chapter, not read

    @property
    def activity_count(self) -> int:
        drawn = sum(len(o.activities) for g in self.goals for o in g.objectives)
        return drawn + self.deferred_activities


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
    text: str = "",
    part: int | None = None,
    defer_after: int | None = None,
    keep_open: int | None = None,
) -> PlanTree:
    """The plan's tree, optionally narrowed to one chapter, to the activities a body leads
    or supports, to the activities missing a lead, timeframe, budget or indicator, or to
    the elements whose code, title or description holds `text`.

    `part` reads one chapter alone as a part of the whole (not a filter: it may be edited
    and reordered). With `defer_after`, an unfiltered tree defers the chapters that would
    take it past its first `defer_after` activities, except `keep_open` (see _defer)."""
    all_chapters = list(plan.chapters.prefetch_related("components").order_by("order", "pk"))
    goals = list(plan.goals.order_by("order", "pk"))
    objectives = list(plan.objectives.order_by("order", "pk"))
    outputs = list(plan.outputs.order_by("order", "pk"))
    stakeholders = list(plan.stakeholders.order_by("order", "name"))
    narrowed = body_id is not None or bool(missing) or bool(text)
    filtered = narrowed or chapter_id is not None
    # The chapters whose activities are read: all, the one `part`, or those drawn at once.
    read, counts = None, Counter()
    if part is not None:
        read = [part]
    elif defer_after is not None and not filtered:
        counts = _activities_per_chapter(plan, goals, objectives)
        read = _chapters_drawn(all_chapters, counts, budget=defer_after, keep_open=keep_open)
    activities = plan.activities.order_by("order", "pk")
    if read is not None:
        in_read = Q(objective__goal__chapter_id__in=read)
        if part is None:
            in_read |= Q(objective__goal__chapter=None)
        activities = activities.filter(in_read)
    activities = list(activities)
    activity_summaries(activities, plan=plan, chapters=read)
    _count_indicators([*goals, *objectives, *outputs], plan=plan)

    goals_of = _goal_nodes(goals, objectives, outputs, activities)
    nodes = [ChapterNode(c, goals_of[c.pk]) for c in all_chapters]
    unplaced = ChapterNode(None, goals_of[None])
    if chapter_id is not None or part is not None:
        nodes = [n for n in nodes if n.chapter.pk in (chapter_id, part)]
        unplaced = ChapterNode(None)
    if narrowed:
        nodes = _narrow(
            [*nodes, unplaced],
            wanted=_activity_filter(body_id, missing),
            found=_finder(text),
            by_activity=body_id is not None or bool(missing),
        )
        unplaced = nodes.pop() if nodes and nodes[-1] is unplaced else ChapterNode(None)
    if counts:
        _defer(nodes, drawn=read, counts=counts)
    return PlanTree(
        chapters=nodes,
        unplaced=unplaced,
        all_chapters=all_chapters,
        stakeholders=stakeholders,
        activity_count=sum(counts.values()) if counts else len(activities),
        shown_activity_count=sum(n.activity_count for n in [*nodes, unplaced]),
        filtered=filtered,
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


def _finder(text: str):
    """Whether an element's code, title or description holds `text`, in any case; an
    activity is also found by its sub-activities'."""
    needle = text.casefold()

    def found(element) -> bool:
        if element is None:
            return False
        own = (element.code, element.title, getattr(element, "description", ""))
        if any(needle in value.casefold() for value in own):
            return True
        return any(found(sub) for sub in getattr(element, "sub_activity_list", ()))

    return found


def _narrow(nodes: list[ChapterNode], *, wanted, found, by_activity: bool) -> list[ChapterNode]:
    """Keep the activities `wanted` that are found themselves or sit under an element found,
    and the branches leading to them. When no activity filter is set, an element found
    (and the outputs found) keep their branch even without activities."""

    def kept(children: list, hit: bool) -> bool:
        return bool(children) or (hit and not by_activity)

    for node in nodes:
        chapter_hit = found(node.chapter)
        for goal in node.goals:
            goal_hit = chapter_hit or found(goal.goal)
            for objective in goal.objectives:
                hit = goal_hit or found(objective.objective)
                objective.activities = [
                    a for a in objective.activities if wanted(a) and (hit or found(a))
                ]
                if not hit:
                    objective.outputs = [o for o in objective.outputs if found(o)]
            goal.objectives = [
                o
                for o in goal.objectives
                if kept(o.activities if by_activity else [*o.activities, *o.outputs],
                        goal_hit or found(o.objective))
            ]  # fmt: skip
        node.goals = [g for g in node.goals if kept(g.objectives, chapter_hit or found(g.goal))]
    return [n for n in nodes if kept(n.goals, found(n.chapter))]


def _activities_per_chapter(plan: Plan, goals, objectives) -> Counter:
    """How many activities each chapter holds (None: outside any chapter), in one query."""
    chapter_of_goal = {g.pk: g.chapter_id for g in goals}
    chapter_of = {o.pk: chapter_of_goal.get(o.goal_id) for o in objectives}
    counts: Counter = Counter()
    rows = plan.activities.values_list("objective_id").annotate(n=Count("pk")).order_by()
    for objective_id, n in rows:
        counts[chapter_of.get(objective_id)] += n
    return counts


def _chapters_drawn(chapters, counts: Counter, *, budget: int, keep_open: int | None) -> list:
    """The chapters drawn at once: those up to the `budget`-th activity, and `keep_open`."""
    drawn, total = [], 0
    for chapter in chapters:
        total += counts[chapter.pk]
        if total <= budget or chapter.pk == keep_open:
            drawn.append(chapter.pk)
    return drawn


def _defer(nodes: list[ChapterNode], *, drawn: list, counts: Counter) -> None:
    """Mark the chapters not drawn at once; the first of them is drawn open and loads when
    in view, the others are drawn closed and load when opened."""
    for position, node in enumerate(nodes):
        if node.chapter.pk not in drawn:
            node.deferred, node.closed = True, position > 0
            node.deferred_activities = counts[node.chapter.pk]


def activity_summaries(
    activities: list[Activity], *, plan: Plan, chapters: list[int] | None = None
) -> list[Activity]:
    """Give each activity what the tree shows at a glance: `lead`, `partners`,
    `sub_activity_list`, `budget_totals` ["25,000 EUR"], `timeframe_label` and
    `indicator_count`. `chapters` says which chapters (with those outside any) the
    activities come from, when not the whole plan."""
    ids = [a.pk for a in activities]
    # A long list of ids makes a slow IN clause; the plan or its chapters are cheaper.
    if len(ids) > 50:
        scope, indicator_scope = Q(activity__plan=plan), Q(plan=plan)
        if chapters is not None:
            in_chapters = Q(activity__objective__goal__chapter_id__in=chapters) | Q(
                activity__objective__goal__chapter=None
            )
            scope, indicator_scope = scope & in_chapters, indicator_scope & in_chapters
    else:
        scope = indicator_scope = Q(activity_id__in=ids)
    duties, subs = defaultdict(list), defaultdict(list)
    for duty in Responsibility.objects.filter(scope).select_related("stakeholder"):
        duties[duty.activity_id].append(duty)
    for sub in SubActivity.objects.filter(scope).order_by("order", "pk"):
        subs[sub.activity_id].append(sub)
    totals = defaultdict(list)
    budget = (
        BudgetLine.objects.filter(scope)
        .values("activity_id", "currency")
        .annotate(total=Sum("amount"))
        .order_by("activity_id", "currency")
    )
    for row in budget:
        # Formatted here: number formatting in the template costs more than the query.
        amount = number_format(round(row["total"]), force_grouping=True)
        totals[row["activity_id"]].append(f"{amount} {row['currency']}")
    counts = dict(
        Indicator.objects.filter(indicator_scope, activity__isnull=False)
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
    StrategicGoal: ngettext_lazy("%(count)d strategic goal", "%(count)d strategic goals", "count"),
    SpecificObjective: ngettext_lazy(
        "%(count)d specific objective", "%(count)d specific objectives", "count"
    ),
    Output: ngettext_lazy("%(count)d output", "%(count)d outputs", "count"),
    Activity: ngettext_lazy("%(count)d activity", "%(count)d activities", "count"),
    SubActivity: ngettext_lazy("%(count)d sub-activity", "%(count)d sub-activities", "count"),
    Responsibility: ngettext_lazy(
        "%(count)d responsible body", "%(count)d responsible bodies", "count"
    ),
    BudgetLine: ngettext_lazy("%(count)d budget line", "%(count)d budget lines", "count"),
    Indicator: ngettext_lazy("%(count)d indicator", "%(count)d indicators", "count"),
}

# The same rows left behind when what they hang from goes: `field` names that.
UNLINKED = {
    StrategicGoal: ngettext_lazy(
        "%(count)d strategic goal stays in the plan without its %(field)s",
        "%(count)d strategic goals stay in the plan without their %(field)s",
        "count",
    ),
    SpecificObjective: ngettext_lazy(
        "%(count)d specific objective stays in the plan without its %(field)s",
        "%(count)d specific objectives stay in the plan without their %(field)s",
        "count",
    ),
    Output: ngettext_lazy(
        "%(count)d output stays in the plan without its %(field)s",
        "%(count)d outputs stay in the plan without their %(field)s",
        "count",
    ),
    Activity: ngettext_lazy(
        "%(count)d activity stays in the plan without its %(field)s",
        "%(count)d activities stay in the plan without their %(field)s",
        "count",
    ),
    SubActivity: ngettext_lazy(
        "%(count)d sub-activity stays in the plan without its %(field)s",
        "%(count)d sub-activities stay in the plan without their %(field)s",
        "count",
    ),
    Responsibility: ngettext_lazy(
        "%(count)d responsible body stays in the plan without its %(field)s",
        "%(count)d responsible bodies stay in the plan without their %(field)s",
        "count",
    ),
    BudgetLine: ngettext_lazy(
        "%(count)d budget line stays in the plan without its %(field)s",
        "%(count)d budget lines stay in the plan without their %(field)s",
        "count",
    ),
    Indicator: ngettext_lazy(
        "%(count)d indicator stays in the plan without its %(field)s",
        "%(count)d indicators stay in the plan without their %(field)s",
        "count",
    ),
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
            sentence = UNLINKED[related_field.model]
            unlinks.append(sentence % {"count": kept, "field": related_field.verbose_name})
    return {"deletes": deletes, "unlinks": unlinks}


def _count_kept(batch, deleted: set) -> int:
    if isinstance(batch, models.QuerySet):
        return batch.exclude(pk__in=deleted).count() if deleted else batch.count()
    return sum(1 for obj in batch if obj.pk not in deleted)


def _count_label(n: int, model) -> str:
    return DEPENDANTS[model] % {"count": n}
