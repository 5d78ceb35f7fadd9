"""What a plan's monitoring adds to its review: approved reports of published periods make
findings (an activity past its end and not completed, an indicator off target), reporting
periods are evidence for review, monitoring and evaluation, and a reporting discipline
kept is a strength. A plan nobody monitors reviews as before."""

import datetime
import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assessment.services import review_run
from tests.assessment.conftest import assess, level_of, login, rules_of
from tests.factories import (
    ActivityFactory,
    ActivityReportFactory,
    BudgetLineFactory,
    CriterionFactory,
    IndicatorFactory,
    ReportingPeriodFactory,
    ResponsibilityFactory,
)

ON_TIME = datetime.datetime(2020, 1, 15, 10, tzinfo=datetime.UTC)
LATE = datetime.datetime(2020, 3, 1, 10, tzinfo=datetime.UTC)
NEXT_YEAR = timezone.localdate().year + 1


def _period(plan, year=2019, status="published"):
    return ReportingPeriodFactory(
        plan=plan,
        start_month=datetime.date(year, 1, 1),
        status=status,
        published_at=timezone.now() if status == "published" else None,
    )


def _report(period, responsibility, *, status="on_track", state="approved", at=ON_TIME, **kw):
    return ActivityReportFactory(
        period=period,
        activity=responsibility.activity,
        body=responsibility.stakeholder,
        status=status,
        reason=kw.pop("reason", "Funds arrived late." if status == "delayed" else ""),
        state=state,
        submitted_at=at,
        **kw,
    )


@pytest.fixture
def lead(activity):
    """The activity (2019-03 to 2019-11) with its lead body."""
    return ResponsibilityFactory(activity=activity)


def test_it_finds_an_activity_past_its_end_that_its_report_says_is_delayed(plan, framework, lead):
    _report(_period(plan), lead, status="delayed", reason="The funds arrived late.")
    [finding] = rules_of(assess(plan, framework))["activity-overdue"]
    assert (finding.element_type, finding.element_id) == ("activity", lead.activity_id)
    assert finding.criterion == "AP.2" and finding.severity == "medium"
    assert "was to end by 2019-11" in finding.message
    assert "(2019) says it is delayed. The reason given: “The funds arrived late.”" in (
        finding.message
    )
    assert "M&E Handbook (ICMPD 2010)" in finding.citation
    assert finding.recommendation


def test_an_activity_never_started_past_its_end_is_a_high_finding(plan, framework, lead):
    _report(_period(plan), lead, status="not_started")
    [finding] = rules_of(assess(plan, framework))["activity-overdue"]
    assert finding.severity == "high"


def test_the_latest_period_and_the_lead_body_decide_the_status(plan, framework, lead):
    partner = ResponsibilityFactory(activity=lead.activity, role="partner")
    _report(_period(plan, 2019), lead, status="delayed")
    later = _period(plan, 2020)
    _report(later, lead, status="completed")
    _report(later, partner, status="delayed")
    assert "activity-overdue" not in rules_of(assess(plan, framework))


@pytest.mark.parametrize("status", ["completed", "cancelled"])
def test_a_completed_or_cancelled_activity_is_no_finding(plan, framework, lead, status):
    _report(_period(plan), lead, status=status, reason="Merged into another activity.")
    assert "activity-overdue" not in rules_of(assess(plan, framework))


@pytest.mark.parametrize(
    ("state", "period_status"),
    [("returned", "published"), ("submitted", "published"), ("approved", "closed")],
)
def test_only_approved_reports_of_published_periods_count(
    plan, framework, lead, state, period_status
):
    _report(_period(plan, status=period_status), lead, status="delayed", state=state)
    result = assess(plan, framework)
    assert "activity-overdue" not in rules_of(result)
    # A report not approved is no report: in a published period, the activity is unreported.
    unreported = rules_of(result).get("activity-unreported", [])
    assert len(unreported) == (period_status == "published")


