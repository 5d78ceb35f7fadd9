import datetime

from tests.assessment.conftest import assess, rules_of
from tests.factories import ActivityFactory


def _activity(objective, start, end, **kwargs):
    return ActivityFactory(
        objective=objective,
        plan=objective.plan,
        start_month=datetime.date(*start, 1),
        end_month=datetime.date(*end, 1),
        **kwargs,
    )


def test_it_reports_deadlines_all_in_the_first_year(plan, framework, objective):
    for month in (3, 6, 9):
        _activity(objective, (2019, 1), (2019, month))
    _activity(objective, (2019, 1), (2023, 12))  # runs to the end: no deadline of its own
    finding = rules_of(assess(plan, framework))["deadlines-bunched-early"][0]
    assert (finding.criterion, finding.severity) == ("AP.2", "medium")
    assert "3 activities" in finding.message and "2019" in finding.message


def test_it_is_quiet_when_deadlines_spread_over_the_period(plan, framework, objective):
    for year in (2019, 2020, 2021, 2022, 2023):
        _activity(objective, (year, 1), (year, 10))
    result = rules_of(assess(plan, framework))
    assert "deadlines-bunched-early" not in result
    assert "years-without-milestone" not in result


def test_it_names_the_years_with_nothing_starting_or_ending(plan, framework, objective):
    _activity(objective, (2019, 2), (2019, 6))
    _activity(objective, (2019, 3), (2020, 6))
    _activity(objective, (2023, 1), (2023, 6))
    finding = rules_of(assess(plan, framework))["years-without-milestone"][0]
    assert "2021, 2022" in finding.message
    assert finding.severity == "low"


def test_it_flags_open_ended_terms_without_an_end(plan, framework, objective):
    ongoing = _activity(
        objective,
        (2019, 1),
        (2023, 12),
        title="Collect information on trafficking on an ongoing basis",
    )
    russian = _activity(
        objective, (2019, 1), (2023, 12), title="Постоянно проводить мониторинг сайтов вербовки"
    )
    dated = _activity(
        objective, (2019, 1), (2019, 6), title="Update the referral handbook, continuously"
    )
    found = {f.element_id: f for f in rules_of(assess(plan, framework))["activity-open-ended"]}
    assert set(found) == {ongoing.pk, russian.pk}
    assert "on-going" in found[ongoing.pk].message or "ongoing" in found[ongoing.pk].message
    assert dated.pk not in found


def test_it_says_nothing_of_a_schedule_the_source_did_not_give(plan, framework, objective):
    from assessment.checks.registry import Context
    from assessment.checks.timeline import deadlines_bunched_early
    from assessment.snapshot import plan_snapshot

    for month in (3, 6, 9):
        _activity(objective, (2019, 1), (2019, month))
    snapshot = plan_snapshot(plan=plan, framework=framework)
    assert list(deadlines_bunched_early(Context(snapshot, [], {})))
    snapshot.not_in_source = {"timeframe"}
    assert not list(deadlines_bunched_early(Context(snapshot, [], {})))


def test_a_schedule_known_only_in_part_is_not_judged_as_a_whole(plan, framework, objective):
    _activity(objective, (2019, 2), (2019, 6))
    _activity(objective, (2019, 3), (2019, 6))
    _activity(objective, (2019, 4), (2019, 8))
    unknown = ActivityFactory(objective=objective, plan=plan, start_month=None, end_month=None)
    unknown.not_in_source = ["timeframe"]
    unknown.save()
    result = rules_of(assess(plan, framework))
    assert "deadlines-bunched-early" not in result
    assert "years-without-milestone" not in result


def test_it_reads_an_open_ended_term_in_the_timeframe_as_written(plan, framework, objective):
    permanent = _activity(
        objective, (2019, 1), (2023, 12), title="Run the national hotline for victims"
    )
    permanent.timeframe_as_written = "Permanently"
    permanent.save()
    found = rules_of(assess(plan, framework))["activity-open-ended"]
    assert [(f.element_id, "permanently" in f.message) for f in found] == [(permanent.pk, True)]
