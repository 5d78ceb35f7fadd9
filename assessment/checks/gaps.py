"""Rules on coverage gaps: areas of the framework no activity addresses, and criteria
inside a covered area that nothing in the plan answers.

They read the coverage (`assessment.coverage`), so they follow the reviewer: rejecting a
keyword suggestion can open a gap; an override does not close one (an override changes
the score, the finding stays until dismissed). A plan whose source holds only some of
its activities (`not_in_source` "activities") gets none of them: an excerpt cannot show
that something is missing.
"""

from __future__ import annotations

from assessment.checks.registry import Context, Hit, rule
from assessment.models import CoverageLevel
from standards.models import Tier

UNCOVERED = (CoverageLevel.NOT_COVERED, CoverageLevel.MENTIONED)
STATE = {
    CoverageLevel.NOT_COVERED: "not covered by the plan",
    CoverageLevel.MENTIONED: "only mentioned in the strategy",
}
SPECIAL_AREAS = {"SF.3", "SF.5"}
ANSWERABLE = (CoverageLevel.CONCRETE, CoverageLevel.COMPLETE)


def _gap(ctx: Context, area_code: str):
    if ctx.snapshot.source_lacks("activities"):
        return  # an excerpt of a plan cannot show that an area is missing from it
    coverage = ctx.area(area_code)
    if coverage and coverage.level in UNCOVERED:
        yield Hit(
            "plan",
            ctx.plan_id,
            {"area": f"{coverage.code} {coverage.title}", "state": STATE[coverage.level]},
            detail=area_code,
            criterion=area_code,  # the area itself is the standard missed
            area=area_code,
            severity="high" if coverage.level == CoverageLevel.NOT_COVERED else "medium",
        )


@rule(
    code="no-data-collection-activities",
    severity="high",
    criterion="SF.3",
    area="SF.3",
    title="No data collection and exchange activities",
    rationale="ICMPD 2006 Guidelines, p.37: information management and data collection — what "
    "is collected, by whom, how it is stored, shared and analysed — is part of the supporting "
    "framework and closely connected to monitoring.",
    message="No activity plans data collection and exchange: {area} is {state}.",
    recommendation="Plan activities related to data collection and exchange, e.g. a national "
    "database on victims and perpetrators with agreed rules for sharing.",
)
def no_data_collection(ctx: Context):
    yield from _gap(ctx, "SF.3")


@rule(
    code="no-monitoring-activities",
    severity="high",
    criterion="SF.5",
    area="SF.5",
    title="No review, monitoring or evaluation activities",
    rationale="ICMPD 2006 Guidelines, p.37; M&E Handbook (ICMPD 2010): review, monitoring and "
    "evaluation determine the success of the response and its adaptation to emerging trends.",
    message="No activity plans review, monitoring or evaluation of the plan: {area} is {state}.",
    recommendation="Plan and include review, regular monitoring and final evaluation of the "
    "national anti-trafficking response as regular activities.",
)
def no_monitoring(ctx: Context):
    yield from _gap(ctx, "SF.5")


@rule(
    code="area-without-activity",
    severity="high",
    criterion="",
    title="Area of the framework with no activity",
    rationale="ICMPD 2006 Guidelines, p.37–54: a comprehensive response covers the areas of "
    "all four components with strategic goals and concrete activities.",
    message="{area} is {state}: no activity addresses it.",
    recommendation="Add goals and activities for this area, or explain in the strategy why it "
    "is not a priority.",
)
def area_without_activity(ctx: Context):
    for area in ctx.snapshot.catalogue.areas:
        if area["code"] not in SPECIAL_AREAS:
            yield from _gap(ctx, area["code"])


@rule(
    code="criterion-not-addressed",
    severity="medium",
    criterion="",
    title="Criterion of an area not addressed",
    rationale="ICMPD 2006 Guidelines, p.44–54: the measures each area should comprise.",
    message="Nothing in the strategy or the action plan addresses {criterion}: “{question}”",
    recommendation="Add specific goals and activities for this part of the area.",
)
def criterion_not_addressed(ctx: Context):
    """A criterion of an area the plan covers with activities is answered by a goal,
    objective or activity that both addresses the area and contains one of the criterion's
    phrases (`Coverage.criteria`). An area only mentioned is reported as a whole by
    `area-without-activity`; criteria of the indicator tier are about how the plan
    measures, which the indicator rules judge."""
    if ctx.snapshot.source_lacks("activities"):
        return  # the activities that answer it may be among those not in the source
    for criterion in ctx.snapshot.catalogue.criteria:
        area = ctx.area(criterion["area__code"] or "")
        if area is None or area.level not in ANSWERABLE or criterion.get("tier") == Tier.INDICATOR:
            continue
        if criterion["code"] in area.criteria and not area.criteria[criterion["code"]]:
            yield Hit(
                "plan",
                ctx.plan_id,
                {"criterion": criterion["code"], "question": criterion["question"]},
                detail=criterion["code"],
                criterion=criterion["code"],
                area=area.code,
            )
