"""Server time and query count of the monitoring dashboard, the monitoring JSON and the
dashboard's computation, for plans of 50, 500 and 2000 activities with four periods of
approved reports from every responsible body.

    .venv/bin/python bench/monitoring.py [--sizes 50 500 2000] [--periods 4] [--repeat 5]

Runs on a throwaway database (see harness.py).
"""

import argparse

import harness

# isort: split
from django.urls import reverse

from actionplan.synthetic import plan_generate
from monitoring.selectors import dashboard
from napplanner.roles import COORDINATOR
from strategy.models import PlanMembership


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
        harness.monitoring_reports(plan, periods=args.periods)
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
