"""Codes generated for chapters, goals, objectives and activities saved without one."""

import pytest

from strategy.services import element_move, element_save
from tests.factories import (
    ActivityFactory,
    ChapterFactory,
    PlanFactory,
    SpecificObjectiveFactory,
    StrategicGoalFactory,
)

pytestmark = pytest.mark.django_db


def _new_chapter(plan, title):
    chapter = ChapterFactory.build(plan=plan, code="", title=title)
    return element_save(element=chapter, siblings=plan.chapters.all())


def test_it_numbers_each_level_after_its_parent():
    plan = PlanFactory()
    _new_chapter(plan, "Prevention")
    chapter = _new_chapter(plan, "Protection")
    goal = element_save(
        element=StrategicGoalFactory.build(plan=plan, chapter=chapter, code=""),
        siblings=chapter.goals.all(),
    )
    objective = element_save(
        element=SpecificObjectiveFactory.build(plan=plan, goal=goal, code=""),
        siblings=goal.objectives.all(),
    )
    ActivityFactory(plan=plan, objective=objective, code="", order=0)
    activity = element_save(
        element=ActivityFactory.build(plan=plan, objective=objective, code=""),
        siblings=objective.activities.all(),
    )
    assert [chapter.code, goal.code, objective.code, activity.code] == [
        "2",
        "2.1",
        "2.1.1",
        "2.1.1.2",
    ]


def test_it_keeps_a_code_typed_by_hand():
    plan = PlanFactory()
    chapter = ChapterFactory.build(plan=plan, code="IV", title="Prosecution")
    element_save(element=chapter, siblings=plan.chapters.all())
    assert chapter.code == "IV"


def test_it_numbers_a_goal_outside_any_chapter_by_its_place_alone():
    plan = PlanFactory()
    goal = StrategicGoalFactory.build(plan=plan, chapter=None, code="")
    element_save(element=goal, siblings=plan.goals.filter(chapter=None))
    assert goal.code == "1"


def test_it_renumbers_generated_codes_on_a_move_and_keeps_typed_ones():
    plan = PlanFactory()
    first = _new_chapter(plan, "Prevention")
    second = _new_chapter(plan, "Protection")
    typed = ChapterFactory(plan=plan, code="X", order=5)
    element_move(element=second, siblings=plan.chapters.all(), direction="up")
    codes = dict(plan.chapters.values_list("title", "code"))
    assert codes == {"Protection": "1", "Prevention": "2", typed.title: "X"}
    first.refresh_from_db()
    assert first.order == 1


def test_it_gives_a_goal_moved_to_another_chapter_the_code_of_its_new_place():
    plan = PlanFactory()
    one = _new_chapter(plan, "Prevention")
    two = _new_chapter(plan, "Protection")
    StrategicGoalFactory(plan=plan, chapter=two, code="2.1", order=0)
    goal = element_save(
        element=StrategicGoalFactory.build(plan=plan, chapter=one, code=""),
        siblings=one.goals.all(),
    )
    assert goal.code == "1.1"
    goal.chapter = two
    goal.order = 1
    element_save(element=goal)
    assert goal.code == "2.2"


def test_it_keeps_a_typed_code_when_the_element_moves_to_another_parent():
    plan = PlanFactory()
    one = _new_chapter(plan, "Prevention")
    two = _new_chapter(plan, "Protection")
    goal = StrategicGoalFactory(plan=plan, chapter=one, code="P-1")
    goal.chapter = two
    element_save(element=goal)
    assert goal.code == "P-1"
