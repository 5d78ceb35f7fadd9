import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from monitoring.models import ActivityReport, IndicatorValue, ReportingPeriod, Spending
from monitoring.services import (
    IndicatorEntry,
    monitoring_setup_set,
    period_close,
    period_open,
    period_publish,
    report_approve,
    report_return,
    report_save,
)
from tests.factories import BudgetLineFactory, PlanFactory


def _save(m, user, **changes):
    values = {
        "period": m.period,
        "activity": m.activity_a,
        "body": m.body_a,
        "user": user,
        "status": "on_track",
        "progress": "Two trainings held.",
        "indicator_values": [IndicatorEntry(m.indicator, Decimal("40"), datetime.date(2019, 6, 1))],
        "spendings": {m.budget_line: Decimal("250.50")},
    } | changes
    return report_save(**values)


def test_it_writes_a_report_with_its_values_and_spending(cast, monitored):
    report = _save(monitored, cast.focal_a, submit=True)
    assert report.state == "submitted"
    assert report.indicator_values.get().value == Decimal("40")
    assert report.spendings.get().amount == Decimal("250.50")


def test_it_replaces_values_when_a_draft_is_saved_again(cast, monitored):
    _save(monitored, cast.focal_a)
    _save(monitored, cast.focal_a, spendings={monitored.budget_line: None}, indicator_values=[])
    assert ActivityReport.objects.count() == 1
    assert not Spending.objects.exists() and not IndicatorValue.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"status": "delayed", "reason": "  "}, "reason"),
        ({"status": "cancelled"}, "reason"),
        ({"status": "finished"}, "status"),
    ],
)
def test_it_refuses_a_status_without_reason_and_writes_nothing(cast, monitored, changes, field):
    with pytest.raises(ValidationError) as error:
        _save(monitored, cast.focal_a, **changes)
    assert field in error.value.message_dict
    assert not ActivityReport.objects.exists()


def test_it_refuses_a_negative_amount_naming_the_budget_line(cast, monitored):
    with pytest.raises(ValidationError) as error:
        _save(monitored, cast.focal_a, spendings={monitored.budget_line: Decimal("-1")})
    assert f"spent_{monitored.budget_line.pk}" in error.value.message_dict
    assert not ActivityReport.objects.exists()


def test_it_refuses_a_budget_line_of_another_activity(cast, monitored):
    foreign = BudgetLineFactory(activity=monitored.activity_b)
    with pytest.raises(ValidationError):
        _save(monitored, cast.focal_a, spendings={foreign: Decimal("1")})
    assert not ActivityReport.objects.exists()


def test_it_refuses_a_value_without_its_date(cast, monitored):
    entry = IndicatorEntry(monitored.indicator, Decimal("3"), None)
    with pytest.raises(ValidationError) as error:
        _save(monitored, cast.focal_a, indicator_values=[entry])
    assert f"indicator_{monitored.indicator.pk}" in error.value.message_dict
    assert not ActivityReport.objects.exists()


def test_it_refuses_a_body_not_responsible_for_the_activity(cast, monitored):
    with pytest.raises(ValidationError):
        _save(monitored, cast.focal_b, body=monitored.body_b)


def test_it_refuses_changes_once_the_period_is_closed(cast, monitored):
    _save(monitored, cast.focal_a)
    period_close(period=monitored.period)
    with pytest.raises(ValidationError):
        _save(monitored, cast.focal_a, progress="changed")
    assert ActivityReport.objects.get().progress == "Two trainings held."


def test_it_approves_and_returns_only_submitted_reports(cast, monitored):
    draft = _save(monitored, cast.focal_a)
    with pytest.raises(ValidationError):
        report_approve(report=draft)
    submitted = _save(monitored, cast.focal_a, submit=True)
    with pytest.raises(ValidationError):
        report_return(report=submitted, comment=" ")
    report_return(report=submitted, comment="Give the number of trainees.")
    assert ActivityReport.objects.get().state == "returned"
    again = _save(monitored, cast.focal_a, submit=True)
    report_approve(report=again)
    with pytest.raises(ValidationError):
        _save(monitored, cast.focal_a)
    assert ActivityReport.objects.get().state == "approved"


@pytest.mark.parametrize(
    ("rhythm", "labels"),
    [
        ("annual", ["2019", "2020"]),
        ("semiannual", ["2019 H1", "2019 H2"]),
        ("quarterly", ["2019 Q1", "2019 Q2"]),
    ],
)
def test_it_opens_periods_in_the_plans_rhythm(db, rhythm, labels):
    plan = PlanFactory(period_start=2019, period_end=2020)
    monitoring_setup_set(plan=plan, rhythm=rhythm)
    opened = [period_open(plan=plan).label for _ in labels]
    assert opened == labels


def test_it_opens_no_period_beyond_the_plan(db):
    plan = PlanFactory(period_start=2019, period_end=2019)
    period_open(plan=plan)
    with pytest.raises(ValidationError):
        period_open(plan=plan)
    assert ReportingPeriod.objects.count() == 1


def test_it_publishes_a_period_and_locks_it(monitored):
    period = period_publish(period=monitored.period)
    assert period.is_published and period.published_at and not period.is_open
