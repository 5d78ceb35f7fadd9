import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from monitoring.models import IndicatorValue, Spending
from monitoring.services import period_publish
from tests.factories import ActivityFactory, ActivityReportFactory


def _approved(m, activity=None):
    report = ActivityReportFactory(
        period=m.period, activity=activity or m.activity_a, body=m.body_a, state="approved"
    )
    return report


def test_it_gives_each_periods_statuses_values_and_spending_as_json(client, cast, monitored):
    report = _approved(monitored)
    IndicatorValue.objects.create(
        report=report, indicator=monitored.indicator, value="12.5", measured_on="2019-06-30"
    )
    Spending.objects.create(report=report, budget_line=monitored.budget_line, amount="99.90")
    client.force_login(cast.coordinator)
    (period,) = client.get(reverse("monitoring:monitoring_json", args=[monitored.plan.pk])).json()[
        "periods"
    ]
    assert period["label"] == "2019"
    assert period["activities"][0]["status"] == "on_track"
    assert period["indicator_values"][0]["value"] == "12.5"
    assert period["spending"][0] == {
        "budget_line_id": monitored.budget_line.pk,
        "activity_code": monitored.activity_a.code,
        "body": "Ministry of Labour",
        "amount": "99.90",
        "currency": "EUR",
        "planned": "1000.00",
    }


def test_it_gives_readers_only_published_periods(client, cast, monitored):
    _approved(monitored)
    client.force_login(cast.focal_b)
    url = reverse("monitoring:monitoring_json", args=[monitored.plan.pk])
    assert client.get(url).json()["periods"] == []
    period_publish(period=monitored.period)
    assert len(client.get(url).json()["periods"][0]["activities"]) == 1


def test_it_reads_the_json_in_a_fixed_number_of_queries(client, cast, monitored):
    client.force_login(cast.coordinator)
    url = reverse("monitoring:monitoring_json", args=[monitored.plan.pk])
    _approved(monitored)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for _ in range(5):
        _approved(monitored, ActivityFactory(plan=monitored.plan))
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large) == len(small)


def test_the_command_writes_the_period_as_json_and_html(tmp_path, monitored):
    _approved(monitored)
    out = tmp_path / "report.json"
    call_command(
        "monitoring_report",
        monitored.plan.pk,
        "--period",
        "2019",
        "--format",
        "json",
        "--output",
        str(out),
    )
    assert json.loads(out.read_text())["periods"][0]["activities"]
    html = tmp_path / "report.html"
    call_command(
        "monitoring_report",
        monitored.plan.pk,
        "--period",
        "2019",
        "--format",
        "html",
        "--output",
        str(html),
    )
    assert "Annex: reports per body" in html.read_text()
    with pytest.raises(CommandError, match="has no period"):
        call_command(
            "monitoring_report", monitored.plan.pk, "--period", "1999", "--output", str(out)
        )
