"""Server time, query count and size of the plan workspace for plans of 50, 500, 2,000
and 5,000 activities (built by generate_plan's service): the page as first sent, and the
biggest of the chapters it leaves to load when opened.

    .venv/bin/python bench/workspace.py [--sizes 50 500 2000 5000] [--repeat 3]

Runs on a throwaway database (see harness.py).
"""

import argparse
import gzip
import re

import harness

# isort: split
from django.urls import reverse

from actionplan.synthetic import plan_generate
from napplanner.roles import COORDINATOR
from strategy.models import PlanMembership


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 500, 2000, 5000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with harness.database():
        _run(args)


def _run(args) -> None:
    user = harness.user_create("bench-coordinator", role=COORDINATOR)
    client = harness.client_for(user)
    print("Workspace as its editor sees it; server time with gzip, medians. CPU time is the")
    print("process's own (SQLite runs in it; PostgreSQL's work is not counted), a steadier")
    print("figure than wall time on a busy machine. 'drawn' counts the activities in the")
    print("page; the others come with their chapter, loaded when it is opened (the biggest")
    print("such chapter on the right).")
    columns = ("activities", "wall ms", "cpu ms", "queries", "HTML kB", "sent kB", "drawn")
    table = harness.Table(*columns, "chapter ms", "chapter queries", "chapter kB", digits=0)
    for size in args.sizes:
        plan = plan_generate(activities=size, seed=size)
        PlanMembership.objects.create(plan=plan, user=user, role=PlanMembership.Role.EDITOR)
        page = _measure(client, reverse("actionplan:workspace", args=[plan.pk]), args.repeat)
        chapters = [
            _measure(client, url, args.repeat, HTTP_HX_REQUEST="true")
            for url in re.findall(r'hx-get="([^"]+/tree/)"', page["html"])
        ]
        biggest = max(chapters, key=lambda c: c["kB"], default=None)
        table.row(
            size,
            page["wall"],
            page["cpu"],
            page["queries"],
            page["kB"],
            page["sent"],
            page["html"].count('class="ws-activity '),
            *((biggest["wall"], biggest["queries"], biggest["kB"]) if biggest else ("-",) * 3),
        )


def _measure(client, url: str, repeat: int, **headers) -> dict:
    timing = harness.measure(
        lambda: harness.page(client, url, HTTP_ACCEPT_ENCODING="gzip", **headers), repeat=repeat
    )
    sent = timing.result.content
    html = gzip.decompress(sent)
    return {
        "wall": timing.wall * 1000,
        "cpu": timing.cpu * 1000,
        "queries": timing.queries,
        "kB": len(html) / 1024,
        "sent": len(sent) / 1024,
        "html": html.decode(),
    }


if __name__ == "__main__":
    main()
