"""A reviewed plan and the plan that follows it, for the follow-up tests: the previous
plan has a final review with recommendations (one written from a finding, one by hand);
the next plan is a draft copy its coordinator edits, with a reader."""

from dataclasses import dataclass

from assessment import services
from assessment.models import Note, Review
from strategy.models import Plan, PlanMembership, PlanStatus
from strategy.services import plan_copy
from tests.factories import (
    ActivityFactory,
    ChapterFactory,
    PlanFactory,
    SpecificObjectiveFactory,
    StakeholderFactory,
    StrategicGoalFactory,
)


@dataclass
class FollowUpWorld:
    previous: Plan
    review: Review
    from_finding: Note
    by_hand: Note
    plan: Plan

    def element(self, kind: str):
        """The next plan's first element of a kind (the copy of the previous plan's)."""
        from actionplan.elements import KINDS

        return KINDS[kind].of_plan(self.plan).order_by("pk").first()


def reviewed_plan(cast, framework, *, recommendations: int = 0) -> tuple[Plan, Review]:
    previous = PlanFactory(
        framework=framework, status=PlanStatus.CONSULTATION, editors=[cast.coordinator]
    )
    chapter = ChapterFactory(plan=previous)
    goal = StrategicGoalFactory(plan=previous, chapter=chapter)
    objective = SpecificObjectiveFactory(plan=previous, goal=goal)
    ActivityFactory(plan=previous, objective=objective)
    StakeholderFactory(plan=previous, name="Ministry of Labour")
    review = services.review_create(plan=previous, framework=framework, user=cast.reviewer)
    for n in range(recommendations):
        services.note_create(
            review=review,
            kind=Note.Kind.RECOMMENDATION,
            scope=Note.Scope.OVERALL,
            text=f"Recommendation {n}.",
            user=cast.reviewer,
        )
    return previous, review


def follow_up_world(cast, framework) -> FollowUpWorld:
    previous, review = reviewed_plan(cast, framework)
    finding = (
        review.findings.filter(element_type__in=["activity", "goal", "objective"])
        .exclude(recommendation="")
        .order_by("element_type", "rule")
        .first()
    )
    from_finding = services.note_create(
        review=review,
        kind=Note.Kind.RECOMMENDATION,
        scope=Note.Scope.OVERALL,
        finding=finding,
        text="",
        user=cast.reviewer,
    )
    by_hand = services.note_create(
        review=review,
        kind=Note.Kind.RECOMMENDATION,
        scope=Note.Scope.OVERALL,
        text="Consult survivors when planning support.",
        user=cast.reviewer,
    )
    services.review_finalise(review=review, user=cast.reviewer)
    plan = plan_copy(
        source=previous,
        user=cast.coordinator,
        title="Next plan",
        period_start=previous.period_end + 1,
        period_end=previous.period_end + 4,
    )
    PlanMembership.objects.create(
        plan=plan, user=cast.coordinator2, role=PlanMembership.Role.READER
    )
    return FollowUpWorld(previous, review, from_finding, by_hand, plan)
