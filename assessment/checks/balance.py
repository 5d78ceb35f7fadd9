"""Rules on the balance between the framework's components: one holding most of the
activities, or one holding none.

An activity belongs to the component of its tags, else of its areas, else of its
chapter's (possibly suggested) mapping — as the findings are grouped. A partial plan
(a source read only in part) is not judged: the balance of what was not imported is
unknown.
"""

from __future__ import annotations

from collections import Counter

from assessment.checks.registry import Context, Hit, rule
from assessment.checks.sources import field_known

COMPREHENSIVE = (
    "ICMPD 2006 Guidelines, p.37–54: a comprehensive national response plans goals and "
    "activities in all four components — supporting framework, prevention, support and "
    "protection of victims, investigation and prosecution."
)
MIN_ACTIVITIES = 10
MOST = 0.6


def _counts(ctx: Context) -> tuple[Counter, int]:
    def compute():
        counts = Counter(ctx.component_of("activity", a.id) for a in ctx.snapshot.activities)
        placed = sum(n for code, n in counts.items() if code)
        return counts, placed

    return ctx.memo("balance:counts", compute)


def _judged(ctx: Context) -> bool:
    return len(ctx.snapshot.activities) >= MIN_ACTIVITIES and field_known(ctx, "activities")


def _title(ctx: Context, code: str) -> str:
    for component in ctx.snapshot.catalogue.components:
        if component["code"] == code:
            return f"{code} {component['title']}"
    return code


@rule(
    code="component-holds-most-activities",
    severity="medium",
    criterion="ST.2",
    title="One component holds most of the plan",
    rationale=COMPREHENSIVE,
    message="{count} of {total} activities ({share} %) fall under {component}; the other "
    "components share the rest.",
    recommendation="Check the balance of the plan against the background analysis: plan "
    "goals and activities for the components the response needs most, not only for the one "
    "that is easiest to act on.",
)
def component_holds_most(ctx: Context):
    if not _judged(ctx):
        return
    counts, placed = _counts(ctx)
    for code, count in counts.items():
        if code and placed and count / placed > MOST:
            yield Hit(
                "plan",
                ctx.plan_id,
                {
                    "count": count,
                    "total": placed,
                    "share": round(100 * count / placed),
                    "component": _title(ctx, code),
                },
                detail=code,
            )


@rule(
    code="component-without-activities",
    severity="medium",
    criterion="ST.2",
    title="A component holds no activity",
    rationale=COMPREHENSIVE,
    message="No activity of the plan falls under {component}.",
    recommendation="Plan goals and activities for this component, or explain in the "
    "strategy why the response does not need them in this period.",
)
def component_without_activities(ctx: Context):
    if not _judged(ctx):
        return
    counts, placed = _counts(ctx)
    if not placed:
        return
    for component in ctx.snapshot.catalogue.components:
        if not counts.get(component["code"]):
            yield Hit(
                "plan",
                ctx.plan_id,
                {"component": _title(ctx, component["code"])},
                detail=component["code"],
            )
