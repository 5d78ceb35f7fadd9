from strategy.models import Section
from tests.assessment.conftest import assess, rules_of
from tests.factories import (
    ActivityFactory,
    CriterionFactory,
    SectionFactory,
    SpecificObjectiveFactory,
    StakeholderFactory,
    StrategicGoalFactory,
)


def test_it_flags_a_goal_phrased_as_an_action(plan, framework, objective):
    action = StrategicGoalFactory(plan=plan, chapter=None, title="To ensure protection of victims")
    result = rules_of(assess(plan, framework))
    flagged = result["goal-phrased-as-action"]
    assert [(f.element_type, f.element_id) for f in flagged] == [("goal", action.pk)]
    assert flagged[0].criterion == "ST.5"
    assert "To ensure protection of victims" in flagged[0].message


def test_it_says_strategy_and_action_plan_are_not_distinct_when_goals_are_actions(plan, framework):
    for title in ["Conduct trainings", "Organisation of campaigns"]:
        goal = StrategicGoalFactory(plan=plan, chapter=None, title=title)
        SpecificObjectiveFactory(goal=goal, plan=plan, title="Provide shelters")
    finding = rules_of(assess(plan, framework))["strategy-not-distinct"][0]
    assert finding.criterion == "ST.7"
    assert finding.severity == "high"
    assert finding.message.startswith("4 of 4 goals and objectives")


def test_it_accepts_a_strategy_of_outcomes(plan, framework, activity):
    result = rules_of(assess(plan, framework))
    assert "strategy-not-distinct" not in result
    assert "goal-phrased-as-action" not in result


def test_it_flags_a_goal_without_objectives_and_an_objective_without_activities(plan, framework):
    lonely_goal = StrategicGoalFactory(plan=plan, chapter=None)
    idle = SpecificObjectiveFactory(plan=plan)
    result = rules_of(assess(plan, framework))
    assert [f.element_id for f in result["goal-without-objectives"]] == [lonely_goal.pk]
    assert idle.pk in [f.element_id for f in result["objective-without-activities"]]


def test_it_flags_a_goal_without_background_reference(plan, framework, objective):
    bare = StrategicGoalFactory(plan=plan, chapter=None, rationale="")
    linked = StrategicGoalFactory(plan=plan, chapter=None, rationale="")
    linked.background_sections.add(SectionFactory(plan=plan, kind=Section.Kind.BACKGROUND))
    flagged = [f.element_id for f in rules_of(assess(plan, framework))[
        "goal-without-background-reference"
    ]]  # fmt: skip
    assert bare.pk in flagged
    assert linked.pk not in flagged
    assert objective.goal_id not in flagged  # it has a rationale


def test_it_flags_a_goal_referring_to_no_principle(plan, framework):
    silent = StrategicGoalFactory(plan=plan, chapter=None, title="Victims recover")
    keyword = StrategicGoalFactory(plan=plan, chapter=None, title="Human rights of victims upheld")
    tagged = StrategicGoalFactory(plan=plan, chapter=None, title="Victims recover fully")
    tagged.principles.add(framework.principles.get(code="P.SU"))
    flagged = [f.element_id for f in rules_of(assess(plan, framework))["goal-without-principle"]]
    assert flagged == [silent.pk]
    assert keyword.pk not in flagged


def test_it_flags_a_plan_without_background_analysis(plan, framework, activity):
    finding = rules_of(assess(plan, framework))["no-background-analysis"][0]
    assert (finding.criterion, finding.element_type, finding.severity) == ("ST.2", "plan", "high")


def test_it_names_each_component_the_background_analysis_leaves_out(plan, framework, activity):
    SectionFactory(
        plan=plan,
        kind=Section.Kind.BACKGROUND,
        component=framework.components.get(code="SF"),
        body="Situation.",
    )
    SectionFactory(plan=plan, kind=Section.Kind.BACKGROUND, body="Awareness is low.")
    result = rules_of(assess(plan, framework))
    assert "no-background-analysis" not in result
    missing = sorted(f.key.rsplit(":", 1)[1] for f in result["background-misses-component"])
    assert missing == ["IP", "SP"]  # PR found by its keywords, SF by its tag


def test_it_flags_missing_stakeholder_roles_until_they_are_described(plan, framework, activity):
    assert "no-stakeholder-roles" in rules_of(assess(plan, framework))
    StakeholderFactory(plan=plan, role="Coordinates the national referral mechanism.")
    assert "no-stakeholder-roles" not in rules_of(assess(plan, framework))


def test_it_reads_activities_not_goals_for_the_action_plan(plan, framework, objective):
    ActivityFactory(objective=objective, plan=plan, title="Conduct 12 trainings for judges")
    assert "objective-without-activities" not in rules_of(assess(plan, framework))


def test_it_flags_an_objective_phrased_as_an_action_behind_its_label(plan, framework, objective):
    action = SpecificObjectiveFactory(
        goal=objective.goal, plan=plan, title="Objective (b): Raise public awareness of risks"
    )
    heading = SpecificObjectiveFactory(goal=objective.goal, plan=plan, title="1.2. PREVENTION")
    flagged = rules_of(assess(plan, framework))["objective-phrased-as-action"]
    assert action.pk in [f.element_id for f in flagged]
    assert heading.pk not in [f.element_id for f in flagged]
    assert flagged[0].criterion == "ST.5"


def test_it_does_not_say_what_sections_a_plan_excerpt_lacks(plan, framework, activity):
    plan.not_in_source = ["sections"]
    plan.save()
    result = rules_of(assess(plan, framework))
    for code in ("no-background-analysis", "no-stakeholder-roles"):
        assert code not in result


def test_it_notes_a_plan_of_one_year_against_a_strategy_horizon(plan, framework, activity):
    assert "plan-period-short" not in rules_of(assess(plan, framework))
    plan.period_end = plan.period_start
    plan.save()
    finding = rules_of(assess(plan, framework))["plan-period-short"][0]
    assert (finding.criterion, finding.severity) == ("ST.5", "low")
    assert "1 year" in finding.message


def test_a_goal_naming_what_a_principle_criterion_asks_about_refers_to_the_principle(
    plan, framework
):
    CriterionFactory(
        framework=framework,
        code="P.HR.1",
        group="",
        principle=framework.principles.get(code="P.HR"),
        keywords={"en": ["non-criminalisation of victims"]},
    )
    goal = StrategicGoalFactory(
        plan=plan, chapter=None, title="Non-criminalisation of victims is the rule"
    )
    silent = StrategicGoalFactory(plan=plan, chapter=None, title="Victims recover")
    flagged = [f.element_id for f in rules_of(assess(plan, framework))["goal-without-principle"]]
    assert flagged == [silent.pk]
    assert goal.pk not in flagged


def test_a_section_titled_as_a_background_analysis_counts_as_one(plan, framework, activity):
    framework.criteria.filter(code="ST.2").update(
        keywords={"en": ["current situation"], "ru": ["анализ ситуации"]}
    )
    SectionFactory(plan=plan, kind=Section.Kind.OTHER, title="Annex 2", body="Tables.")
    assert "no-background-analysis" in rules_of(assess(plan, framework))
    SectionFactory(
        plan=plan, kind=Section.Kind.OTHER, title="The current situation", body="Trends."
    )
    assert "no-background-analysis" not in rules_of(assess(plan, framework))
