"""Time and query count of a review of generated plans of 50, 500 and 2000 activities:
`plan_assess` (the computation), `review_run` (the computation saved into a review) and
the review workspace page, whose size in kB it prints too; first the workspace page of
the demo review (the shipped demo plan, as the tests build it), which should stay under
200 kB. Then the same plans monitored (`--periods` published periods of approved reports
from every responsible body): the three again.

    .venv/bin/python bench/review.py [--sizes 50 500 2000] [--periods 4] [--repeat 3]

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
from standards.models import Framework
from tests.assessment.report_data import demo_review_build


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 500, 2000])
    parser.add_argument("--periods", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with harness.database():
        _run(args)


def _page_kb(client, url: str) -> int:
    return round(len(harness.page(client, url).content) / 1000)


def _run(args) -> None:
    reviewer = harness.user_create("bench-reviewer", role=REVIEWER, superuser=True)
    client = harness.client_for(reviewer)
    columns = (
        "activities",
        ("what", 26),
        "median wall s",
        "cpu s",
        "queries",
        "findings",
        "page kB",
    )
    table = harness.Table(*columns)
    # The demo loads the shipped standard; the generated plans are reviewed against it.
    demo = demo_review_build(reviewer=reviewer)
    url = reverse("assessment:review_detail", args=[demo.pk])
    timing = harness.measure(lambda: harness.page(client, url), repeat=args.repeat)
    findings = demo.findings.filter(is_current=True).count()
    activities = demo.plan.activities.count()
    table.row(
        activities,
        "demo review page",
        timing.wall,
        timing.cpu,
        timing.queries,
        findings,
        _page_kb(client, url),
    )
    framework = Framework.objects.get(code="icmpd-2006", is_current=True)
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
            size_kb = _page_kb(client, url) if name == "review page" else ""
            table.row(size, name, timing.wall, timing.cpu, timing.queries, findings, size_kb)
        if not args.periods:
            continue
        harness.monitoring_reports(plan, periods=args.periods)
        review_run(review=review)  # so the findings column counts what the monitoring adds
        for name, action in rows:
            timing = harness.measure(action, repeat=args.repeat)
            findings = review.findings.filter(is_current=True).count()
            size_kb = _page_kb(client, url) if name == "review page" else ""
            label = f"{name}, {args.periods} periods"
            table.row(size, label, timing.wall, timing.cpu, timing.queries, findings, size_kb)


if __name__ == "__main__":
    main()
