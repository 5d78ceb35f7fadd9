"""Codes generated for chapters, goals, objectives and activities saved without one."""

import pytest

from actionplan.models import Activity, Output
from strategy.services import element_delete, element_move, element_save
from tests.factories import (
    ActivityFactory,
    ChapterFactory,
    OutputFactory,
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


def _tree(plan):
    """chapter "1" > goal "1.1" > objective "1.1.1" > activities "1.1.1.1", "1.1.1.2"."""
    chapter = _new_chapter(plan, "Prevention")
    goal = element_save(
        element=StrategicGoalFactory.build(plan=plan, chapter=chapter, code=""),
        siblings=chapter.goals.all(),
    )
    objective = element_save(
        element=SpecificObjectiveFactory.build(plan=plan, goal=goal, code=""),
        siblings=goal.objectives.all(),
    )
    for _ in range(2):
        element_save(
            element=ActivityFactory.build(plan=plan, objective=objective, code=""),
            siblings=objective.activities.all(),
        )
    return chapter, goal, objective


def _codes(model, **lookups):
    return list(
        model.objects.filter(**lookups).order_by("order", "pk").values_list("code", flat=True)
    )


def test_it_renumbers_the_generated_codes_below_a_chapter_moved_among_its_siblings():
    plan = PlanFactory()
    _new_chapter(plan, "Coordination")
    chapter, goal, objective = _tree(plan)
    assert objective.activities.first().code == "2.1.1.1"
    element_move(element=chapter, siblings=plan.chapters.all(), direction="up")
    assert _codes(type(chapter), plan=plan) == ["1", "2"]
    assert _codes(type(goal), plan=plan, chapter=chapter) == ["1.1"]
    assert _codes(type(objective), goal=goal) == ["1.1.1"]
    assert _codes(Activity, objective=objective) == ["1.1.1.1", "1.1.1.2"]
    # and the chapter that went down took its subtree along
    other = plan.chapters.get(title="Coordination")
    assert other.code == "2"


def test_it_keeps_typed_codes_below_a_moved_element_and_renumbers_generated_ones():
    plan = PlanFactory()
    _new_chapter(plan, "Coordination")
    chapter, goal, objective = _tree(plan)
    typed = ActivityFactory(plan=plan, objective=objective, code="A-7", order=9)
    element_move(element=chapter, siblings=plan.chapters.all(), direction="up")
    assert _codes(Activity, objective=objective) == ["1.1.1.1", "1.1.1.2", typed.code]


def test_it_renumbers_a_goal_moved_to_another_chapter_with_its_subtree_and_closes_the_gap():
    plan = PlanFactory()
    chapter, goal, objective = _tree(plan)
    later = element_save(
        element=StrategicGoalFactory.build(plan=plan, chapter=chapter, code=""),
        siblings=chapter.goals.all(),
    )
    assert later.code == "1.2"
    target = _new_chapter(plan, "Protection")
    goal.chapter = target
    element_save(element=goal)
    assert goal.code == "2.1"
    assert _codes(type(objective), goal=goal) == ["2.1.1"]
    assert _codes(Activity, objective=objective) == ["2.1.1.1", "2.1.1.2"]
    later.refresh_from_db()
    assert later.code == "1.1"


def test_it_renumbers_an_activity_moved_to_another_objective_and_its_old_siblings():
    plan = PlanFactory()
    chapter, goal, objective = _tree(plan)
    other = element_save(
        element=SpecificObjectiveFactory.build(plan=plan, goal=goal, code=""),
        siblings=goal.objectives.all(),
    )
    first = objective.activities.order_by("order").first()
    first.objective = other
    element_save(element=first)
    assert first.code == "1.1.2.1"
    assert _codes(Activity, objective=objective) == ["1.1.1.1"]


def test_it_renumbers_objectives_moved_among_their_siblings_with_their_activities():
    plan = PlanFactory()
    chapter, goal, objective = _tree(plan)
    second = element_save(
        element=SpecificObjectiveFactory.build(plan=plan, goal=goal, code=""),
        siblings=goal.objectives.all(),
    )
    element_move(element=second, siblings=goal.objectives.all(), direction="up")
    objective.refresh_from_db()
    second.refresh_from_db()
    assert (second.code, objective.code) == ("1.1.1", "1.1.2")
    assert _codes(Activity, objective=objective) == ["1.1.2.1", "1.1.2.2"]


def test_it_lets_generated_codes_below_follow_a_code_typed_for_their_parent():
    plan = PlanFactory()
    chapter, goal, objective = _tree(plan)
    chapter.code = "IV"
    element_save(element=chapter)
    goal.refresh_from_db()
    objective.refresh_from_db()
    assert (goal.code, objective.code) == ("IV.1", "IV.1.1")
    assert _codes(Activity, objective=objective) == ["IV.1.1.1", "IV.1.1.2"]


def test_it_keeps_typed_output_codes_when_outputs_move():
    plan = PlanFactory()
    chapter, goal, objective = _tree(plan)
    first = OutputFactory(plan=plan, objective=objective, code="O-1", order=0)
    second = OutputFactory(plan=plan, objective=objective, code="O-2", order=1)
    element_move(element=second, siblings=objective.outputs.order_by("order"), direction="up")
    assert _codes(Output, objective=objective) == ["O-2", "O-1"]
    first.refresh_from_db()
    assert first.order == 1


def test_it_closes_the_gap_a_deleted_element_leaves_in_generated_codes():
    plan = PlanFactory()
    first = _new_chapter(plan, "Coordination")
    chapter, goal, objective = _tree(plan)
    typed = ChapterFactory(plan=plan, code="X", order=9)
    assert element_delete(element=first) is True
    chapter.refresh_from_db()
    assert (chapter.code, plan.chapters.get(pk=typed.pk).code) == ("1", "X")
    assert _codes(Activity, objective=objective) == ["1.1.1.1", "1.1.1.2"]
    assert element_delete(element=typed) is False
