from tests.assessment.conftest import assess, rules_of
from tests.factories import IndicatorFactory, StakeholderFactory

SMART_RULES = {
    "IN.S": "indicators-not-specific",
    "IN.M": "indicators-not-measurable",
    "IN.A": "indicators-not-achievable",
    "IN.R": "indicators-not-relevant",
    "IN.T": "indicators-not-time-bound",
}


def test_it_says_each_smart_criterion_fails_when_the_plan_sets_no_indicators(
    plan, framework, activity
):
    result = rules_of(assess(plan, framework))
    for criterion, rule in SMART_RULES.items():
        finding = result[rule][0]
        assert (finding.criterion, finding.element_type) == (criterion, "plan")
        assert finding.message.startswith("The plan sets no indicators")


def test_it_accepts_a_smart_indicator(plan, framework, activity):
    IndicatorFactory(activity=activity, plan=plan, responsible_body=StakeholderFactory(plan=plan))
    result = rules_of(assess(plan, framework))
    assert not set(SMART_RULES.values()) & set(result)


def test_it_cites_the_smart_criterion_each_gap_breaks(plan, framework, activity):
    body = StakeholderFactory(plan=plan)
    good = IndicatorFactory(activity=activity, plan=plan, responsible_body=body)
    weak = IndicatorFactory(
        activity=activity,
        plan=plan,
        definition="Cooperation improved",
        unit="",
        baseline_value="",
        baseline_year=None,
        target_value="",
        target_year=None,
        means_of_verification="",
        frequency="",
    )
    result = rules_of(assess(plan, framework))
    for criterion, rule in SMART_RULES.items():
        each = result[rule.replace("indicators-", "indicator-")]
        assert [(f.element_id, f.criterion) for f in each] == [(weak.pk, criterion)]
        assert good.pk not in [f.element_id for f in each]
        assert result[rule][0].message.startswith("1 of 2 indicators")


def test_a_bare_level_of_is_not_specific(plan, framework, activity):
    body = StakeholderFactory(plan=plan)
    IndicatorFactory(activity=activity, plan=plan, responsible_body=body)
    vague = IndicatorFactory(
        activity=activity,
        plan=plan,
        responsible_body=body,
        definition="Level of public awareness of trafficking",
        unit="",
    )
    result = rules_of(assess(plan, framework))
    assert [f.element_id for f in result["indicator-not-specific"]] == [vague.pk]
