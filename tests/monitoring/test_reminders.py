import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from monitoring.selectors import reminders_for
from tests.factories import ActivityReportFactory
from tests.monitoring.conftest import monitored_plan


def test_it_reminds_a_focal_point_of_the_reports_their_body_owes(client, cast, monitored):
    client.force_login(cast.focal_a)
    html = client.get(reverse("home")).content.decode()
    assert "Ministry of Labour owes 2 reports for" in html
    ActivityReportFactory(
        period=monitored.period, activity=monitored.activity_a, body=monitored.body_a
    )
    assert "Ministry of Labour owes 1 report for" in client.get(reverse("home")).content.decode()


def test_it_reminds_the_coordinator_of_bodies_late_after_the_due_date(cast, monitored):
    ActivityReportFactory(
        period=monitored.period, activity=monitored.activity_b, body=monitored.body_b
    )
    before = reminders_for(user=cast.coordinator, today=monitored.period.due_on)
    assert not [r for r in before if r["kind"] == "late"]
    after = monitored.period.due_on + datetime.timedelta(days=1)
    (late,) = [r for r in reminders_for(user=cast.coordinator, today=after) if r["kind"] == "late"]
    assert [b.name for b in late["bodies"]] == ["Ministry of Labour"]


def test_it_reminds_nobody_else(client, cast, monitored):
    client.force_login(cast.reviewer)
    assert 'data-testid="reminders"' not in client.get(reverse("home")).content.decode()


def test_it_reads_the_reminders_in_a_fixed_number_of_queries(cast, monitored):
    after = monitored.period.due_on + datetime.timedelta(days=1)
    with CaptureQueriesContext(connection) as one:
        assert len(reminders_for(user=cast.coordinator, today=after)) == 1
    for _ in range(3):
        monitored_plan(cast)
    with CaptureQueriesContext(connection) as four:
        assert len(reminders_for(user=cast.coordinator, today=after)) == 4
    assert len(four) == len(one)
