"""What recording the history costs: a plan imported with and without it, deleting a
chapter with everything under it, undoing that deletion, and the plan's history page.

    .venv/bin/python bench/history.py [--activities 500] [--repeat 3]

The third line is the import's overhead: wall and CPU seconds and queries that recording
the history adds.

Runs on a throwaway database (see harness.py).
"""

import argparse

import harness

# isort: split
from django.test import override_settings
from django.urls import reverse

from actionplan.exchange.json_export import plan_export_json
from actionplan.exchange.json_import import plan_import_json
from actionplan.history_services import history_deletion_restore
from actionplan.synthetic import plan_generate
from strategy.history_models import PlanEvent
from strategy.services import element_delete


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with harness.database():
        _run(args)


def _run(args) -> None:
    user = harness.user_create(superuser=True)
    document = plan_export_json(plan=plan_generate(activities=args.activities, seed=1))
    table = harness.Table(("step", 30), "median wall s", "median cpu s", "queries", digits=2)

    def imported():
        return plan_import_json(document=document, user=user, source="bench.json")

    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        off = harness.measure(imported, repeat=args.repeat)
    table.row("import, history off", off.wall, off.cpu, off.queries)
    timing = harness.measure(imported, repeat=args.repeat)
    table.row("import, history on", timing.wall, timing.cpu, timing.queries)
    table.row(
        "import, overhead of history",
        timing.wall - off.wall,
        timing.cpu - off.cpu,
        timing.queries - off.queries,
    )

    plan = timing.result
    chapter = plan.chapters.order_by("order").first()
    activities = plan.activities.filter(objective__goal__chapter=chapter).count()
    deletion = harness.measure(lambda: element_delete(element=chapter))
    table.row(
        f"delete a chapter ({activities} act.)", deletion.wall, deletion.cpu, deletion.queries
    )
    event = PlanEvent.objects.get(plan=plan, kind=PlanEvent.Kind.DELETE)
    restore = harness.measure(lambda: history_deletion_restore(event=event, user=user))
    table.row("undo that deletion", restore.wall, restore.cpu, restore.queries)

    client = harness.client_for(user)
    url = reverse("actionplan:plan_history", args=[plan.pk])
    page = harness.measure(lambda: harness.page(client, url), repeat=args.repeat)
    table.row("history page (50 lines)", page.wall, page.cpu, page.queries)


if __name__ == "__main__":
    main()
