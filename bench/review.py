"""Time and query count of a review of generated plans of 50, 500 and 2000 activities:
`plan_assess` (the computation), `review_run` (the computation saved into a review) and
the review workspace page.

    .venv/bin/python bench/review.py [--sizes 50 500 2000] [--repeat 3]

Runs on a throw-away SQLite database unless DATABASE_URL names another one.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
_tmp = tempfile.TemporaryDirectory()
os.environ.setdefault("DATABASE_URL", f"sqlite:///{_tmp.name}/bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from actionplan.synthetic import plan_generate  # noqa: E402
from assessment.assess import plan_assess  # noqa: E402
from assessment.services import review_create, review_run  # noqa: E402
from napplanner.roles import REVIEWER  # noqa: E402
from standards.models import Framework  # noqa: E402

STANDARD = Path(__file__).resolve().parent.parent / "fixtures" / "standards" / "icmpd-2006.yaml"


def measure(action, repeat: int) -> tuple[float, int]:
    """Median seconds and the query count of one call."""
    times, queries = [], 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as context:
            start = time.perf_counter()
            action()
            times.append(time.perf_counter() - start)
        queries = len(context.captured_queries)
    return statistics.median(times), queries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 500, 2000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("load_standard", str(STANDARD), stdout=quiet)
    framework = Framework.objects.get(code="icmpd-2006", is_current=True)
    reviewer = get_user_model().objects.create_superuser("bench-reviewer", password=None)
    reviewer.groups.add(Group.objects.get(name=REVIEWER))
    client = Client()
    client.force_login(reviewer)
    print(f"{'activities':>10} {'what':<16} {'seconds':>8} {'queries':>8} {'findings':>9}")
    for size in args.sizes:
        plan = plan_generate(activities=size, seed=1)
        review = review_create(plan=plan, framework=framework, user=reviewer)
        url = reverse("assessment:review_detail", args=[review.pk])
        rows = [
            ("plan_assess", lambda p=plan: plan_assess(plan=p, framework=framework)),
            ("review_run", lambda r=review: review_run(review=r)),
            ("review page", lambda u=url: client.get(u)),
        ]
        findings = review.findings.filter(is_current=True).count()
        for name, action in rows:
            seconds, queries = measure(action, args.repeat)
            print(f"{size:>10} {name:<16} {seconds:>8.3f} {queries:>8} {findings:>9}")


if __name__ == "__main__":
    main()
