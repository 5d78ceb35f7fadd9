import datetime
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from monitoring.models import IndicatorValue, Spending
from monitoring.selectors import dashboard
from monitoring.services import period_publish
from tests.factories import (
    ActivityFactory,
    ActivityReportFactory,
    BudgetLineFactory,
    ComponentFactory,
    ResponsibilityFactory,
)


def _approved(m, **extra):
    values = {"period": m.period, "activity": m.activity_a, "body": m.body_a, "state": "approved"}
    return ActivityReportFactory(**(values | extra))


def test_it_counts_approved_reports_by_chapter_and_component(cast, monitored):
    component = ComponentFactory(title="Prevention")
    monitored.chapter.components.add(component)
    _approved(monitored, status="completed")
    ActivityReportFactory(
        period=monitored.period,
        activity=monitored.activity_b,
        body=monitored.body_b,
        state="submitted",
        status="delayed",
        reason="No trainer",
    )
    board = dashboard(plan=monitored.plan, coordinator=True, today=datetime.date(2019, 6, 1))
    ((_label, counts),) = board.by_chapter
    assert counts["completed"] == 1 and counts["not_reported"] == 1
    assert board.by_component[0][0].endswith("Prevention")
    assert board.by_component[0][1]["completed"] == 1


def test_it_shows_readers_only_published_periods(client, cast, monitored):
    _approved(monitored, status="delayed", reason="Budget arrived late")
    client.force_login(cast.coordinator2)
    url = reverse("monitoring:dashboard", args=[monitored.plan.pk])
    assert "Budget arrived late" not in client.get(url).content.decode()
    period_publish(period=monitored.period)
    assert "Budget arrived late" in client.get(url).content.decode()


def test_it_lists_activities_past_their_end_and_not_completed_as_overdue(cast, monitored):
    _approved(monitored, status="completed")
    board = dashboard(plan=monitored.plan, coordinator=True, today=datetime.date(2030, 1, 1))
    assert [a.pk for a in board.overdue] == [monitored.activity_b.pk]


def test_it_keeps_currencies_apart_and_adds_spending_per_source(cast, monitored):
    BudgetLineFactory(activity=monitored.activity_b, amount=Decimal("500"), currency="AZN")
    report = _approved(monitored)
    Spending.objects.create(report=report, budget_line=monitored.budget_line, amount=300)
    board = dashboard(plan=monitored.plan, coordinator=True)
    assert board.budget == {
        "AZN": [("State budget", Decimal("500.00"), Decimal("0"))],
        "EUR": [("State budget", Decimal("1000.00"), Decimal("300.00"))],
    }


def test_it_follows_an_indicator_against_baseline_and_target(cast, monitored):
    report = _approved(monitored)
    IndicatorValue.objects.create(
        report=report, indicator=monitored.indicator, value=40, measured_on="2019-11-30"
    )
    (series,) = dashboard(plan=monitored.plan, coordinator=True).indicators
    assert (series.baseline, series.target, series.latest) == (0, 200, 40)
    assert not series.off_target


def test_it_draws_charts_with_a_title_a_description_and_a_table(client, cast, monitored):
    monitored.chapter.title = "<script>alert(1)</script>"
    monitored.chapter.save()
    _approved(monitored, status="on_track")
    client.force_login(cast.coordinator)
    page = client.get(reverse("monitoring:dashboard", args=[monitored.plan.pk]))
    html = page.content.decode()
    assert html.count("<svg") >= 3
    assert "<title>Activities by status per chapter</title>" in html
    assert "<desc>" in html and "<caption>" in html
    assert "<script>alert(1)</script>" not in html
    assert ' style="' not in html.split("<main", 1)[-1]


def test_it_reads_the_dashboard_in_a_fixed_number_of_queries(client, cast, monitored):
    client.force_login(cast.coordinator)
    url = reverse("monitoring:dashboard", args=[monitored.plan.pk])
    _approved(monitored)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    small = count()
    for _ in range(10):
        activity = ActivityFactory(plan=monitored.plan, objective=monitored.activity_a.objective)
        ResponsibilityFactory(activity=activity, stakeholder=monitored.body_a)
        BudgetLineFactory(activity=activity)
        report = _approved(monitored, activity=activity, status="delayed", reason="Late")
        Spending.objects.create(report=report, budget_line=activity.budget_lines.get(), amount=1)
    assert count() == small


def test_it_lists_the_first_overdue_activities_and_says_how_many_more(
    client, cast, monitored, monkeypatch
):
    monkeypatch.setattr("monitoring.views.PAGE_LIMIT", 1)
    client.force_login(cast.coordinator)
    page = client.get(reverse("monitoring:dashboard", args=[monitored.plan.pk]))
    assert len(page.context["overdue"]) == 1
    assert "… and 1 more in the monitoring report." in page.content.decode()
