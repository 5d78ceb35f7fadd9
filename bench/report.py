"""Time the two PDFs, the review report and the plan itself, for generated plans of 50, 500
and 2000 activities.

    .venv/bin/python bench/report.py [--sizes 50 500 2000] [--repeat 2]

For each size and PDF: its page count; the HTML alone (context and templates); the whole
PDF; and WeasyPrint alone on the saved HTML of the same document — the floor, so the
ratio says what our own code adds above it (the report's target: at most 1.2). Medians
of `--repeat` runs; CPU time beside wall time, as wall times swing on a shared machine.
Runs on a throwaway database (see harness.py).
"""

import argparse
import io

import harness

# isort: split
import pypdf

from actionplan.plan_print import plan_html, plan_pdf_render
from actionplan.synthetic import plan_generate
from assessment.report import report_context, report_html, report_pdf
from assessment.services import review_create
from napplanner.pdf import html_to_pdf
from napplanner.roles import REVIEWER


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 500, 2000])
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    with harness.database():
        _run(args)


def _run(args) -> None:
    framework = harness.standard_load()
    user = harness.user_create("bench-reviewer", role=REVIEWER)
    # A process's first WeasyPrint render loads the fonts once for all the others (a
    # worker pays it once); kept out of the first document's figures.
    html_to_pdf(plan_html(plan_generate(activities=1, seed=1)), title="", author="", language="en")
    print(f"seconds as wall / CPU, medians of {args.repeat} runs; ratio = PDF / WeasyPrint alone")
    header = ("pdf", 7), ("activities", 11), ("pages", 6)
    header += tuple((h, 13) for h in ("html s", "pdf s", "alone s", "s a page"))
    table = harness.Table(*header, ("ratio", 11), digits=2)
    for size in args.sizes:
        plan = plan_generate(activities=size, seed=1)
        review = review_create(plan=plan, framework=framework, user=user)  # runs the checks
        documents = [
            (
                "report",
                lambda r=review: report_html(r, report_context(r)),
                lambda r=review: report_pdf(r),
            ),
            ("plan", lambda p=plan: plan_html(p), lambda p=plan: plan_pdf_render(p)),
        ]
        for name, html_of, pdf_of in documents:
            html = harness.measure(html_of, repeat=args.repeat)
            pdf = harness.measure(pdf_of, repeat=args.repeat)
            saved = harness.SCRATCH / f"{name}-{size}.html"
            saved.write_text(html.result)
            text = saved.read_text()
            alone = harness.measure(
                lambda s=text: html_to_pdf(s, title="", author="", language="en"),
                repeat=args.repeat,
            )
            pages = len(pypdf.PdfReader(io.BytesIO(pdf.result)).pages)
            per_page = harness.Timing(pdf.wall / pages, pdf.cpu / pages, 0, None)
            ratio = f"{pdf.wall / alone.wall:.2f} / {pdf.cpu / alone.cpu:.2f}"
            table.row(name, size, pages, html, pdf, alone, per_page, ratio)


if __name__ == "__main__":
    main()
