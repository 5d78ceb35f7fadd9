"""Time and query count of a review of generated plans of 50, 500 and 2000 activities:
`plan_assess` (the computation), `review_run` (the computation saved into a review) and
the review workspace page.

    .venv/bin/python bench/review.py [--sizes 50 500 2000] [--repeat 3]

Runs on a throwaway database (see harness.py).
"""

import argparse

import harness

# isort: split
from django.urls import reverse

from actionplan.synthetic import plan_generate
from assessment.assess import plan_assess
from assessment.services import review_create, review_run
from napplanner.roles import REVIEWER


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 500, 2000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with harness.database():
        _run(args)


def _run(args) -> None:
    framework = harness.standard_load()
    reviewer = harness.user_create("bench-reviewer", role=REVIEWER, superuser=True)
    client = harness.client_for(reviewer)
    columns = ("activities", ("what", 16), "median wall s", "cpu s", "queries", "findings")
    table = harness.Table(*columns)
    for size in args.sizes:
        plan = plan_generate(activities=size, seed=1)
        review = review_create(plan=plan, framework=framework, user=reviewer)
        url = reverse("assessment:review_detail", args=[review.pk])
        rows = [
            ("plan_assess", lambda p=plan: plan_assess(plan=p, framework=framework)),
            ("review_run", lambda r=review: review_run(review=r)),
            ("review page", lambda u=url: harness.page(client, u)),
        ]
        findings = review.findings.filter(is_current=True).count()
        for name, action in rows:
            timing = harness.measure(action, repeat=args.repeat)
            table.row(size, name, timing.wall, timing.cpu, timing.queries, findings)


if __name__ == "__main__":
    main()
