from tests.assessment.conftest import assess, rules_of
from tests.factories import ActivityFactory, SpecificObjectiveFactory


def test_it_marks_general_labour_market_measures_weakly_linked(plan, framework, objective):
    general = ActivityFactory(
        objective=objective, plan=plan, title="Organise job fairs in the regions"
    )
    russian = ActivityFactory(
        objective=objective, plan=plan, title="Обеспечить трудоустройство выпускников школ"
    )
    targeted = ActivityFactory(
        objective=objective,
        plan=plan,
        title="Organise job fairs for young people at risk of trafficking",
    )
    found = {f.element_id: f for f in rules_of(assess(plan, framework))["activity-weakly-linked"]}
    assert set(found) == {general.pk, russian.pk}
    assert found[general.pk].severity == "low"
    assert "weakly linked" in found[general.pk].message
    assert targeted.pk not in found


def test_the_objective_can_carry_the_link(plan, framework, objective):
    victims = SpecificObjectiveFactory(
        goal=objective.goal, plan=plan, title="Victims of trafficking rebuild their lives"
    )
    ActivityFactory(objective=victims, plan=plan, title="Offer vocational training courses")
    assert "activity-weakly-linked" not in rules_of(assess(plan, framework))


def test_measures_that_are_not_social_are_not_judged(plan, framework, objective):
    ActivityFactory(objective=objective, plan=plan, title="Draft the coordination group's rules")
    assert "activity-weakly-linked" not in rules_of(assess(plan, framework))
