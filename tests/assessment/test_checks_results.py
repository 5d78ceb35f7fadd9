from assessment.checks import REGISTRY
from assessment.checks.registry import Context
from assessment.snapshot import plan_snapshot
from tests.assessment.conftest import assess, rules_of
from tests.factories import ActivityFactory, IndicatorFactory, SpecificObjectiveFactory


def _hits(code, plan, framework):
    snapshot = plan_snapshot(plan=plan, framework=framework)
    return list(REGISTRY[code].check(Context(snapshot, [], {})))


def test_it_counts_goals_and_objectives_without_indicators_of_their_own(plan, framework, activity):
    IndicatorFactory(activity=activity, plan=plan)  # an activity's: not the objective's
    result = rules_of(assess(plan, framework))
    finding = result["results-without-indicators"][0]
    assert finding.message.startswith("2 of 2 goals and objectives have no indicator")
    assert (finding.criterion, finding.severity) == ("AP.4", "high")
    assert "result-without-indicator" not in result  # none has one: the count says it all


def test_it_names_the_objective_without_one_when_others_have_theirs(plan, framework, activity):
    objective = activity.objective
    IndicatorFactory(activity=None, objective=objective, plan=plan, level="outcome")
    IndicatorFactory(activity=None, goal=objective.goal, plan=plan, level="impact")
    bare = SpecificObjectiveFactory(goal=objective.goal, plan=plan)
    result = rules_of(assess(plan, framework))
    assert [f.element_id for f in result["result-without-indicator"]] == [bare.pk]
    assert "specific objective" in result["result-without-indicator"][0].message


def test_it_counts_objectives_measured_by_output_indicators_only(plan, framework, activity):
    IndicatorFactory(activity=activity, plan=plan, level="output")
    [hit] = _hits("objectives-output-indicators-only", plan, framework)
    assert (hit.values["count"], hit.values["total"], hit.severity) == (1, 1, "high")
    assert _hits("objective-output-indicators-only", plan, framework) == []  # all of them


def test_it_names_the_objective_that_is_the_exception(plan, framework, activity):
    IndicatorFactory(activity=activity, plan=plan, level="output")
    for _ in range(2):
        other = SpecificObjectiveFactory(goal=activity.objective.goal, plan=plan)
        IndicatorFactory(activity=None, objective=other, plan=plan, level="outcome")
    hits = _hits("objective-output-indicators-only", plan, framework)
    assert [(h.element_type, h.element_id) for h in hits] == [("objective", activity.objective_id)]
    [aggregate] = _hits("objectives-output-indicators-only", plan, framework)
    assert (aggregate.values["count"], aggregate.severity) == (1, "medium")


def test_an_outcome_indicator_lifts_the_objective(plan, framework, activity):
    IndicatorFactory(activity=activity, plan=plan, level="output")
    IndicatorFactory(activity=None, objective=activity.objective, plan=plan, level="outcome")
    assert _hits("objectives-output-indicators-only", plan, framework) == []


def test_it_flags_outcome_indicators_without_baseline_or_target(plan, framework, activity):
    IndicatorFactory(activity=activity, plan=plan, level="outcome", baseline_value="")
    IndicatorFactory(
        activity=activity, plan=plan, level="impact", baseline_value="", target_value=""
    )
    IndicatorFactory(activity=activity, plan=plan, level="output", baseline_value="")
    for _ in range(3):
        IndicatorFactory(activity=activity, plan=plan, level="outcome")
    hits = _hits("outcome-indicator-without-baseline-target", plan, framework)
    assert sorted(h.values["missing"] for h in hits) == ["baseline", "baseline or target"]
    [aggregate] = _hits("outcome-indicators-without-baseline-target", plan, framework)
    assert (aggregate.values["count"], aggregate.values["total"]) == (2, 5)


def test_an_objective_with_indicators_not_in_the_source_is_not_judged(plan, framework, activity):
    IndicatorFactory(activity=activity, plan=plan, level="output")
    partial = ActivityFactory(objective=activity.objective, plan=plan)
    partial.not_in_source = ["indicators"]
    partial.save()
    assert _hits("objectives-output-indicators-only", plan, framework) == []