def test_an_activity_that_ended_in_a_published_period_with_no_report_is_a_finding(
    plan, framework, lead
):
    reported = ResponsibilityFactory(
        activity=ActivityFactory(objective=lead.activity.objective, plan=plan)
    )
    period = _period(plan, 2019)
    _report(period, reported, status="delayed")
    [finding] = rules_of(assess(plan, framework))["activity-unreported"]
    assert (finding.element_type, finding.element_id) == ("activity", lead.activity_id)
    assert finding.criterion == "SF.5.1" and finding.severity == "medium"
    assert "was to end by 2019-11, within the reporting periods published so far (2019)" in (
        finding.message
    )
    assert "no approved report says whether it was done" in finding.message
    assert finding.recommendation and "M&E Handbook" in finding.citation
    # Reported in a later published period: the monitoring knows.
    _report(_period(plan, 2020), lead, status="completed")
    assert "activity-unreported" not in rules_of(assess(plan, framework))


@pytest.mark.parametrize("case", ["period open", "ends after the periods", "no body", "later"])
def test_an_activity_no_report_was_due_on_yet_is_no_unreported_finding(
    plan, framework, activity, case
):
    if case != "no body":
        ResponsibilityFactory(activity=activity)
    if case == "ends after the periods":
        activity.start_month, activity.end_month = (
            datetime.date(2020, 2, 1),
            datetime.date(2020, 6, 1),
        )
        activity.save()
    if case == "later":  # ends this month or later: not over yet
        activity.end_month = timezone.localdate().replace(day=1)
        activity.save()
        _period(plan, timezone.localdate().year)
    else:
        _period(plan, 2019, status="open" if case == "period open" else "published")
    assert "activity-unreported" not in rules_of(assess(plan, framework))


def _spent(period, lead, line, amount, **kw):
    report = _report(period, lead, status="on_track", **kw)
    report.spendings.create(budget_line=line, amount=Decimal(amount))


def test_a_budget_line_spent_beyond_its_plan_is_a_finding_per_line(plan, framework, lead):
    first = BudgetLineFactory(activity=lead.activity, amount=Decimal("1000"), currency="EUR")
    second = BudgetLineFactory(
        activity=lead.activity, amount=Decimal("500"), currency="USD", description="Printing"
    )
    within = BudgetLineFactory(activity=lead.activity, amount=Decimal("900"))
    # Spent over two published periods: 700 + 500 on the first line.
    _spent(_period(plan, 2019), lead, first, "700")
    later = _period(plan, 2020)
    report = _report(later, lead, status="on_track")
    report.spendings.create(budget_line=first, amount=Decimal("500"))
    report.spendings.create(budget_line=second, amount=Decimal("500.50"))
    report.spendings.create(budget_line=within, amount=Decimal("900"))
    findings = rules_of(assess(plan, framework))["budget-overspent"]
    assert [(f.element_type, f.element_id) for f in findings] == [
        ("activity", lead.activity_id)
    ] * 2
    assert all(f.criterion == "SF.4.1" and f.severity == "medium" for f in findings)
    messages = sorted(f.message for f in findings)
    assert (
        "planned 1000 EUR" in messages[0]
        and "record 1200 EUR spent on it, 200 EUR more" in (messages[0])
    )
    assert "“Printing”" in messages[1] and "500.5 USD spent on it, 0.5 USD more" in messages[1]
    assert len({f.key for f in findings}) == 2


@pytest.mark.parametrize(
    ("state", "period_status"), [("submitted", "published"), ("approved", "closed")]
)
def test_spending_counts_only_from_approved_reports_of_published_periods(
    plan, framework, lead, state, period_status
):
    line = BudgetLineFactory(activity=lead.activity, amount=Decimal("100"))
    _spent(_period(plan, status=period_status), lead, line, "250", state=state)
    assert "budget-overspent" not in rules_of(assess(plan, framework))


def _indicator(lead, **fields):
    return IndicatorFactory(activity=lead.activity, plan=lead.activity.plan, **fields)


