from io import StringIO

import pytest
from django.core.management import call_command

from monitoring.demo import FOCAL_USERS
from monitoring.models import ActivityReport, FocalPoint, ReportingPeriod
from monitoring.selectors import dashboard
from strategy.models import Plan

pytestmark = pytest.mark.django_db


def test_it_gives_the_demo_plan_a_published_and_an_open_period(settings):
    settings.DEBUG = True
    out = StringIO()
    call_command("load_demo", stdout=out)
    # load_demo also drafts the plan that follows the demo plan up.
    plan = Plan.objects.get(previous_plan__isnull=False).previous_plan
    periods = list(ReportingPeriod.objects.filter(plan=plan).order_by("start_month"))
    assert [p.status for p in periods] == ["published", "open"]
    assert FocalPoint.objects.filter(body__plan=plan).count() == len(FOCAL_USERS)
    assert all(name in out.getvalue() for name in FOCAL_USERS)
    board = dashboard(plan=plan, coordinator=False)
    assert board.trend and sum(board.trend[0][1].values()) > 0
    assert board.delays
    assert periods[1].reports.filter(state="submitted").exists()

    reports = ActivityReport.objects.count()
    again = StringIO()
    call_command("monitoring_demo", stdout=again)
    assert ActivityReport.objects.count() == reports
    assert "shown this once" not in again.getvalue()
