"""Time and query count of finalising a review of a generated plan (the snapshot: plan
document, result, rendered report) and of comparing two final rounds of it, the plan
changed in between (a tenth of its activities reworded, some removed, some added), and of
the compare page. The goal: two 2000-activity snapshots compare in under 2 s.

    .venv/bin/python bench/rounds.py [--sizes 2000] [--repeat 3]

Runs on a throwaway database (see harness.py).
"""

import argparse

import harness

# isort: split
from django.urls import reverse

from actionplan.models import Activity
from actionplan.synthetic import plan_generate
from assessment.compare import reviews_compare
from assessment.models import Review
from assessment.services import review_create, review_finalise
from napplanner.roles import REVIEWER
from standards.models import Framework


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with harness.database():
        _run(args)


def _change(plan) -> None:
    """Reword every tenth activity, delete every fiftieth, add twenty."""
    activities = list(Activity.objects.filter(plan=plan).order_by("order", "pk"))
    reworded = activities[::10]
    for activity in reworded:
        activity.title = f"{activity.title} and follow up with the bodies concerned"
    Activity.objects.bulk_update(reworded, ["title"])
    Activity.objects.filter(pk__in=[a.pk for a in activities[5::50]]).delete()
    template = activities[1]
    Activity.objects.bulk_create(
        Activity(
            plan=plan,
            objective_id=template.objective_id,
            code=f"N.{n}",
            title=f"A new activity {n}",
            order=10_000 + n,
        )
        for n in range(20)
    )


def _run(args) -> None:
    harness.standard_load()
    reviewer = harness.user_create("bench-reviewer", role=REVIEWER, superuser=True)
    client = harness.client_for(reviewer)
    framework = Framework.objects.get(code="icmpd-2006", is_current=True)
    table = harness.Table("activities", ("what", 22), "median wall s", "cpu s", "queries")
    for size in args.sizes:
        plan = plan_generate(activities=size, seed=1)
        first = review_create(plan=plan, framework=framework, user=reviewer)
        timing = harness.measure(lambda r=first: review_finalise(review=r, user=reviewer))
        table.row(size, "finalise (snapshot)", timing.wall, timing.cpu, timing.queries)
        _change(plan)
        second = review_create(plan=plan, framework=framework, user=reviewer)

        def compare(a=first.pk, b=second.pk):
            # Read afresh, as a page does: the snapshots' JSON is loaded inside the timing.
            return reviews_compare(a=Review.objects.get(pk=a), b=Review.objects.get(pk=b))

        live = harness.measure(compare, repeat=args.repeat)
        table.row(size, "compare with live", live.wall, live.cpu, live.queries)
        review_finalise(review=second, user=reviewer)
        frozen = harness.measure(compare, repeat=args.repeat)
        table.row(size, "compare 2 snapshots", frozen.wall, frozen.cpu, frozen.queries)
        counts = frozen.result.redline_counts
        url = reverse("assessment:review_compare", args=[first.pk, second.pk])
        page = harness.measure(lambda u=url: harness.page(client, u), repeat=args.repeat)
        table.row(size, "compare page", page.wall, page.cpu, page.queries)
        print(
            f"  redline: {counts}; findings resolved {len(frozen.result.resolved)}, "
            f"new {len(frozen.result.new)}, persisting {len(frozen.result.persisting)}"
        )


if __name__ == "__main__":
    main()
