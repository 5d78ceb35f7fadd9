from tests.assessment.conftest import assess, rules_of
from tests.factories import ActivityFactory, SpecificObjectiveFactory


def test_it_flags_no_data_collection_and_no_monitoring_activities(plan, framework, activity):
    result = rules_of(assess(plan, framework))
    data = result["no-data-collection-activities"][0]
    monitoring = result["no-monitoring-activities"][0]
    assert (data.area, data.criterion, data.severity) == ("SF.3", "SF.3", "high")
    assert (monitoring.area, monitoring.component) == ("SF.5", "SF")


def test_a_monitoring_activity_closes_the_monitoring_gap(plan, framework, objective):
    ActivityFactory(objective=objective, plan=plan, title="Publish 5 annual monitoring reports")
    assert "no-monitoring-activities" not in rules_of(assess(plan, framework))


def test_an_area_only_mentioned_in_the_strategy_is_a_medium_gap(plan, framework, objective):
    SpecificObjectiveFactory(goal=objective.goal, plan=plan, title="Corruption is curbed")
    gaps = {f.area: f for f in rules_of(assess(plan, framework))["area-without-activity"]}
    assert gaps["IP.6"].severity == "medium"
    assert "only mentioned" in gaps["IP.6"].message
    assert gaps["IP.4"].severity == "high"
    assert "SF.3" not in gaps  # reported by its own rule


def test_it_flags_the_foreign_victims_criterion_of_a_covered_area(plan, framework, objective):
    ActivityFactory(objective=objective, plan=plan, title="Open 3 shelters for victims")
    finding = rules_of(assess(plan, framework))["criterion-not-addressed"][0]
    assert (finding.criterion, finding.area, finding.component) == ("SP.3.2", "SP.3", "SP")
    ActivityFactory(
        objective=objective, plan=plan, title="Fund interpretation assistance for 50 victims"
    )
    assert "criterion-not-addressed" not in rules_of(assess(plan, framework))


def test_a_criterion_keyword_in_another_context_does_not_answer_it(plan, framework, objective):
    ActivityFactory(objective=objective, plan=plan, title="Open 3 shelters for victims")
    ActivityFactory(objective=objective, plan=plan, title="Check 20 adoptions by a foreign victim")
    codes = [f.criterion for f in rules_of(assess(plan, framework))["criterion-not-addressed"]]
    assert codes == ["SP.3.2"]  # the adoption activity is not about social support


def test_a_criterion_of_an_area_only_mentioned_is_left_to_the_area_finding(
    plan, framework, objective
):
    SpecificObjectiveFactory(goal=objective.goal, plan=plan, title="Victims find shelter")
    result = rules_of(assess(plan, framework))
    assert "SP.3" in {f.area for f in result["area-without-activity"]}
    assert "criterion-not-addressed" not in result


def test_an_excerpt_of_a_plan_is_not_said_to_miss_areas(plan, framework, objective):
    ActivityFactory(objective=objective, plan=plan, title="Open 3 shelters for victims")
    plan.not_in_source = ["activities"]
    plan.save()
    result = rules_of(assess(plan, framework))
    for code in (
        "area-without-activity",
        "criterion-not-addressed",
        "no-data-collection-activities",
        "no-monitoring-activities",
    ):
        assert code not in result
