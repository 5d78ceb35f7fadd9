import datetime

from actionplan.models import Responsibility
from strategy.models import Section
from tests.assessment.conftest import assess, rules_of
from tests.factories import (
    ActivityFactory,
    BudgetLineFactory,
    IndicatorFactory,
    OutputFactory,
    ResponsibilityFactory,
    SectionFactory,
    StakeholderFactory,
)


def _complete(activity):
    ResponsibilityFactory(activity=activity)
    BudgetLineFactory(activity=activity)
    IndicatorFactory(activity=activity, plan=activity.plan)
    activity.output = OutputFactory(objective=activity.objective, plan=activity.plan)
    activity.save()
    return activity


def test_it_aggregates_when_no_activity_has_a_budget(plan, framework, objective):
    for _ in range(3):
        ActivityFactory(objective=objective, plan=plan)
    result = rules_of(assess(plan, framework))
    aggregate = result["activities-without-budget"][0]
    assert (aggregate.criterion, aggregate.severity) == ("AP.3", "high")
    assert aggregate.message == "3 of 3 activities have no budget."
    assert "activity-without-budget" not in result  # nothing more to say per activity
    resource = result["no-resource-plan"][0]
    assert resource.criterion == "AP.6"


def test_it_names_the_activities_without_budget_when_only_some_have_one(plan, framework, objective):
    funded = _complete(ActivityFactory(objective=objective, plan=plan))
    unfunded = ActivityFactory(objective=objective, plan=plan)
    result = rules_of(assess(plan, framework))
    assert result["activities-without-budget"][0].message == "1 of 2 activities have no budget."
    each = result["activity-without-budget"]
    assert [(f.element_id, f.severity) for f in each] == [(unfunded.pk, "low")]
    assert funded.pk not in [f.element_id for f in each]
    assert "no-resource-plan" not in result


def test_it_says_funding_is_only_stated_in_a_section(plan, framework, activity):
    SectionFactory(plan=plan, kind=Section.Kind.FUNDING, body="State budget and grants.")
    finding = rules_of(assess(plan, framework))["no-resource-plan"][0]
    assert "funding is only stated in a section" in finding.message


def test_it_flags_missing_lead_timeframe_output_and_indicator(plan, framework, objective):
    _complete(ActivityFactory(objective=objective, plan=plan))
    bare = ActivityFactory(objective=objective, plan=plan, start_month=None, end_month=None)
    result = rules_of(assess(plan, framework))
    for rule, criterion in [
        ("activity-without-lead", "AP.1"),
        ("activity-without-timeframe", "AP.2"),
        ("activity-without-output", "AP.4"),
        ("activity-without-indicator", "AP.4"),
    ]:
        assert [(f.element_id, f.criterion) for f in result[rule]] == [(bare.pk, criterion)]


def test_it_flags_many_responsible_bodies_without_a_lead(plan, framework, objective):
    crowded = ActivityFactory(objective=objective, plan=plan)
    for _ in range(3):
        Responsibility.objects.create(
            activity=crowded,
            stakeholder=StakeholderFactory(plan=plan),
            role=Responsibility.Role.PARTNER,
        )
    _complete(ActivityFactory(objective=objective, plan=plan))
    result = rules_of(assess(plan, framework))
    finding = result["activity-many-bodies-no-lead"][0]
    assert (finding.element_id, finding.criterion, finding.severity) == (
        crowded.pk,
        "AP.1",
        "medium",
    )
    assert "3 responsible bodies" in finding.message
    assert "activity-without-lead" not in result  # said once, by the sharper rule


def test_it_flags_a_timeframe_equal_to_the_whole_plan_period(plan, framework, objective):
    whole = ActivityFactory(
        objective=objective,
        plan=plan,
        start_month=datetime.date(plan.period_start, 1, 1),
        end_month=datetime.date(plan.period_end, 12, 1),
    )
    ActivityFactory(objective=objective, plan=plan)  # March–November of the first year
    result = rules_of(assess(plan, framework))
    assert [f.element_id for f in result["activity-whole-period"]] == [whole.pk]
    assert result["activities-whole-period"][0].criterion == "AP.2"


def test_it_flags_vague_activity_wording(plan, framework, objective):
    vague = ActivityFactory(objective=objective, plan=plan, title="Strengthen cooperation")
    ActivityFactory(objective=objective, plan=plan, title="Train 40 prosecutors on case law")
    result = rules_of(assess(plan, framework))
    assert [f.element_id for f in result["activity-vague"]] == [vague.pk]
    assert result["activities-vague"][0].message == "1 of 2 activities have vague wording."
    assert result["activities-vague"][0].criterion == "AP.5"


def test_it_flags_an_activity_worded_as_a_state_of_affairs(plan, framework, objective):
    state = ActivityFactory(
        objective=objective, plan=plan, title="1.2. Local committees receive guidance"
    )
    ActivityFactory(objective=objective, plan=plan, title="Hold four guidance sessions")
    found = rules_of(assess(plan, framework))["activity-worded-as-state"]
    assert [(f.element_id, f.criterion, f.severity) for f in found] == [(state.pk, "AP.5", "low")]


def test_resources_in_words_are_not_reported_as_no_budget(plan, framework, objective):
    ActivityFactory(objective=objective, plan=plan, resources_as_written="Donor funding")
    bare = ActivityFactory(objective=objective, plan=plan)
    result = rules_of(assess(plan, framework))
    assert result["activities-without-budget"][0].message == "1 of 2 activities have no budget."
    assert [f.element_id for f in result["activity-without-budget"]] == [bare.pk]
