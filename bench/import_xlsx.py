"""Time and query count of the Excel activity matrix: export, preview (parse and
validate) and import, for a generated plan of 2000 activities by default.

    .venv/bin/python bench/import_xlsx.py [--activities 2000]

Runs on a throw-away SQLite database unless DATABASE_URL names another one.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
_tmp = tempfile.TemporaryDirectory()
os.environ.setdefault("DATABASE_URL", f"sqlite:///{_tmp.name}/bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from actionplan.exchange.xlsx_export import plan_export_xlsx  # noqa: E402
from actionplan.exchange.xlsx_import import (  # noqa: E402
    plan_import_xlsx,
    plan_import_xlsx_preview,
)
from actionplan.synthetic import plan_generate  # noqa: E402


def _timed(step):
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        result = step()
        seconds = time.perf_counter() - started
    return result, seconds, len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--activities", type=int, default=2000)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    user = get_user_model().objects.create(username="bench")
    plan = plan_generate(activities=args.activities, seed=1)

    data, export_s, export_q = _timed(lambda: plan_export_xlsx(plan=plan))
    preview, preview_s, preview_q = _timed(lambda: plan_import_xlsx_preview(file=data, user=user))
    if not preview.is_valid:
        sys.exit("The export does not import back:\n" + "\n".join(map(str, preview.problems[:20])))
    imported, import_s, import_q = _timed(lambda: plan_import_xlsx(file=data, user=user))

    counts = preview.counts
    print(f"plan: {counts['activities']} activities, {counts['budget_lines']} budget lines, ")
    print(f"      {counts['indicators']} indicators, {counts['sub_activities']} sub-activities")
    print(f"workbook: {len(data) / 1024:.0f} KiB")
    print(f"export:               {export_s:6.2f} s  {export_q:4d} queries")
    print(f"preview (parse+check):{preview_s:6.2f} s  {preview_q:4d} queries")
    print(f"import (parse+write): {import_s:6.2f} s  {import_q:4d} queries")
    assert imported.activities.count() == counts["activities"]


if __name__ == "__main__":
    main()
