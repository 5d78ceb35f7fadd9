"""A small plan the workspace tests share: one branch from chapter to sub-activity, with
an editor (the cast's coordinator) and readers (the reviewer and a reading coordinator)."""

from types import SimpleNamespace

import pytest

from strategy.models import PlanMembership, PlanStatus
from tests.factories import (
    ActivityFactory,
    BudgetLineFactory,
    ChapterFactory,
    IndicatorFactory,
    OutputFactory,
    PlanFactory,
    ResponsibilityFactory,
    SpecificObjectiveFactory,
    StakeholderFactory,
    StrategicGoalFactory,
    SubActivityFactory,
)


@pytest.fixture
def branch(cast):
    plan = PlanFactory(
        title="NAP 2019–2023", status=PlanStatus.CONSULTATION, editors=[cast.coordinator]
    )
    PlanMembership.objects.create(
        plan=plan, user=cast.coordinator2, role=PlanMembership.Role.READER
    )
    chapter = ChapterFactory(plan=plan, code="3", title="Prevention")
    goal = StrategicGoalFactory(plan=plan, chapter=chapter, code="G1")
    objective = SpecificObjectiveFactory(plan=plan, goal=goal, code="O1")
    output = OutputFactory(plan=plan, objective=objective, code="OUT1")
    activity = ActivityFactory(plan=plan, objective=objective, code="A1")
    ministry = StakeholderFactory(plan=plan, name="Ministry of Education")
    ngo = StakeholderFactory(plan=plan, name="Clean World")
    return SimpleNamespace(
        plan=plan,
        chapter=chapter,
        goal=goal,
        objective=objective,
        output=output,
        activity=activity,
        ministry=ministry,
        ngo=ngo,
        sub=SubActivityFactory(activity=activity, code="A1.1"),
        lead=ResponsibilityFactory(activity=activity, stakeholder=ministry, role="lead"),
        line=BudgetLineFactory(activity=activity),
        indicator=IndicatorFactory(activity=activity),
    )


@pytest.fixture
def other_plan_branch(cast):
    """A plan the editor of `branch` may also edit, to try elements across plans."""
    plan = PlanFactory(title="Another plan", editors=[cast.coordinator])
    activity = ActivityFactory(plan=plan)
    return SimpleNamespace(
        plan=plan,
        activity=activity,
        objective=activity.objective,
        stakeholder=StakeholderFactory(plan=plan, name="Foreign ministry"),
    )


@pytest.fixture
def htmx(client):
    """The test client, sending its requests as htmx does."""
    client.defaults["HTTP_HX_REQUEST"] = "true"
    return client
