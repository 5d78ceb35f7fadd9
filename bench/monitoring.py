"""Server time and query count of the monitoring dashboard, the monitoring JSON and the
dashboard's computation, for plans of 50, 500 and 2000 activities with four periods of
approved reports from every responsible body.

    .venv/bin/python bench/monitoring.py [--sizes 50 500 2000] [--periods 4] [--repeat 5]

Runs on a throwaway database (see harness.py).
"""

import argparse
import random
from decimal import Decimal

import harness

# isort: split
from django.urls import reverse
from django.utils import timezone

from actionplan.models import Indicator, Responsibility
from actionplan.synthetic import plan_generate
from monitoring.models import ActivityReport, IndicatorValue, ReportingPeriod, Spending
from monitoring.selectors import dashboard
from monitoring.services import period_open
from napplanner.roles import COORDINATOR
from strategy.models import PlanMembership

STATUSES = ["not_started", "on_track", "delayed", "completed", "cancelled"]


def _reports(plan, periods: int) -> None:
    """Approved reports of every responsible body, in bulk (the bench measures reading)."""
    rng = random.Random(1)
    duties = list(
        Responsibility.objects.filter(activity__plan=plan).values_list(
            "activity_id", "stakeholder_id"
        )
    )
    indicators = {}
    for indicator_id, activity_id in Indicator.objects.filter(
        plan=plan, activity__isnull=False
    ).values_list("pk", "activity_id"):
        indicators.setdefault(activity_id, []).append(indicator_id)
    lines = {}
    for activity in plan.activities.prefetch_related("budget_lines"):
        lines[activity.pk] = list(activity.budget_lines.all())
    for _ in range(periods):
        period = period_open(plan=plan)
        reports = ActivityReport.objects.bulk_create(
            ActivityReport(
                period=period,
                activity_id=a,
                body_id=b,
                status=(s := rng.choice(STATUSES)),
                reason="Reason" if s in ("delayed", "cancelled") else "",
                state="approved",
            )
            for a, b in duties
        )
        IndicatorValue.objects.bulk_create(
            IndicatorValue(
                report=r, indicator_id=i, value=rng.randint(0, 300), measured_on=period.end_month
            )
            for r in reports
            for i in indicators.get(r.activity_id, [])
        )
        Spending.objects.bulk_create(
            Spending(report=r, budget_line=line, amount=(line.amount / 8).quantize(Decimal("1")))
            for r in reports
            for line in lines.get(r.activity_id, [])
        )
        ReportingPeriod.objects.filter(pk=period.pk).update(
            status="published", published_at=timezone.now()
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 500, 2000])
    parser.add_argument("--periods", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with harness.database():
        _run(args)


def _run(args) -> None:
    user = harness.user_create("bench-coordinator", role=COORDINATOR)
    client = harness.client_for(user)
    table = harness.Table(
        ("page", 24), "activities", "median wall ms", "cpu ms", "queries", digits=1
    )
    for size in args.sizes:
        plan = plan_generate(activities=size, seed=1)
        PlanMembership.objects.create(plan=plan, user=user, role=PlanMembership.Role.EDITOR)
        _reports(plan, args.periods)
        rows = [
            (
                "monitoring:dashboard",
                lambda p=plan: harness.page(client, reverse("monitoring:dashboard", args=[p.pk])),
            ),
            (
                "monitoring:monitoring_json",
                lambda p=plan: harness.page(
                    client, reverse("monitoring:monitoring_json", args=[p.pk])
                ),
            ),
            ("dashboard()", lambda p=plan: dashboard(plan=p, coordinator=True)),
        ]
        for name, work in rows:
            timing = harness.measure(work, repeat=args.repeat)
            table.row(name, size, timing.wall * 1000, timing.cpu * 1000, timing.queries)


if __name__ == "__main__":
    main()