def _value(period, lead, indicator, value):
    report = _report(period, lead, status="completed")
    report.indicator_values.create(
        indicator=indicator, value=Decimal(value), measured_on=datetime.date(2019, 12, 1)
    )


@pytest.mark.parametrize(
    ("baseline", "target", "target_year", "value", "why"),
    [
        ("10", "50", NEXT_YEAR, "5", "moved away from the baseline"),
        ("100", "20", NEXT_YEAR, "150", "moved away from the baseline"),
        ("10", "50", 2020, "30", "2020 is over and the target was not reached"),
        ("100", "20", 2020, "40", "2020 is over and the target was not reached"),
    ],
)
def test_it_finds_an_indicator_off_target(
    plan, framework, lead, baseline, target, target_year, value, why
):
    indicator = _indicator(
        lead, baseline_value=baseline, target_value=target, target_year=target_year
    )
    _value(_period(plan), lead, indicator, value)
    [finding] = rules_of(assess(plan, framework))["indicator-off-target"]
    assert (finding.element_type, finding.element_id) == ("indicator", indicator.pk)
    assert finding.criterion == "IN.A"
    assert f"reached {value} (period 2019, measured 2019-12-01)" in finding.message
    assert f"a baseline of {baseline} and a target of {target}" in finding.message
    assert why in finding.message


@pytest.mark.parametrize(
    ("baseline", "target", "target_year", "value"),
    [
        ("10", "50", NEXT_YEAR, "30"),  # on its way
        ("10", "50", 2020, "50"),  # reached
        ("100", "20", 2020, "15"),  # reached, downwards
        ("", "50", 2020, "0"),  # no baseline: no direction to judge
        ("many", "50", 2020, "0"),
    ],
)
def test_an_indicator_on_its_way_reached_or_without_direction_is_no_finding(
    plan, framework, lead, baseline, target, target_year, value
):
    indicator = _indicator(
        lead, baseline_value=baseline, target_value=target, target_year=target_year
    )
    _value(_period(plan), lead, indicator, value)
    assert "indicator-off-target" not in rules_of(assess(plan, framework))


@pytest.fixture
def regular_monitoring(framework):
    return CriterionFactory(
        framework=framework,
        code="SF.5.1",
        group="",
        area=framework.areas.get(code="SF.5"),
        question="Does the plan provide for regular monitoring of its implementation?",
        keywords={"en": ["progress report"]},
    )


def test_reporting_periods_are_evidence_for_monitoring(plan, framework, lead, regular_monitoring):
    assert level_of(assess(plan, framework), "SF.5") == "not_covered"
    _report(_period(plan, 2019), lead)
    _report(_period(plan, 2020, status="closed"), lead)
    _report(_period(plan, 2021, status="open"), lead, state="submitted")  # nothing approved
    _report(_period(plan, 2022, status="open"), lead)  # under way, with a report approved
    result = assess(plan, framework)
    sf5 = next(c for c in result.coverage if c.code == "SF.5")
    assert sf5.level == "concrete"
    assert [(e.type, e.label) for e in sf5.evidence] == [
        ("period", "2019"),
        ("period", "2020"),
        ("period", "2022"),
    ]
    assert [e.label for e in sf5.criteria["SF.5.1"]] == ["2019", "2020", "2022"]
    assert "no-monitoring-activities" not in rules_of(result)
    rating = next(r for r in result.as_json()["ratings"] if r["code"] == "SF.5")
    assert {e["type"] for e in rating["evidence"]} == {"period"}


def test_a_period_without_approved_reports_is_no_evidence(plan, framework, lead):
    _report(_period(plan), lead, state="returned")
    assert level_of(assess(plan, framework), "SF.5") == "not_covered"


@pytest.fixture
def two_bodies(lead, objective):
    other = ResponsibilityFactory(
        activity=ActivityFactory(objective=objective, plan=lead.activity.plan)
    )
    partner = ResponsibilityFactory(
        activity=other.activity, stakeholder=lead.stakeholder, role="partner"
    )
    return [lead, other, partner]


