import pytest

from actionplan.selectors import NO_CHAPTER, timeline_groups
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
