"""Shared set-up for the tests of plan pages that list plan content."""

import datetime

from django.urls import reverse

from tests.factories import (
    ActivityFactory,
    BudgetLineFactory,
    ChapterFactory,
    PlanFactory,
    ResponsibilityFactory,
    SpecificObjectiveFactory,
    StakeholderFactory,
)


def plan_content_build(plan, activities: int, chapters: int = 3) -> None:
    """A plan with `activities` activities spread over chapters, each with a lead body,
    a partner, a timeframe and (for two in three) a budget line."""
    bodies = [StakeholderFactory(plan=plan) for _ in range(4)]
    objectives = []
    for _ in range(chapters):
        chapter = ChapterFactory(plan=plan)
        objectives.append(SpecificObjectiveFactory(goal__chapter=chapter, goal__plan=plan))
    for n in range(activities):
        activity = ActivityFactory(
            objective=objectives[n % chapters],
            start_month=datetime.date(plan.period_start, 1 + n % 12, 1),
            end_month=datetime.date(plan.period_end, 12, 1),
        )
        ResponsibilityFactory(activity=activity, stakeholder=bodies[n % 4], role="lead")
        ResponsibilityFactory(activity=activity, stakeholder=bodies[(n + 1) % 4], role="partner")
        if n % 3:
            BudgetLineFactory(activity=activity)


def plan_page_of_size(client, user, url_name: str, activities: int) -> str:
    """The URL of a page of an editor's plan holding `activities` activities, with the
    editor signed in: for the query-count tests of the pages that list plan content."""
    plan = PlanFactory(editors=[user])
    plan_content_build(plan, activities=activities)
    client.force_login(user)
    return reverse(url_name, args=[plan.pk])
