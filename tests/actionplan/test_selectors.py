import datetime

import pytest

from actionplan.selectors import NO_CHAPTER, plan_timeline_pages, timeline_groups
from tests.factories import (
    ActivityFactory,
    ChapterFactory,
    PlanFactory,
    SpecificObjectiveFactory,
    StrategicGoalFactory,
)

pytestmark = pytest.mark.django_db


def test_it_groups_activities_by_chapter_in_plan_order():
    plan = PlanFactory()
    second = ChapterFactory(plan=plan, title="Second", order=2)
    first = ChapterFactory(plan=plan, title="First", order=1)
    empty = ChapterFactory(plan=plan, title="Empty", order=3)
    late = SpecificObjectiveFactory(goal__chapter=first, goal__plan=plan, goal__order=2)
    early = SpecificObjectiveFactory(goal__chapter=first, goal__plan=plan, goal__order=1)
    ActivityFactory(objective=late, title="c", order=1)
    ActivityFactory(objective=early, title="b", order=2)
    ActivityFactory(objective=early, title="a", order=1)
    ActivityFactory(
        objective=SpecificObjectiveFactory(goal__chapter=second, goal__plan=plan), title="d"
    )
    loose = StrategicGoalFactory(plan=plan, chapter=None)
    ActivityFactory(objective=SpecificObjectiveFactory(goal=loose, plan=plan), title="e")
    groups = timeline_groups(plan)
    assert [g.title for g in groups] == [str(first), str(second), str(empty), NO_CHAPTER]
    assert [[a.title for a in g.activities] for g in groups] == [["a", "b", "c"], ["d"], [], ["e"]]


def test_it_draws_print_pages_of_the_timeline(django_assert_max_num_queries):
    plan = PlanFactory(title="<NAP>", period_start=2019, period_end=2020)
    objective = SpecificObjectiveFactory(goal__chapter__plan=plan, goal__plan=plan)
    for _ in range(5):
        ActivityFactory(
            objective=objective,
            start_month=datetime.date(2019, 1, 1),
            end_month=datetime.date(2019, 6, 1),
        )
    with django_assert_max_num_queries(2):
        pages = plan_timeline_pages(plan, rows_per_page=2)
    assert len(pages) == 3
    assert "Timeline of activities: &lt;NAP&gt; (1 of 3)" in pages[0]