def _strengths(plan, framework):
    return {s.rule: s for s in assess(plan, framework).strengths}


def test_it_commends_every_period_closed_with_every_report_on_time(plan, framework, two_bodies):
    periods = [_period(plan, 2019), _period(plan, 2020, status="closed")]
    for period in periods:
        for responsibility in two_bodies:
            _report(period, responsibility, at=ON_TIME.replace(year=period.start_month.year + 1))
    kept = _strengths(plan, framework)["reporting-kept"]
    assert kept.criterion == "SF.5.1" and kept.kind == "practice"
    assert "Each of the 2 reporting periods due so far (2019, 2020)" in kept.message
    assert "all 2 responsible bodies" in kept.message
    assert [(e["type"], e["label"]) for e in kept.evidence] == [
        ("period", "2019"),
        ("period", "2020"),
    ]
    # An open period not yet due is under way and changes nothing.
    ReportingPeriodFactory(plan=plan, start_month=datetime.date(NEXT_YEAR, 1, 1), status="open")
    assert "reporting-kept" in _strengths(plan, framework)


@pytest.mark.parametrize("gap", ["late", "missing", "returned", "open past due"])
def test_a_late_missing_or_unapproved_report_or_an_open_period_is_no_strength(
    plan, framework, two_bodies, gap
):
    period = _period(plan, 2019, status="open" if gap == "open past due" else "published")
    for index, responsibility in enumerate(two_bodies):
        if index == 1 and gap == "missing":
            continue
        late = index == 1 and gap == "late"
        state = "returned" if index == 1 and gap == "returned" else "approved"
        _report(period, responsibility, at=LATE if late else ON_TIME, state=state)
    assert "reporting-kept" not in _strengths(plan, framework)


def test_the_review_command_shows_the_findings_and_the_strength(plan, framework, lead):
    _report(_period(plan), lead, status="delayed")
    out = StringIO()
    call_command("review", str(plan.pk), "--format", "json", stdout=out)
    data = json.loads(out.getvalue())
    overdue = [f for f in data["findings"] if f["rule"] == "activity-overdue"]
    assert overdue[0]["element"] == {"type": "activity", "id": lead.activity_id}
    assert overdue[0]["criterion"] == "AP.2"
    assert any(s["rule"] == "reporting-kept" for s in data["strengths"])


def _queries(plan, framework) -> int:
    with CaptureQueriesContext(connection) as context:
        assess(plan, framework)
    return len(context.captured_queries)


def test_its_query_count_does_not_grow_with_the_plan_or_the_periods(plan, framework, lead):
    without = _queries(plan, framework)
    indicator = _indicator(lead)
    _value(_period(plan, 2019), lead, indicator, "10")
    small = _queries(plan, framework)
    # responsibilities, reports counted, statuses, values, spending
    assert small == without + 5
    for year in (2020, 2021, 2022):
        period = _period(plan, year)
        for _ in range(5):
            responsibility = ResponsibilityFactory(
                activity=ActivityFactory(objective=lead.activity.objective, plan=plan)
            )
            _report(period, responsibility, status="delayed")
        _value(period, lead, indicator, "20")
    assert _queries(plan, framework) == small


def test_the_review_page_shows_the_finding_and_the_periods_as_evidence(client, cast, review):
    lead = ResponsibilityFactory(activity=review.plan.activities.get())
    _report(_period(review.plan), lead, status="delayed", reason="The <b>funds</b> came late.")
    review_run(review=review)
    url = reverse("assessment:review_detail", args=[review.pk])
    html = login(client, cast.reviewer).get(url).content.decode()
    assert 'data-rule="activity-overdue"' in html
    assert "Activity past its end month and not completed" in html
    assert "The &lt;b&gt;funds&lt;/b&gt; came late." in html
    assert "period 2019" in html  # the SF.5 rating's evidence
    assert "No activity plans review, monitoring or evaluation" not in html
