"""A monitored plan: two responsible bodies, each with a focal point, and the cast of
tests/conftest.py around it."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest

from monitoring.services import focal_point_add
from strategy.models import PlanMembership, PlanStatus
from tests.conftest import _user
from tests.factories import (
    ActivityFactory,
    BudgetLineFactory,
    ChapterFactory,
    IndicatorFactory,
    PlanFactory,
    ReportingPeriodFactory,
    ResponsibilityFactory,
    SpecificObjectiveFactory,
    StakeholderFactory,
    StrategicGoalFactory,
)


@pytest.fixture
def cast(cast):
    """The cast with a focal point for each of two bodies."""
    cast.focal_a = _user("fiona-focal")
    cast.focal_b = _user("felix-focal")
    return cast


def monitored_plan(cast, *, plan=None):
    """A plan in consultation with two bodies, A and B, each leading one activity; A also
    partners in B's. A's activity has an indicator and a budget line."""
    if plan is None:
        plan = PlanFactory(status=PlanStatus.CONSULTATION, editors=[cast.coordinator])
        PlanMembership.objects.create(
            plan=plan, user=cast.coordinator2, role=PlanMembership.Role.READER
        )
    chapter = ChapterFactory(plan=plan)
    goal = StrategicGoalFactory(plan=plan, chapter=chapter)
    objective = SpecificObjectiveFactory(plan=plan, goal=goal)
    body_a = StakeholderFactory(plan=plan, name="Ministry of Labour")
    body_b = StakeholderFactory(plan=plan, name="Ministry of Interior")
    activity_a = ActivityFactory(plan=plan, objective=objective)
    activity_b = ActivityFactory(plan=plan, objective=objective)
    ResponsibilityFactory(activity=activity_a, stakeholder=body_a, role="lead")
    ResponsibilityFactory(activity=activity_b, stakeholder=body_b, role="lead")
    ResponsibilityFactory(activity=activity_b, stakeholder=body_a, role="partner")
    indicator = IndicatorFactory(activity=activity_a)
    budget_line = BudgetLineFactory(activity=activity_a, amount=Decimal("1000.00"))
    focal_point_add(body=body_a, user=cast.focal_a)
    focal_point_add(body=body_b, user=cast.focal_b)
    period = ReportingPeriodFactory(
        plan=plan,
        start_month=datetime.date(plan.period_start, 1, 1),
        due_on=datetime.date(plan.period_start + 1, 1, 31),
    )
    return SimpleNamespace(
        plan=plan,
        chapter=chapter,
        body_a=body_a,
        body_b=body_b,
        activity_a=activity_a,
        activity_b=activity_b,
        indicator=indicator,
        budget_line=budget_line,
        period=period,
    )


@pytest.fixture
def monitored(cast):
    return monitored_plan(cast)
