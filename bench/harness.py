"""What every bench shares: setting Django up on a throwaway database, the standard and a
user to work with, timing a callable, and printing aligned figures.

Importing it sets Django up, so a script imports it before anything that needs Django
and runs its work inside `database()`:

    import harness

    # isort: split
    from actionplan.synthetic import plan_generate

The database is made for the run and dropped after it, next to the configured one as the
test runner does: a SQLite file in a scratch directory unless DATABASE_URL names a
PostgreSQL server, where `test_<name>` is created, so a bench never writes to a real
database.
"""

import os
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STANDARD = ROOT / "fixtures" / "standards" / "icmpd-2006.yaml"

_scratch = tempfile.TemporaryDirectory(prefix="napplanner-bench-")
SCRATCH = Path(_scratch.name)


def _setup() -> None:
    """The test settings (the project's, with a test secret and fast password hashing) and
    django.setup(). The database is not touched until `database()`."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{SCRATCH / 'configured.sqlite3'}")
    import django

    # WhiteNoise looks for collected static files that a bench never serves.
    warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
    django.setup()


_setup()


@contextmanager
def database() -> Iterator[None]:
    """A migrated database for the length of the block, dropped after it.

    No setup_test_environment(): its instrumented template rendering copies the context
    at every include and would multiply the time of every page measured."""
    from django.db import connection

    if connection.vendor == "sqlite":
        # A file, not the test runner's in-memory default: closer to a deployment.
        connection.settings_dict["TEST"]["NAME"] = str(SCRATCH / "bench.sqlite3")
    configured = connection.creation.create_test_db(verbosity=0, serialize=False)
    try:
        yield
    finally:
        connection.creation.destroy_test_db(configured, verbosity=0)


def standard_load():
    """The shipped ICMPD 2006 checklist, loaded and current."""
    from django.core.management import call_command

    from standards.models import Framework

    call_command("load_standard", str(STANDARD), stdout=StringIO())
    return Framework.objects.get(code="icmpd-2006", is_current=True)


STATUSES = ["not_started", "on_track", "delayed", "completed", "cancelled"]


def monitoring_reports(plan, *, periods: int) -> None:
    """`periods` published reporting periods of `plan` with approved reports of every
    responsible body, an indicator value per indicator of each reported activity and a
    spending per budget line, in bulk (the benches measure reading them)."""
    import random
    from decimal import Decimal

    from django.utils import timezone

    from actionplan.models import Indicator, Responsibility
    from monitoring.models import ActivityReport, IndicatorValue, ReportingPeriod, Spending
    from monitoring.services import period_open

    rng = random.Random(1)
    duties = list(
        Responsibility.objects.filter(activity__plan=plan).values_list(
            "activity_id", "stakeholder_id"
        )
    )
    indicators = {}
    for indicator_id, activity_id in Indicator.objects.filter(
        plan=plan, activity__isnull=False
    ).values_list("pk", "activity_id"):
        indicators.setdefault(activity_id, []).append(indicator_id)
    lines = {}
    for activity in plan.activities.prefetch_related("budget_lines"):
        lines[activity.pk] = list(activity.budget_lines.all())
    for _ in range(periods):
        period = period_open(plan=plan)
        reports = ActivityReport.objects.bulk_create(
            ActivityReport(
                period=period,
                activity_id=a,
                body_id=b,
                status=(s := rng.choice(STATUSES)),
                reason="Reason" if s in ("delayed", "cancelled") else "",
                state="approved",
            )
            for a, b in duties
        )
        IndicatorValue.objects.bulk_create(
            IndicatorValue(
                report=r, indicator_id=i, value=rng.randint(0, 300), measured_on=period.end_month
            )
            for r in reports
            for i in indicators.get(r.activity_id, [])
        )
        Spending.objects.bulk_create(
            Spending(report=r, budget_line=line, amount=(line.amount / 8).quantize(Decimal("1")))
            for r in reports
            for line in lines.get(r.activity_id, [])
        )
        ReportingPeriod.objects.filter(pk=period.pk).update(
            status="published", published_at=timezone.now()
        )


def user_create(username: str = "bench", *, role: str | None = None, superuser: bool = False):
    """A user (no password: benches sign in with Client.force_login), in `role`'s group."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    model = get_user_model()
    user = model.objects.create_user(username, is_superuser=superuser, is_staff=superuser)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def client_for(user):
    """A test client signed in as `user`."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def page(client, url: str, **headers):
    """GET `url`; a bench of a page that does not answer 200 measures nothing."""
    response = client.get(url, **headers)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return response


@dataclass(frozen=True)
class Timing:
    """Medians over the repeats; the query count and result are the last run's.

    Wall time is what a user waits; CPU time is this process's own (SQLite runs in it,
    PostgreSQL's work does not count), the steadier figure on a busy machine."""

    wall: float
    cpu: float
    queries: int
    result: object


def measure(work: Callable[[], object], *, repeat: int = 1) -> Timing:
    """Run `work` `repeat` times; its median wall and CPU seconds and its query count."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    walls, cpus, result, queries = [], [], None, 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            wall, cpu = time.perf_counter(), time.process_time()
            result = work()
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        queries = len(captured.captured_queries)
    return Timing(statistics.median(walls), statistics.median(cpus), queries, result)


class Table:
    """Rows of figures under a header, each column as wide as its widest heading.

    A column is a heading, or (heading, width). Text is left-aligned, figures are
    right-aligned; a float prints with `digits` decimals, a Timing as "wall / cpu"."""

    def __init__(self, *columns: str | tuple[str, int], digits: int = 3) -> None:
        self.columns = [(c, len(c) + 2) if isinstance(c, str) else c for c in columns]
        self.digits = digits
        self.printed_header = False

    def row(self, *cells: object) -> None:
        """Print one row; the first also prints the header, aligned as its cells are."""
        if len(cells) != len(self.columns):
            raise ValueError(f"{len(cells)} cells for {len(self.columns)} columns")
        right = [isinstance(cell, int | float | Timing) for cell in cells]
        if not self.printed_header:
            names = [name for name, _ in self.columns]
            print(self._line(names, right, [str] * len(names)), flush=True)
            self.printed_header = True
        print(self._line(cells, right, [type(cell) for cell in cells]), flush=True)

    def _line(self, cells, right, kinds) -> str:
        out = []
        for cell, (_, width), align, kind in zip(cells, self.columns, right, kinds, strict=True):
            if kind is float:
                text = f"{cell:.{self.digits}f}"
            elif kind is Timing:
                text = f"{cell.wall:.{self.digits}f} / {cell.cpu:.{self.digits}f}"
            else:
                text = str(cell)
            out.append(f"{text:>{width}}" if align else f"{text:<{width}}")
        return " ".join(out).rstrip()
