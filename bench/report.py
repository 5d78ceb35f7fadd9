"""Time the review report for generated plans of 50, 500 and 2000 activities.

    .venv/bin/python bench/report.py [--sizes 50 500 2000]

For each size: the PDF's page count; the report as HTML (context and templates); the
whole PDF; and WeasyPrint alone on the saved HTML of the same report — the floor, so the
overhead above it is visible. Also the plan's own PDF. Runs on a throwaway database (see
harness.py).
"""

import argparse
import io

import harness

# isort: split
import pypdf

from actionplan.plan_print import plan_pdf_render
from actionplan.synthetic import plan_generate
from assessment.report import report_context, report_html, report_pdf
from assessment.services import review_create
from napplanner.pdf import html_to_pdf
from napplanner.roles import REVIEWER


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 500, 2000])
    args = parser.parse_args()
    with harness.database():
        _run(args)


def _run(args) -> None:
    framework = harness.standard_load()
    user = harness.user_create("bench-reviewer", role=REVIEWER)
    print("seconds as wall / CPU")
    header = ("activities", "pages", "html s", "pdf s", "floor s", "above floor", "plan pdf s")
    table = harness.Table(*((h, 15) for h in header), digits=1)
    for size in args.sizes:
        plan = plan_generate(activities=size, seed=1)
        review = review_create(plan=plan, framework=framework, user=user)  # runs the checks
        html = harness.measure(lambda r=review: report_html(r, report_context(r)))
        pdf = harness.measure(lambda r=review: report_pdf(r))
        saved = harness.SCRATCH / f"report-{size}.html"
        saved.write_text(html.result)
        text = saved.read_text()
        floor = harness.measure(lambda s=text: html_to_pdf(s, title="", author="", language="en"))
        plan_pdf = harness.measure(lambda p=plan: plan_pdf_render(p))
        pages = len(pypdf.PdfReader(io.BytesIO(pdf.result)).pages)
        above = harness.Timing(pdf.wall - floor.wall, pdf.cpu - floor.cpu, 0, None)
        table.row(size, pages, html, pdf, floor, above, plan_pdf)


if __name__ == "__main__":
    main()
