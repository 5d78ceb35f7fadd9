"""A large plan built from the factories and inserted in bulk, for size tests."""

import datetime
from decimal import Decimal

from actionplan.models import (
    Activity,
    BudgetLine,
    Indicator,
    Responsibility,
    SubActivity,
)
from strategy.models import SpecificObjective, Stakeholder, StrategicGoal
from tests.factories import (
    ActivityFactory,
    BudgetLineFactory,
    ChapterFactory,
    IndicatorFactory,
    PlanFactory,
    SpecificObjectiveFactory,
    StakeholderFactory,
    StrategicGoalFactory,
    SubActivityFactory,
)

PER_OBJECTIVE = 5


def big_plan_create(*, activities: int):
    plan = PlanFactory(period_start=2019, period_end=2023)
    bodies = Stakeholder.objects.bulk_create(
        StakeholderFactory.build(plan=plan, name=f"Body {n}") for n in range(12)
    )
    chapters = [ChapterFactory(plan=plan) for _ in range(5)]
    objectives_needed = -(-activities // PER_OBJECTIVE)
    goals = StrategicGoal.objects.bulk_create(
        StrategicGoalFactory.build(plan=plan, chapter=chapters[n % 5])
        for n in range(-(-objectives_needed // 4))
    )
    objectives = SpecificObjective.objects.bulk_create(
        SpecificObjectiveFactory.build(plan=plan, goal=goals[n // 4])
        for n in range(objectives_needed)
    )
    built = Activity.objects.bulk_create(
        ActivityFactory.build(
            plan=plan,
            objective=objectives[n // PER_OBJECTIVE],
            start_month=datetime.date(2019 + n % 5, 1 + n % 12, 1),
            end_month=datetime.date(2023, 12, 1),
        )
        for n in range(activities)
    )
    _details(plan, built, bodies)
    return plan


def _details(plan, built, bodies):
    Responsibility.objects.bulk_create(
        Responsibility(activity=a, stakeholder=bodies[(n + k) % 12], role=role, order=k)
        for n, a in enumerate(built)
        for k, role in enumerate(("lead", "partner", "partner"))
    )
    BudgetLine.objects.bulk_create(
        BudgetLineFactory.build(activity=a, amount=Decimal(1000 + n)) for n, a in enumerate(built)
    )
    Indicator.objects.bulk_create(
        IndicatorFactory.build(activity=a, plan=plan, responsible_body=bodies[n % 12])
        for n, a in enumerate(built)
    )
    SubActivity.objects.bulk_create(
        SubActivityFactory.build(activity=a, start_month=None, end_month=None) for a in built
    )
