import pytest

from assessment.assess import plan_assess
from strategy.models import PlanStatus
from tests.assessment.catalogue import icmpd_like_framework
from tests.factories import (
    ActivityFactory,
    ChapterFactory,
    PlanFactory,
    SpecificObjectiveFactory,
    StrategicGoalFactory,
)


@pytest.fixture
def framework(db):
    return icmpd_like_framework()


@pytest.fixture
def plan(framework):
    return PlanFactory(framework=framework, status=PlanStatus.CONSULTATION)


@pytest.fixture
def objective(plan):
    chapter = ChapterFactory(plan=plan)
    goal = StrategicGoalFactory(chapter=chapter, plan=plan, rationale="Background finding 1.")
    return SpecificObjectiveFactory(goal=goal, plan=plan)


@pytest.fixture
def activity(objective):
    return ActivityFactory(objective=objective, plan=objective.plan)


def assess(plan, framework, **kwargs):
    return plan_assess(plan=plan, framework=framework, **kwargs)


def rules_of(result) -> dict[str, list]:
    by_rule: dict[str, list] = {}
    for finding in result.findings:
        by_rule.setdefault(finding.rule, []).append(finding)
    return by_rule


def level_of(result, code) -> str:
    return next(c.level for c in result.coverage if c.code == code)


@pytest.fixture
def review(plan, framework, activity, cast):
    """A draft review by the cast's reviewer of a plan the cast's coordinator edits."""
    from assessment.services import review_create
    from strategy.models import PlanMembership

    PlanMembership.objects.create(plan=plan, user=cast.coordinator)
    return review_create(plan=plan, framework=framework, user=cast.reviewer)


@pytest.fixture
def other_reviewer(db):
    from django.contrib.auth.models import Group

    from napplanner.roles import REVIEWER
    from tests.factories import UserFactory

    user = UserFactory(username="rob-reviewer")
    user.groups.add(Group.objects.get(name=REVIEWER))
    return user


def login(client, user):
    client.force_login(user)
    return client
