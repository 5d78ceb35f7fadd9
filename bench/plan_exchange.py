"""Time and query count of the plan document export and import and of the Word export,
for generated plans of 50, 500 and 2000 activities.

    .venv/bin/python bench/plan_exchange.py [--sizes 50 500 2000] [--repeat 3]

Runs on a throw-away SQLite database unless DATABASE_URL names another one.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
_tmp = tempfile.TemporaryDirectory()
os.environ.setdefault("DATABASE_URL", f"sqlite:///{_tmp.name}/bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from actionplan.exchange.docx_export import plan_export_docx  # noqa: E402
from actionplan.exchange.json_export import plan_export_json  # noqa: E402
from actionplan.exchange.json_import import plan_import_json  # noqa: E402
from actionplan.synthetic import plan_generate  # noqa: E402


def measure(work, repeat: int) -> tuple[float, int, object]:
    timings, result, queries = [], None, 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            result = work()
            timings.append(time.perf_counter() - started)
        queries = len(captured)
    return statistics.median(timings), queries, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 500, 2000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    standard = Path(settings.BASE_DIR) / "fixtures" / "standards" / "icmpd-2006.yaml"
    call_command("load_standard", str(standard), stdout=StringIO())
    print(f"{'activities':>10} {'step':<14} {'median s':>9} {'queries':>8}")
    for size in args.sizes:
        plan = plan_generate(activities=size)
        seconds, queries, document = measure(lambda p=plan: plan_export_json(plan=p), args.repeat)
        print(f"{size:>10} {'export JSON':<14} {seconds:>9.3f} {queries:>8}")
        seconds, queries, _ = measure(lambda d=document: plan_import_json(document=d), args.repeat)
        print(f"{size:>10} {'import JSON':<14} {seconds:>9.3f} {queries:>8}")
        seconds, queries, _ = measure(lambda p=plan: plan_export_docx(plan=p), args.repeat)
        print(f"{size:>10} {'export Word':<14} {seconds:>9.3f} {queries:>8}")


if __name__ == "__main__":
    main()
