"""Rules on the strategy tier: goals, objectives, background analysis, stakeholders."""

from __future__ import annotations

from assessment.checks.registry import Context, Hit, rule
from assessment.checks.wording import is_phrased_as_action
from standards.phrases import Matcher

GUIDELINES_STRATEGY = (
    "ICMPD 2006 Guidelines, p.21–26: the national strategy states WHAT must be achieved "
    "(strategic goals and specific objectives); the action plan states HOW."
)
BACKGROUND = (
    "ICMPD 2006 Guidelines, p.29: a detailed background analysis of the status quo in the "
    "four components, identifying the stakeholders with their roles and responsibilities."
)
ACTION_SHARE = 0.3


def _action_phrased(ctx: Context):
    return [
        e
        for e in ctx.snapshot.goals + ctx.snapshot.objectives
        if is_phrased_as_action(e.extra["title"])
    ]


@rule(
    code="strategy-not-distinct",
    severity="high",
    criterion="ST.7",
    title="Strategy and action plan not distinguishable",
    rationale=GUIDELINES_STRATEGY,
    message=(
        "{count} of {total} goals and objectives are written as actions, so the strategy "
        "cannot be told apart from the action plan."
    ),
    recommendation=(
        "Formulate precisely the strategic goals and the corresponding concrete activities. "
        "The national strategy should not consist of actions but of strategic goals and "
        "specific objectives. The national action plan must be built only out of concrete "
        "achievable activities."
    ),
)
def strategy_not_distinct(ctx: Context):
    total = len(ctx.snapshot.goals) + len(ctx.snapshot.objectives)
    count = len(_action_phrased(ctx))
    if total and count / total >= ACTION_SHARE:
        yield Hit("plan", ctx.plan_id, {"count": count, "total": total})


@rule(
    code="goal-phrased-as-action",
    severity="medium",
    criterion="ST.5",
    title="Strategic goal phrased as an action",
    rationale=GUIDELINES_STRATEGY
    + " A goal describes the change to achieve in two to five years, not a measure.",
    message="The strategic goal “{label}” is phrased as an action, not as an outcome.",
    recommendation=(
        "Rephrase the goal as the result to achieve (e.g. “Victims are identified early "
        "and referred to assistance”) and move the measures to the action plan."
    ),
)
def goal_phrased_as_action(ctx: Context):
    for goal in ctx.snapshot.goals:
        if is_phrased_as_action(goal.extra["title"]):
            yield Hit("goal", goal.id, {"label": goal.label}, label=goal.label)


@rule(
    code="objective-phrased-as-action",
    severity="medium",
    criterion="ST.5",
    title="Specific objective phrased as an action",
    rationale=GUIDELINES_STRATEGY
    + " A specific objective names a result on the way to its goal, not a measure.",
    message="The specific objective “{label}” is phrased as an action, not as a result.",
    recommendation=(
        "Rephrase the objective as the result to achieve (e.g. “Front-line officials "
        "recognise the indicators of trafficking”) and keep the measures in the action plan."
    ),
)
def objective_phrased_as_action(ctx: Context):
    for objective in ctx.snapshot.objectives:
        if is_phrased_as_action(objective.extra["title"]):
            yield Hit("objective", objective.id, {"label": objective.label}, label=objective.label)


@rule(
    code="plan-period-short",
    severity="low",
    criterion="ST.5",
    title="Plan period shorter than a strategy's horizon",
    rationale=GUIDELINES_STRATEGY
    + " Strategic goals are set for the medium or long term, two to five years.",
    message=(
        "The plan covers {years}: shorter than the two to five years in which strategic "
        "goals are reached."
    ),
    recommendation=(
        "Set the goals in a strategy of two to five years and say how each shorter plan "
        "rolls over into the next, carrying its unfinished activities and its indicators."
    ),
)
def plan_period_short(ctx: Context):
    years = ctx.snapshot.plan.period_end - ctx.snapshot.plan.period_start + 1
    if years < 2:
        yield Hit("plan", ctx.plan_id, {"years": f"{years} year"})


@rule(
    code="goal-without-objectives",
    severity="high",
    criterion="ST.6",
    title="Goal without specific objectives",
    rationale="ICMPD 2006 Guidelines, p.21–26: each strategic goal is divided into specific "
    "objectives.",
    message="The strategic goal “{label}” has no specific objectives.",
    recommendation="Divide each strategic goal into specific objectives and assign them "
    "corresponding NAP measures.",
)
def goal_without_objectives(ctx: Context):
    with_objectives = {o.parent_id for o in ctx.snapshot.objectives}
    for goal in ctx.snapshot.goals:
        if goal.id not in with_objectives:
            yield Hit("goal", goal.id, {"label": goal.label}, label=goal.label)


@rule(
    code="objective-without-activities",
    severity="high",
    criterion="ST.7",
    title="Objective without activities",
    rationale="ICMPD 2006 Guidelines, p.21–26: for each specific objective of the strategy, "
    "corresponding NAP measures (outputs, activities, responsibilities, timelines, budget) "
    "should be assigned.",
    message="The specific objective “{label}” has no activities in the action plan.",
    recommendation="Assign concrete activities, with a responsible body, timeframe and "
    "budget, to every specific objective.",
)
def objective_without_activities(ctx: Context):
    if ctx.snapshot.source_lacks("activities"):
        return  # its activities may be among those not in the source
    with_activities = {a.parent_id for a in ctx.snapshot.activities}
    for objective in ctx.snapshot.objectives:
        if objective.id not in with_activities:
            yield Hit("objective", objective.id, {"label": objective.label}, label=objective.label)


