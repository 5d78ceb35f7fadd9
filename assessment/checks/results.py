"""Rules on the results chain: do goals and objectives carry indicators of their own, and
do those indicators measure a change (outcome) rather than work done (output)?

The SMART rules (`indicators`) judge each indicator; these judge where the indicators
sit. An indicator is an objective's or a goal's own when it is attached to it, not to one
of its activities or outputs.
"""

from __future__ import annotations

from collections import defaultdict

from assessment.checks.registry import Context, Hit, rule
from assessment.checks.sources import field_known

BOTH_LEVELS = (
    "M&E Handbook (ICMPD 2010); Annex 4 of the review the product is modelled on: both "
    "levels (strategic goals and objectives, and activities) must have an initially planned "
    "set of SMART indicators which refer to the intended change."
)
RESULT_LEVELS = ("outcome", "impact")


def _share_severity(count: int, total: int) -> str:
    return "high" if count * 2 >= total else "medium"


def _own_indicators(ctx: Context) -> dict[tuple[str, int], list[dict]]:
    def compute():
        own = defaultdict(list)
        for indicator in ctx.snapshot.indicators:
            if indicator.get("objective_id"):
                own[("objective", indicator["objective_id"])].append(indicator)
            if indicator.get("goal_id"):
                own[("goal", indicator["goal_id"])].append(indicator)
        return own

    return ctx.memo("results:own", compute)


def _without_own(ctx: Context):
    own = _own_indicators(ctx)
    pool = ctx.snapshot.goals + ctx.snapshot.objectives
    return pool, [e for e in pool if not own.get((e.type, e.id))]


@rule(
    code="results-without-indicators",
    severity="high",
    criterion="AP.4",
    title="Goals and objectives without indicators of their own",
    rationale=BOTH_LEVELS,
    message="{count} of {total} goals and objectives have no indicator of their own, so "
    "the change they aim at cannot be measured.",
    recommendation="Plan at least one outcome indicator, with a baseline and a target, for "
    "each strategic goal and specific objective.",
)
def results_without_indicators(ctx: Context):
    if not field_known(ctx, "indicators"):
        return
    pool, missing = _without_own(ctx)
    if missing:
        yield Hit(
            "plan",
            ctx.plan_id,
            {"count": len(missing), "total": len(pool)},
            severity=_share_severity(len(missing), len(pool)),
        )


@rule(
    code="result-without-indicator",
    severity="low",
    criterion="AP.4",
    title="Goal or objective without an indicator of its own",
    rationale=BOTH_LEVELS,
    message="The {kind} “{label}” has no indicator of its own.",
    recommendation="Add an outcome indicator, with a baseline and a target, that shows the "
    "change this goal or objective aims at.",
)
def result_without_indicator(ctx: Context):
    if not field_known(ctx, "indicators"):
        return
    pool, missing = _without_own(ctx)
    # Named one by one only when they are the exception; else the count says it all.
    if len(missing) * 2 < len(pool):
        for element in missing:
            kind = "strategic goal" if element.type == "goal" else "specific objective"
            yield Hit(
                element.type,
                element.id,
                {"kind": kind, "label": element.label},
                label=element.label,
            )


def _levels_known(ctx: Context) -> bool:
    return all("level" in indicator for indicator in ctx.snapshot.indicators[:1])


def _objective_indicators(ctx: Context) -> dict[int, list[dict]]:
    """Every indicator under an objective: its own, its outputs' and its activities'."""
    activity_objective = {a.id: a.parent_id for a in ctx.snapshot.activities}
    output_objective = {o.id: o.parent_id for o in ctx.snapshot.outputs}
    under = defaultdict(list)
    for indicator in ctx.snapshot.indicators:
        objective_id = (
            indicator.get("objective_id")
            or activity_objective.get(indicator.get("activity_id"))
            or output_objective.get(indicator.get("output_id"))
        )
        if objective_id:
            under[objective_id].append(indicator)
    return under


def _output_only(ctx: Context):
    """(objectives measured at all, those measured by output indicators only)."""

    def compute():
        if not _levels_known(ctx) or not field_known(ctx, "indicators"):
            return [], []
        under = _objective_indicators(ctx)
        # An objective with an activity whose indicators the source does not give may have
        # an outcome indicator there.
        unknown = {
            a.parent_id for a in ctx.snapshot.activities if not field_known(ctx, "indicators", a)
        }
        measured = [o for o in ctx.snapshot.objectives if under.get(o.id) and o.id not in unknown]
        only = [
            o
            for o in measured
            if not {i.get("level") or "output" for i in under[o.id]} & set(RESULT_LEVELS)
        ]
        return measured, only

    return ctx.memo("results:output-only", compute)


