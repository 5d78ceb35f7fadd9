"""Server time and query count of the plan pages beside the tree (timeline, resource
plan, stakeholders) and of the resource_plan() computation, for plans of 50, 500 and
2000 activities.

    .venv/bin/python bench/plan_pages.py [--sizes 50 500 2000] [--repeat 5]

Runs on a throw-away SQLite database unless DATABASE_URL names another one.
"""

import argparse
import datetime
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
_tmp = tempfile.TemporaryDirectory()
os.environ.setdefault("DATABASE_URL", f"sqlite:///{_tmp.name}/bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from actionplan.models import Activity, BudgetLine, Responsibility  # noqa: E402
from actionplan.resources import resource_plan  # noqa: E402
from strategy.models import (  # noqa: E402
    Chapter,
    Plan,
    PlanMembership,
    SpecificObjective,
    Stakeholder,
    StrategicGoal,
)

PAGES = ["actionplan:timeline", "actionplan:resources", "strategy:stakeholders"]


def plan_build(activities: int, user) -> Plan:
    """A plan of `activities` activities in 10 chapters, 12 bodies, budgets in two
    currencies; written in bulk so building is not what the bench measures."""
    plan = Plan.objects.create(
        country="Benchland", title=f"Bench {activities}", period_start=2024, period_end=2028
    )
    PlanMembership.objects.create(plan=plan, user=user, role="editor")
    chapters = Chapter.objects.bulk_create(
        Chapter(plan=plan, code=str(n), title=f"Chapter {n}", order=n) for n in range(10)
    )
    goals = StrategicGoal.objects.bulk_create(
        StrategicGoal(plan=plan, chapter=c, title=f"Goal of {c.title}", order=1) for c in chapters
    )
    objectives = SpecificObjective.objects.bulk_create(
        SpecificObjective(plan=plan, goal=g, title=f"Objective {n}", order=n)
        for g in goals
        for n in range(3)
    )
    bodies = Stakeholder.objects.bulk_create(
        Stakeholder(plan=plan, name=f"Body {n}", order=n) for n in range(12)
    )
    rows = Activity.objects.bulk_create(
        Activity(
            plan=plan,
            objective=objectives[n % len(objectives)],
            code=f"A{n}",
            title=f"Activity {n} delivering training to frontline staff",
            order=n,
            start_month=datetime.date(2024 + n % 5, 1 + n % 12, 1),
            end_month=datetime.date(2028, 12, 1),
        )
        for n in range(activities)
    )
    Responsibility.objects.bulk_create(
        Responsibility(activity=a, stakeholder=bodies[(n + offset) % 12], role=role)
        for n, a in enumerate(rows)
        for role, offset in (("lead", 0), ("partner", 1))
    )
    BudgetLine.objects.bulk_create(
        BudgetLine(
            activity=a,
            amount=Decimal(1000 + n),
            currency="EUR" if n % 4 else "AZN",
            source=["state", "donor", "other"][n % 3],
            donor_name="EU" if n % 3 == 1 else "",
            status=["secured", "pledged", "unfunded"][n % 3],
        )
        for n, a in enumerate(rows)
        if n % 5
    )
    return plan


def measure(fn, repeat: int) -> tuple[float, int]:
    times, queries = [], 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            fn()
            times.append((time.perf_counter() - start) * 1000)
        queries = len(captured)
    return statistics.median(times), queries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 500, 2000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    user, _ = get_user_model().objects.get_or_create(username="bench", is_superuser=True)
    client = Client()
    client.force_login(user)
    print(f"{'page':<24}{'activities':>11}{'median ms':>11}{'queries':>9}")
    for size in args.sizes:
        plan = plan_build(size, user)
        for name in PAGES:
            url = reverse(name, args=[plan.pk])
            ms, queries = measure(lambda url=url: client.get(url), args.repeat)
            print(f"{name:<24}{size:>11}{ms:>11.1f}{queries:>9}")
        ms, queries = measure(lambda plan=plan: resource_plan(plan), args.repeat)
        print(f"{'resource_plan()':<24}{size:>11}{ms:>11.1f}{queries:>9}")


if __name__ == "__main__":
    main()
