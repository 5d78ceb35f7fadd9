"""Rules on the action plan tier: activities, responsibilities, timeframes, budget.

Where the review the product is modelled on states a shortcoming once for the whole plan
("no budget per activity"), so do these rules: a plan-level finding "N of M activities
have no …" (high when at least half of them, medium otherwise), and, when only some
activities fall short, one low-severity finding per activity so the reviewer can find
them. When every activity falls short, per-activity findings would say nothing more.

A plan typed in from a partial source (a summary, a table cut off) lists what the source
does not include (`not_in_source`): an activity whose source lacks a field is left out of
that field's count, and `fields-not-in-source` says once per field what was not assessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assessment.checks.registry import Context, Hit, rule
from assessment.checks.wording import is_phrased_as_action, strip_label, vague_reason
from assessment.snapshot import ActivityFacts, Element

RESPONSIBILITIES = (
    "ICMPD 2006 Guidelines, p.21–26: the responsibilities for the different activities "
    "should be clearly defined; a timeframe as detailed as possible but realistic."
)
BUDGET = (
    "M&E Handbook (ICMPD 2010), p.58: it is vital to draw an approximate and realistic "
    "budget to estimate the resources needed; every NAP needs financial and human resources."
)
OUTPUTS = (
    "ICMPD 2006 Guidelines, p.21–26: outputs are the services or products the activities "
    "produce; monitoring criteria and indicators are planned in advance in the NAP structure."
)
WORDING = (
    "ICMPD 2006 Guidelines, p.21–26: the national action plan must be built only out of "
    "concrete, achievable activities."
)
MANY_BODIES = 3
# A subject and a finite verb within the first words: "Committees receive guidance",
# "Victims are referred", "Комитеты получают методическую помощь". The sentence states
# a state of affairs to reach, not the work that brings it about.
STATE_OF_AFFAIRS = re.compile(
    r"^(?:[^\W\d_][\w'-]*\s+){1,5}?(?:is|are|was|were|has been|have been|will be|receives?|"
    r"gets?|gains?|becomes?|knows?|получа(?:ет|ют)|име(?:ет|ют)|явля(?:ется|ются)|"
    r"буд(?:ет|ут))\b",
    re.IGNORECASE,
)


def _share_severity(count: int, total: int) -> str:
    return "high" if count * 2 >= total else "medium"


def _facet(
    *,
    plural: str,
    singular: str,
    criterion: str,
    title: str,
    rationale: str,
    what: str,
    recommendation: str,
    fails: Callable[[Element, ActivityFacts, Context], bool],
    source_field: str,
    only: Callable[[Element, ActivityFacts], bool] = lambda a, f: True,
    each_always: bool = False,
):
    """Register the plan-level and the per-activity rule of one activity shortcoming.
    Activities whose source does not include `source_field` are not counted."""

    def failing(ctx: Context):
        def compute():
            snapshot = ctx.snapshot
            pool = [
                a
                for a in snapshot.activities
                if only(a, snapshot.facts[a.id]) and not snapshot.source_lacks(source_field, a)
            ]
            return pool, [a for a in pool if fails(a, snapshot.facts[a.id], ctx)]

        return ctx.memo(plural, compute)

    @rule(
        code=plural,
        severity="high",
        criterion=criterion,
        title=title,
        rationale=rationale,
        message="{count} of {total} activities " + what + ".",
        recommendation=recommendation,
    )
    def aggregate(ctx: Context):
        pool, missing = failing(ctx)
        if missing:
            yield Hit(
                "plan",
                ctx.plan_id,
                {"count": len(missing), "total": len(pool)},
                severity=_share_severity(len(missing), len(pool)),
            )

    @rule(
        code=singular,
        severity="low",
        criterion=criterion,
        title=title,
        rationale=rationale,
        message="The activity “{label}” " + what.replace("have", "has") + ".",
        recommendation=recommendation,
    )
    def each(ctx: Context):
        pool, missing = failing(ctx)
        # Per activity unless the plan-level finding already names every activity.
        if len(missing) < len(ctx.snapshot.activities) or each_always:
            for activity in missing:
                yield Hit("activity", activity.id, {"label": activity.label}, label=activity.label)


def _many_bodies_no_lead(facts: ActivityFacts) -> bool:
    return facts.bodies >= MANY_BODIES and not facts.lead


def _whole_period(activity: Element, ctx: Context) -> bool:
    first, last = ctx.snapshot.period
    start, end = activity.extra["start"], activity.extra["end"]
    # Within a month or so of both ends: the plan period restated, not a schedule.
    return (
        start.year == first.year and start.month <= 2 and end.year == last.year and end.month >= 11
    )


def _has_timeframe(activity: Element) -> bool:
    return bool(activity.extra["start"] and activity.extra["end"])


_facet(
    plural="activities-without-lead",
    singular="activity-without-lead",
    criterion="AP.1",
    title="Activity without a lead body",
    rationale=RESPONSIBILITIES,
    what="have no lead body",
    recommendation="Name one lead body per activity, with partners where needed.",
    fails=lambda a, f, ctx: not f.lead and not _many_bodies_no_lead(f),
    source_field="lead",
)
_facet(
    plural="activities-without-timeframe",
    singular="activity-without-timeframe",
    criterion="AP.2",
    title="Activity without a timeframe",
    rationale=RESPONSIBILITIES,
    what="have no timeframe",
    recommendation="Give every activity a start and an end month.",
    fails=lambda a, f, ctx: not _has_timeframe(a),
    source_field="timeframe",
)
_facet(
    plural="activities-whole-period",
    singular="activity-whole-period",
    criterion="AP.2",
    title="Timeframe equal to the whole plan period",
    rationale=RESPONSIBILITIES,
    what="have the whole plan period as their timeframe",
    recommendation="Set a specific, realistic timeframe for each activity instead of the plan "
    "period.",
    fails=lambda a, f, ctx: _whole_period(a, ctx),
    source_field="timeframe",
    only=lambda a, f: _has_timeframe(a),
)
_facet(
    plural="activities-without-budget",
    singular="activity-without-budget",
    criterion="AP.3",
    title="No budget per activity",
    rationale=BUDGET,
    what="have no budget",
    recommendation="Draft a detailed budget for each activity including all needed resources.",
    # Resources stated in words are a budget without amounts: `resources-in-words-only`.
    fails=lambda a, f, ctx: f.budget_lines == 0 and not a.extra["resources_as_written"].strip(),
    source_field="budget",
)
_facet(
    plural="activities-without-output",
    singular="activity-without-output",
    criterion="AP.4",
    title="Activity without an output",
    rationale=OUTPUTS,
    what="have no output",
    recommendation="State the service or product each activity produces.",
    fails=lambda a, f, ctx: a.extra["output_id"] is None,
    source_field="outputs",
)
_facet(
    plural="activities-without-indicator",
    singular="activity-without-indicator",
    criterion="AP.4",
    title="Activity without an indicator",
    rationale=OUTPUTS,
    what="have no indicator",
    recommendation="Plan in advance an indicator for each activity or its output.",
    fails=lambda a, f, ctx: f.indicators == 0,
    source_field="indicators",
)
_facet(
    plural="activities-vague",
    singular="activity-vague",
    criterion="AP.5",
    title="Vague activity wording",
    rationale=WORDING,
    what="have vague wording",
    recommendation="Formulate each activity as a concrete, achievable action with a "
    "measurable result (what, how many, for whom).",
    fails=lambda a, f, ctx: vague_reason(a.extra["title"]) is not None,
    source_field="text",
    each_always=True,
)


@rule(
    code="activity-many-bodies-no-lead",
    severity="medium",
    criterion="AP.1",
    title="Many responsible bodies and no lead",
    rationale=RESPONSIBILITIES
    + " The diversity of implementing agencies makes a precise activity harder to obtain.",
    message="The activity “{label}” has {bodies} responsible bodies and none of them leads.",
    recommendation="Name one lead body accountable for the activity; the others are partners.",
)
def many_bodies_no_lead(ctx: Context):
    for activity in ctx.snapshot.activities:
        facts = ctx.snapshot.facts[activity.id]
        if _many_bodies_no_lead(facts) and not ctx.snapshot.source_lacks("lead", activity):
            yield Hit(
                "activity",
                activity.id,
                {"label": activity.label, "bodies": facts.bodies},
                label=activity.label,
            )


@rule(
    code="no-resource-plan",
    severity="high",
    criterion="AP.6",
    title="No budget per activity and no national resource plan",
    rationale=BUDGET + " Successful practice: a national resource plan indicating the total "
    "resources needed for each area, funds awarded by donors and priority funding needs.",
    message="The plan has no budget lines, so there is no national resource plan{where}.",
    recommendation="Consider drafting a detailed budget for each activity and, from it, a "
    "national resource plan per area with funding sources and gaps.",
)
def no_resource_plan(ctx: Context):
    snapshot = ctx.snapshot
    # A resource plan lives in the plan's narrative or annexes: not assessed without them.
    if snapshot.source_lacks("sections") or snapshot.source_lacks("budget"):
        return
    if snapshot.activities and not any(f.budget_lines for f in snapshot.facts.values()):
        funding = any(s.extra["kind"] == "funding" for s in ctx.snapshot.sections)
        where = "; funding is only stated in a section" if funding else ""
        yield Hit("plan", ctx.plan_id, {"where": where})


NOT_IN_SOURCE_FIELDS = {
    "text": "wording",
    "lead": "lead body",
    "partners": "partners",
    "timeframe": "timeframe",
    "budget": "budget",
    "outputs": "outputs",
    "indicators": "indicators",
}


@rule(
    code="fields-not-in-source",
    severity="low",
    criterion="",
    title="Not assessed: not in the source",
    rationale="The plan was typed in from a source that does not include these fields (a "
    "summary, a table cut off); what the source lacks is not reported as missing.",
    message="The source does not include the {what} of {count} of {total} activities: not "
    "assessed.",
    recommendation="Before the review is final, check these fields in the plan's full text.",
)
def fields_not_in_source(ctx: Context):
    if ctx.snapshot.activities_complete and not ctx.snapshot.not_in_source:
        return
    activities = ctx.snapshot.activities
    for name, what in NOT_IN_SOURCE_FIELDS.items():
        lacking = [a for a in activities if ctx.snapshot.source_lacks(name, a)]
        if lacking:
            values = {"what": what, "count": len(lacking), "total": len(activities)}
            yield Hit("plan", ctx.plan_id, values, detail=name)


def worded_as_state(title: str) -> bool:
    """Whether an activity is written as the state it should bring about rather than as
    the work to do ("Territorial committees receive guidance")."""
    sentence = strip_label(title or "").split("\n", 1)[0]
    return not is_phrased_as_action(sentence) and bool(STATE_OF_AFFAIRS.match(sentence))


@rule(
    code="activity-worded-as-state",
    severity="low",
    criterion="AP.5",
    title="Activity worded as a state of affairs",
    rationale=WORDING + " The action plan states HOW: each activity is the work to be done.",
    message="The activity “{label}” is worded as a state to reach, not as the work to do, so "
    "its scale (how many, how often, what product) is not stated.",
    recommendation="Word each activity as the work to be done, with its product and scale "
    "(e.g. “Hold four guidance sessions for the territorial committees”).",
)
def activity_worded_as_state(ctx: Context):
    for activity in ctx.snapshot.activities:
        if ctx.snapshot.source_lacks("text", activity):
            continue
        if worded_as_state(activity.extra["title"]):
            yield Hit("activity", activity.id, {"label": activity.label}, label=activity.label)