@rule(
    code="goal-without-background-reference",
    severity="medium",
    criterion="ST.4",
    title="Goal not referring to the background analysis",
    rationale="ICMPD 2006 Guidelines, p.21–26: each strategic goal should have a clear "
    "reference to the background analysis.",
    message="The strategic goal “{label}” refers to no background analysis and gives no rationale.",
    recommendation="State for each goal which finding of the background analysis it answers.",
)
def goal_without_background(ctx: Context):
    if ctx.snapshot.source_lacks("sections"):
        return  # the background analysis it refers to is not in the source
    for goal in ctx.snapshot.goals:
        if not goal.extra["background"] and not goal.extra["rationale"].strip():
            yield Hit("goal", goal.id, {"label": goal.label}, label=goal.label)


@rule(
    code="goal-without-principle",
    severity="low",
    criterion="ST.4",
    title="Goal not referring to any guiding principle",
    rationale="ICMPD 2006 Guidelines, p.21–26: each strategic goal should be formulated in "
    "accordance with the guiding principles.",
    message="The strategic goal “{label}” refers to no guiding principle.",
    recommendation="Show which guiding principles (e.g. human rights-based approach, "
    "sustainability) each goal follows.",
)
def goal_without_principle(ctx: Context):
    catalogue = ctx.snapshot.catalogue
    matchers = [Matcher(catalogue.principle_phrases(p)) for p in catalogue.principles]
    for goal in ctx.snapshot.goals:
        text = goal.text + "\n" + goal.extra["rationale"]
        if not goal.principles and not any(m.search(text) for m in matchers):
            yield Hit("goal", goal.id, {"label": goal.label}, label=goal.label)


def _background_sections(ctx: Context):
    """Sections kept as the background analysis, and sections of no particular kind whose
    title is one the background analysis criterion (ST.2) lists, as plans typed in
    untagged name it ("Current situation", "Анализ ситуации")."""
    criterion = next((c for c in ctx.snapshot.catalogue.criteria if c["code"] == "ST.2"), None)
    titled = Matcher(criterion["keywords"]) if criterion and criterion["keywords"] else None
    return [
        s
        for s in ctx.snapshot.sections
        if s.extra["kind"] == "background"
        or (s.extra["kind"] == "other" and titled is not None and titled.search(s.label))
    ]


@rule(
    code="no-background-analysis",
    severity="high",
    criterion="ST.2",
    title="No background analysis",
    rationale=BACKGROUND,
    message="The plan has no background analysis of the current situation.",
    recommendation=(
        "Consider preparing a full background analysis. Besides the description of the "
        "guiding principles and the list of the main anti-trafficking stakeholders, it should "
        "describe the current developments in all thematic areas of the plan: new trends, "
        "urgent questions, unfilled gaps and emerging needs."
    ),
)
def no_background_analysis(ctx: Context):
    if not ctx.snapshot.source_lacks("sections") and not _background_sections(ctx):
        yield Hit("plan", ctx.plan_id)


@rule(
    code="background-misses-component",
    severity="medium",
    criterion="ST.2",
    title="Background analysis leaves out a component",
    rationale=BACKGROUND,
    message="The background analysis does not analyse the component “{component}”.",
    recommendation="Extend the background analysis to the status quo of every component.",
)
def background_misses_component(ctx: Context):
    sections = _background_sections(ctx)
    if not sections or ctx.snapshot.source_lacks("sections"):
        return  # reported once by no-background-analysis, or not in the source
    catalogue = ctx.snapshot.catalogue
    for component in catalogue.components:
        if any(s.extra["component"] == component["code"] for s in sections):
            continue
        untagged = [s for s in sections if not s.extra["component"]]
        matchers = [
            Matcher(a["keywords"])
            for a in catalogue.areas
            if a["component_code"] == component["code"]
        ]
        if any(m.search(s.text) for s in untagged for m in matchers):
            continue
        yield Hit(
            "plan",
            ctx.plan_id,
            {"component": f"{component['code']} {component['title']}"},
            detail=component["code"],
        )


@rule(
    code="no-stakeholder-roles",
    severity="medium",
    criterion="ST.3",
    title="Stakeholders' roles not described",
    rationale=BACKGROUND,
    message="The plan does not describe the anti-trafficking stakeholders and their roles.",
    recommendation="List the main anti-trafficking stakeholders with their roles and "
    "responsibilities in the national response.",
)
def no_stakeholder_roles(ctx: Context):
    if ctx.snapshot.source_lacks("sections"):
        return
    has_section = any(s.extra["kind"] == "stakeholders" for s in ctx.snapshot.sections)
    has_roles = any(s["role"].strip() for s in ctx.snapshot.stakeholders)
    if not (has_section or has_roles):
        yield Hit("plan", ctx.plan_id)
