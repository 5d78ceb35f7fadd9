"""Server time and query count of the plan pages beside the tree (timeline, resource
plan, stakeholders) and of the resource_plan() computation, for plans of 50, 500 and
2000 activities built by generate_plan's service.

    .venv/bin/python bench/plan_pages.py [--sizes 50 500 2000] [--repeat 5]

Runs on a throwaway database (see harness.py).
"""

import argparse

import harness

# isort: split
from django.urls import reverse

from actionplan.resources import resource_plan
from actionplan.synthetic import plan_generate
from napplanner.roles import COORDINATOR
from strategy.models import PlanMembership

PAGES = ["actionplan:timeline", "actionplan:resources", "strategy:stakeholders"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 500, 2000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with harness.database():
        _run(args)


def _run(args) -> None:
    user = harness.user_create("bench-coordinator", role=COORDINATOR)
    client = harness.client_for(user)
    columns = (("page", 24), "activities", "median wall ms", "cpu ms", "queries")
    table = harness.Table(*columns, digits=1)
    for size in args.sizes:
        plan = plan_generate(activities=size, seed=1)
        PlanMembership.objects.create(plan=plan, user=user, role=PlanMembership.Role.EDITOR)
        urls = [(name, reverse(name, args=[plan.pk])) for name in PAGES]
        rows = [(name, lambda u=url: harness.page(client, u)) for name, url in urls]
        rows.append(("resource_plan()", lambda p=plan: resource_plan(p)))
        for name, work in rows:
            timing = harness.measure(work, repeat=args.repeat)
            table.row(name, size, timing.wall * 1000, timing.cpu * 1000, timing.queries)


if __name__ == "__main__":
    main()
