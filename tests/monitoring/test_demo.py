from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from monitoring.demo import FOCAL_USERS
from monitoring.models import ActivityReport, FocalPoint, ReportingPeriod, Spending
from monitoring.selectors import budget_spent, dashboard
from strategy.models import Plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def _monitored(plan):
    return list(ReportingPeriod.objects.filter(plan=plan).order_by("start_month"))


def test_it_gives_the_demo_plan_a_published_and_an_open_period(demo):
    # The imported demo plan (not the plan that follows it up, nor the generated one).
    plan = Plan.objects.get(previous_plan__isnull=True, title__startswith="National")
    periods = _monitored(plan)
    assert [p.status for p in periods] == ["published", "open"]
    assert FocalPoint.objects.filter(body__plan=plan).count() == len(FOCAL_USERS)
    assert all(name in demo for name in FOCAL_USERS)
    board = dashboard(plan=plan, coordinator=False)
    assert board.trend and sum(board.trend[0][1].values()) > 0
    assert board.delays
    assert periods[1].reports.filter(state="submitted").exists()

    reports = ActivityReport.objects.count()
    again = StringIO()
    call_command("load_demo", stdout=again)
    assert ActivityReport.objects.count() == reports
    assert Plan.objects.filter(title__startswith="Synthetic").count() == 1
    assert "shown this once" not in again.getvalue()


def test_the_generated_demo_plan_shows_money_spent_in_two_currencies(demo):
    plan = Plan.objects.get(title__startswith="Synthetic")
    assert plan.status == "adopted"
    assert plan.memberships.filter(user__username="coordinator", role="editor").exists()
    periods = _monitored(plan)
    assert [p.status for p in periods] == ["published", "open"]
    assert FocalPoint.objects.filter(body__plan=plan).count() == len(FOCAL_USERS)

    spent = budget_spent(plan=plan, period_ids=[periods[0].pk])
    assert set(spent) == {"EUR", "USD"}
    for rows in spent.values():
        assert sum(row[2] for row in rows) > 0
        assert all(Decimal(0) <= row[2] <= row[1] for row in rows)
    # Spending is never more than a budget line holds, over both periods.
    for line_spent in Spending.objects.filter(budget_line__activity__plan=plan).select_related(
        "budget_line"
    ):
        assert line_spent.amount <= line_spent.budget_line.amount