OUTPUT_ONLY = BOTH_LEVELS + (
    " Output indicators count what was done; an objective needs an outcome indicator for "
    "the change it brings."
)
OUTPUT_ONLY_RECOMMENDATION = (
    "Add an outcome indicator to each objective (e.g. the share of identified victims "
    "referred to assistance), beside the output milestones."
)


@rule(
    code="objectives-output-indicators-only",
    severity="high",
    criterion="AP.4",
    title="Objectives measured by output indicators only",
    rationale=OUTPUT_ONLY,
    message="{count} of {total} specific objectives with indicators are measured only by "
    "output indicators; none measures the outcome.",
    recommendation=OUTPUT_ONLY_RECOMMENDATION,
)
def objectives_output_indicators_only(ctx: Context):
    measured, only = _output_only(ctx)
    if only:
        yield Hit(
            "plan",
            ctx.plan_id,
            {"count": len(only), "total": len(measured)},
            severity=_share_severity(len(only), len(measured)),
        )


@rule(
    code="objective-output-indicators-only",
    severity="low",
    criterion="AP.4",
    title="Objective measured by output indicators only",
    rationale=OUTPUT_ONLY,
    message="The specific objective “{label}” is measured only by output indicators; none "
    "measures the outcome.",
    recommendation=OUTPUT_ONLY_RECOMMENDATION,
)
def objective_output_indicators_only(ctx: Context):
    measured, only = _output_only(ctx)
    if len(only) * 2 < len(measured):  # the exceptions, named; else the count says it all
        for objective in only:
            yield Hit("objective", objective.id, {"label": objective.label}, label=objective.label)


def _label(indicator: dict) -> str:
    text = " ".join(indicator["definition"].split())
    return text if len(text) <= 140 else text[:139] + "…"


def _missing_baseline_target(indicator: dict) -> list[str]:
    return [
        name
        for name, field in (("baseline", "baseline_value"), ("target", "target_value"))
        if not str(indicator.get(field) or "").strip()
    ]


def _unanchored(ctx: Context):
    """(outcome and impact indicators, those without a baseline or a target)."""

    def compute():
        if not _levels_known(ctx):
            return [], []
        results = [i for i in ctx.snapshot.indicators if i.get("level") in RESULT_LEVELS]
        return results, [i for i in results if _missing_baseline_target(i)]

    return ctx.memo("results:unanchored", compute)


ANCHOR = (
    "Annex 4, SMART indicators for monitoring: an outcome indicator shows a change only "
    "against a baseline and a target."
)
ANCHOR_RECOMMENDATION = (
    "Give each outcome and impact indicator its baseline (value and year) and its target "
    "(value and year)."
)


@rule(
    code="outcome-indicators-without-baseline-target",
    severity="high",
    criterion="IN.M",
    title="Outcome indicators without baseline or target",
    rationale=ANCHOR,
    message="{count} of {total} outcome and impact indicators have no baseline or no target, "
    "so the change they measure has no starting point or aim.",
    recommendation=ANCHOR_RECOMMENDATION,
)
def outcome_indicators_without_baseline_target(ctx: Context):
    results, unanchored = _unanchored(ctx)
    if unanchored:
        yield Hit(
            "plan",
            ctx.plan_id,
            {"count": len(unanchored), "total": len(results)},
            severity=_share_severity(len(unanchored), len(results)),
        )


@rule(
    code="outcome-indicator-without-baseline-target",
    severity="low",
    criterion="IN.M",
    title="Outcome indicator without baseline or target",
    rationale=ANCHOR,
    message="The {level} indicator “{label}” has no {missing}.",
    recommendation=ANCHOR_RECOMMENDATION,
)
def outcome_indicator_without_baseline_target(ctx: Context):
    results, unanchored = _unanchored(ctx)
    if len(unanchored) * 2 < len(results):  # the exceptions, named
        for indicator in unanchored:
            label = _label(indicator)
            missing = " or ".join(_missing_baseline_target(indicator))
            yield Hit(
                "indicator",
                indicator["id"],
                {"level": indicator["level"], "label": label, "missing": missing},
                label=label,
            )
