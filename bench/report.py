"""Time the review report for generated plans of 50, 500 and 2000 activities.

    .venv/bin/python bench/report.py [--sizes 50 500 2000]

For each size: the PDF's page count; the report as HTML (context and templates); the
whole PDF; and WeasyPrint alone on the saved HTML of the same report — the floor, so the
overhead above it is visible. Also the plan's own PDF. Runs on a throw-away SQLite
database unless DATABASE_URL names another one.
"""

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
_tmp = tempfile.TemporaryDirectory()
os.environ.setdefault("DATABASE_URL", f"sqlite:///{_tmp.name}/bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

import pypdf  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402

from actionplan.plan_print import plan_pdf_render  # noqa: E402
from actionplan.synthetic import plan_generate  # noqa: E402
from assessment.report import report_context, report_html, report_pdf  # noqa: E402
from assessment.services import review_create  # noqa: E402
from napplanner.pdf import html_to_pdf  # noqa: E402
from napplanner.roles import REVIEWER  # noqa: E402
from standards.models import Framework  # noqa: E402


def timed(fn):
    """The result, wall seconds and CPU seconds of this process: on a shared machine the
    CPU time says what the work costs, the wall time what a user waits."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 500, 2000])
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    call_command("load_standard", str(ROOT / "fixtures/standards/icmpd-2006.yaml"), verbosity=0)
    framework = Framework.objects.get(code="icmpd-2006", is_current=True)
    user, _ = get_user_model().objects.get_or_create(username="bench-reviewer")
    user.groups.add(Group.objects.get(name=REVIEWER))
    out = Path(_tmp.name)
    header = ("activities", "pages", "html s", "pdf s", "floor s", "above floor", "plan pdf s")
    print("seconds as wall / CPU")
    print("".join(f"{h:>16}" for h in header), flush=True)
    for size in args.sizes:
        plan = plan_generate(activities=size, seed=1)
        review = review_create(plan=plan, framework=framework, user=user)  # runs the checks
        html, *html_time = timed(lambda review=review: report_html(review, report_context(review)))
        data, *pdf_time = timed(lambda review=review: report_pdf(review))
        (out / f"report-{size}.html").write_text(html)
        saved = (out / f"report-{size}.html").read_text()
        _, *floor = timed(lambda s=saved: html_to_pdf(s, title="", author="", language="en"))
        _, *plan_time = timed(lambda plan=plan: plan_pdf_render(plan))
        pages = len(pypdf.PdfReader(io.BytesIO(data)).pages)
        above = [p - f for p, f in zip(pdf_time, floor, strict=True)]
        cells = [f"{w:.1f} / {c:.1f}" for w, c in (html_time, pdf_time, floor, above, plan_time)]
        print(f"{size:>16}{pages:>16}" + "".join(f"{cell:>16}" for cell in cells), flush=True)


if __name__ == "__main__":
    main()
