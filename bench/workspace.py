"""Server time and query count of the plan workspace for plans of 50, 500 and 2,000
activities (built by generate_plan's service).

    DJANGO_DEBUG=1 .venv/bin/python bench/workspace.py [--sizes 50 500 2000] [--repeat 3]

Uses a throwaway SQLite database unless DATABASE_URL is set, in which case it creates and
drops a test database next to the configured one, as the test runner does.
"""

import argparse
import gzip
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _setup_django(scratch: Path) -> None:
    os.environ.setdefault("DJANGO_DEBUG", "1")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{scratch / 'bench.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "napplanner.settings")
    import django

    django.setup()


def _measure(client, url: str, repeat: int) -> tuple[float, int, int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times: list[float] = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
            times.append(time.perf_counter() - start)
        assert response.status_code == 200, response.status_code
        queries, sent = len(captured.captured_queries), len(response.content)
    return statistics.median(times), queries, sent, len(gzip.decompress(response.content))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 500, 2000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        _setup_django(Path(scratch))
        from django.conf import settings
        from django.db import connection
        from django.test import Client

        # No setup_test_environment(): its instrumented template rendering would copy
        # the context at every include and triple the time measured.
        settings.ALLOWED_HOSTS = ["testserver"]
        settings.SECURE_SSL_REDIRECT = False
        old_name = connection.creation.create_test_db(verbosity=0)
        try:
            _run(args, Client)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)


def _run(args, client_class) -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.urls import reverse

    from actionplan.synthetic import plan_generate
    from napplanner.roles import COORDINATOR
    from strategy.models import PlanMembership

    user = get_user_model().objects.create_user("bench-coordinator")  # force_login: no password
    user.groups.add(Group.objects.get(name=COORDINATOR))
    client = client_class()
    client.force_login(user)
    print("Workspace as its editor sees it; time is the server's, gzip included.")
    print(f"{'activities':>10} {'median ms':>10} {'queries':>8} {'HTML kB':>8} {'sent kB':>8}")
    for size in args.sizes:
        plan = plan_generate(activities=size, seed=size)
        PlanMembership.objects.create(plan=plan, user=user, role=PlanMembership.Role.EDITOR)
        url = reverse("actionplan:workspace", args=[plan.pk])
        seconds, queries, sent, html = _measure(client, url, args.repeat)
        kilobytes = f"{html / 1024:>8.0f} {sent / 1024:>8.0f}"
        print(f"{size:>10} {seconds * 1000:>10.0f} {queries:>8} {kilobytes}")


if __name__ == "__main__":
    main()
