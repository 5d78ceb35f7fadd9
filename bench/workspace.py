"""Server time and query count of the plan workspace for plans of 50, 500 and 2,000
activities (built by generate_plan's service).

    .venv/bin/python bench/workspace.py [--sizes 50 500 2000] [--repeat 3]

Runs on a throwaway database (see harness.py).
"""

import argparse
import gzip

import harness

# isort: split
from django.urls import reverse

from actionplan.synthetic import plan_generate
from napplanner.roles import COORDINATOR
from strategy.models import PlanMembership


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 500, 2000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with harness.database():
        _run(args)


def _run(args) -> None:
    user = harness.user_create("bench-coordinator", role=COORDINATOR)
    client = harness.client_for(user)
    print("Workspace as its editor sees it; server time with gzip, medians. CPU time is the")
    print("process's own (SQLite runs in it; PostgreSQL's work is not counted), a steadier")
    print("figure than wall time on a busy machine.")
    columns = ("activities", "wall ms", "cpu ms", "queries", "HTML kB", "sent kB")
    table = harness.Table(*columns, digits=0)
    for size in args.sizes:
        plan = plan_generate(activities=size, seed=size)
        PlanMembership.objects.create(plan=plan, user=user, role=PlanMembership.Role.EDITOR)
        url = reverse("actionplan:workspace", args=[plan.pk])
        timing = harness.measure(
            lambda u=url: harness.page(client, u, HTTP_ACCEPT_ENCODING="gzip"), repeat=args.repeat
        )
        sent = timing.result.content
        html = gzip.decompress(sent)
        wall, cpu = timing.wall * 1000, timing.cpu * 1000
        table.row(size, wall, cpu, timing.queries, len(html) / 1024, len(sent) / 1024)


if __name__ == "__main__":
    main()
