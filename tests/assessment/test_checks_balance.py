from standards.models import Component
from tests.assessment.conftest import assess, rules_of
from tests.factories import (
    ActivityFactory,
    ChapterFactory,
    SpecificObjectiveFactory,
    StrategicGoalFactory,
)


def _objective_in(plan, framework, code):
    chapter = ChapterFactory(plan=plan)
    chapter.components.add(Component.objects.get(framework=framework, code=code))
    goal = StrategicGoalFactory(chapter=chapter, plan=plan)
    return SpecificObjectiveFactory(goal=goal, plan=plan)


def _activities(objective, n):
    for _ in range(n):
        ActivityFactory(objective=objective, plan=objective.plan)


def test_it_reports_one_component_holding_most_and_one_holding_none(plan, framework):
    _activities(_objective_in(plan, framework, "PR"), 8)
    _activities(_objective_in(plan, framework, "SF"), 1)
    _activities(_objective_in(plan, framework, "SP"), 1)
    result = rules_of(assess(plan, framework))
    [most] = result["component-holds-most-activities"]
    assert "8 of 10 activities (80 %)" in most.message and "PR Prevention" in most.message
    [none] = result["component-without-activities"]
    assert "IP Investigation and prosecution" in none.message


def test_a_balanced_plan_raises_neither(plan, framework):
    for code in ("SF", "PR", "SP", "IP"):
        _activities(_objective_in(plan, framework, code), 3)
    result = rules_of(assess(plan, framework))
    assert "component-holds-most-activities" not in result
    assert "component-without-activities" not in result


def test_a_small_plan_is_not_judged(plan, framework):
    _activities(_objective_in(plan, framework, "PR"), 5)
    result = rules_of(assess(plan, framework))
    assert "component-holds-most-activities" not in result
    assert "component-without-activities" not in result
