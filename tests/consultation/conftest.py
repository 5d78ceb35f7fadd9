import pytest

from strategy.models import PlanMembership, PlanStatus
from tests.factories import (
    ActivityFactory,
    ChapterFactory,
    PlanFactory,
    SpecificObjectiveFactory,
    StrategicGoalFactory,
    SubActivityFactory,
)


@pytest.fixture
def consulted(cast):
    """A plan in consultation: the coordinator edits it, the cast's consultee speaks for a
    civil society organisation, a second consultee for an international partner."""
    from tests.factories import UserFactory

    plan = PlanFactory(status=PlanStatus.CONSULTATION, editors=[cast.coordinator])
    partner = UserFactory(username="ivo-partner")
    for user, organisation in ((cast.consultee, "La Strada"), (partner, "IOM Mission")):
        PlanMembership.objects.create(
            plan=plan, user=user, role=PlanMembership.Role.CONSULTEE, organisation=organisation
        )
    chapter = ChapterFactory(plan=plan, code="1", title="Prevention")
    goal = StrategicGoalFactory(plan=plan, chapter=chapter)
    objective = SpecificObjectiveFactory(plan=plan, goal=goal)
    activity = ActivityFactory(plan=plan, objective=objective, code="1.1.1", title="Train")
    sub = SubActivityFactory(activity=activity)
    plan.partner = partner
    plan.chapter, plan.activity, plan.sub = chapter, activity, sub
    return plan
