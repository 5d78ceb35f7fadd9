"""Rules on how the plan's timeframes spread over its period.

A timeframe that simply restates the plan period is reported by `actions`. These rules
look at the schedule as a whole, the way a reviewer leafs through the deadline column:
are the dated deadlines all in the first year (and nothing planned to be delivered
later)? Are there years in which nothing starts or ends? Are activities said to run
"ongoing" or "permanently" with no end to report against?
"""

from __future__ import annotations

import re

from assessment.checks.registry import Context, Hit, rule
from assessment.checks.sources import field_known, known_activities

SCHEDULE = (
    "ICMPD 2006 Guidelines, p.21–26: each activity has a timeframe as detailed as possible "
    "but realistic; M&E Handbook (ICMPD 2010): milestones spread over the implementation "
    "period are what monitoring reports against."
)
MIN_DATED = 3
# "Ongoing", "permanently", "on a regular basis": a term with no end, so nothing is due.
OPEN_ENDED = re.compile(
    r"\b(?:on[\s-]?going|continuously|permanently|constantly|continually|"
    r"on\s+an?\s+(?:on[\s-]?going|regular|permanent|continuous|constant)\s+basis|"
    r"until\s+further\s+notice|throughout\s+the\s+(?:plan|period)|"
    r"постоянно|непрерывно|на\s+постоянной\s+основе|на\s+регулярной\s+основе|"
    r"бессрочн\w*)\b",
)  # lower case, run on lowered text (much quicker than IGNORECASE)
# In a timeframe cell a bare frequency is a term too: "Annually" says when, never until when.
OPEN_ENDED_TERM = re.compile(
    OPEN_ENDED.pattern[:-3]
    + r"|permanent|continuous|annual(?:ly)?|regular(?:ly)?|every\s+year|ежегодно|регулярно)\b",
)


def _dated(ctx: Context):
    """Activities with a timeframe and their end month."""
    return [a for a in known_activities(ctx, "timeframe") if a.extra["start"] and a.extra["end"]]


def _schedule_known(ctx: Context) -> bool:
    """Whether the whole schedule is in the source: a plan-wide claim about it needs every
    activity's timeframe."""
    return field_known(ctx, "activities") and all(
        field_known(ctx, "timeframe", a) for a in ctx.snapshot.activities
    )


def _period_years(ctx: Context) -> list[int]:
    first, last = ctx.snapshot.period
    return list(range(first.year, last.year + 1))


@rule(
    code="deadlines-bunched-early",
    severity="medium",
    criterion="AP.2",
    title="Deadlines bunched in the plan's first year",
    rationale=SCHEDULE,
    message=(
        "Every dated deadline ({count} activities) falls in {year}, the first year of the "
        "period {period}; nothing is due later, so the later years cannot be monitored."
    ),
    recommendation="Spread realistic deadlines and milestones over the whole period of the "
    "plan, so each year has results to report.",
)
def deadlines_bunched_early(ctx: Context):
    years = _period_years(ctx)
    if len(years) < 2 or not _schedule_known(ctx):
        return
    last_month = ctx.snapshot.period[1]
    # An activity running to the period's end has no deadline of its own.
    deadlines = [a.extra["end"] for a in _dated(ctx) if a.extra["end"] < last_month]
    if len(deadlines) >= MIN_DATED and all(end.year == years[0] for end in deadlines):
        yield Hit(
            "plan",
            ctx.plan_id,
            {"count": len(deadlines), "year": years[0], "period": f"{years[0]}–{years[-1]}"},
        )


@rule(
    code="years-without-milestone",
    severity="low",
    criterion="AP.2",
    title="Years of the period with nothing starting or ending",
    rationale=SCHEDULE,
    message="Nothing starts or ends in {years}: the plan has no milestone in {those}.",
    recommendation="Plan what each year of the period delivers: give activities start and "
    "end months, or intermediate milestones, in every year.",
)
def years_without_milestone(ctx: Context):
    years = _period_years(ctx)
    dated = _dated(ctx)
    if len(years) < 3 or len(dated) < MIN_DATED or not _schedule_known(ctx):
        return
    busy = {a.extra["start"].year for a in dated} | {a.extra["end"].year for a in dated}
    idle = [year for year in years if year not in busy]
    if idle:
        yield Hit(
            "plan",
            ctx.plan_id,
            {
                "years": ", ".join(str(y) for y in idle),
                "those": "that year" if len(idle) == 1 else "those years",
            },
        )


@rule(
    code="activity-open-ended",
    severity="medium",
    criterion="AP.2",
    title="Open-ended term without an end",
    rationale=SCHEDULE,
    message="The activity “{label}” runs “{term}” with no end date or milestone.",
    recommendation="Replace open-ended terms (“ongoing”, “permanently”) with a deadline, a "
    "frequency with a count (e.g. two reports a year) or milestones within the period.",
)
def activity_open_ended(ctx: Context):
    last_month = ctx.snapshot.period[1]
    for activity in known_activities(ctx, "timeframe"):
        end = activity.extra["end"]
        if end and end < last_month:
            continue  # an end of its own: the wording does not leave it open
        match = OPEN_ENDED.search(activity.text.lower()) or OPEN_ENDED_TERM.search(
            (activity.extra.get("timeframe_as_written") or "").lower()
        )
        if match:
            yield Hit(
                "activity",
                activity.id,
                {"label": activity.label, "term": match.group(0).lower()},
                label=activity.label,
            )
