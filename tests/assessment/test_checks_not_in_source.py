"""A plan typed in from a partial source: what the source does not include is reported as
not assessed, never as missing."""

from tests.assessment.conftest import assess, rules_of
from tests.factories import ActivityFactory, StakeholderFactory


def test_it_does_not_report_a_field_the_activitys_source_lacks(plan, framework, objective):
    ActivityFactory(objective=objective, plan=plan, not_in_source=["lead", "budget"])
    bare = ActivityFactory(objective=objective, plan=plan)
    result = rules_of(assess(plan, framework))
    assert result["activities-without-lead"][0].message == "1 of 1 activities have no lead body."
    assert [f.element_id for f in result["activity-without-lead"]] == [bare.pk]
    assert [f.element_id for f in result["activity-without-budget"]] == [bare.pk]


def test_it_says_once_per_field_what_was_not_assessed(plan, framework, objective):
    ActivityFactory(objective=objective, plan=plan, not_in_source=["timeframe"])
    ActivityFactory(objective=objective, plan=plan)
    messages = [f.message for f in rules_of(assess(plan, framework))["fields-not-in-source"]]
    assert messages == [
        "The source does not include the timeframe of 1 of 2 activities: not assessed."
    ]


def test_it_applies_what_the_plans_source_lacks_to_every_activity(plan, framework, objective):
    plan.not_in_source = ["indicators", "activities", "sections"]
    plan.save()
    ActivityFactory(objective=objective, plan=plan)
    result = rules_of(assess(plan, framework))
    assert "activities-without-indicator" not in result
    assert "no-resource-plan" not in result  # a resource plan would be in the narrative
    messages = [f.message for findings in result.values() for f in findings]
    assert not any(m.startswith("The plan sets no indicators") for m in messages)
    assert "indicators of 1 of 1" in result["fields-not-in-source"][0].message


def test_it_does_not_call_bodies_leaderless_when_the_lead_was_not_in_the_source(
    plan, framework, objective
):
    activity = ActivityFactory(objective=objective, plan=plan, not_in_source=["lead"])
    for _ in range(3):
        activity.stakeholders.add(StakeholderFactory(plan=plan))
    assert "activity-many-bodies-no-lead" not in rules_of(assess(plan, framework))


def test_it_names_the_activities_of_a_shortcoming_limited_to_some(plan, framework, objective):
    first, last = plan.period_months
    dated = ActivityFactory(objective=objective, plan=plan, start_month=first, end_month=last)
    ActivityFactory(objective=objective, plan=plan, start_month=None, end_month=None)
    result = rules_of(assess(plan, framework))
    # Every dated activity runs the whole period, but not every activity is dated: name it.
    assert result["activities-whole-period"][0].message.startswith("1 of 1 ")
    assert [f.element_id for f in result["activity-whole-period"]] == [dated.pk]
