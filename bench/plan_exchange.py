"""Time and query count of the plan document export and import and of the Word export,
for generated plans of 50, 500 and 2000 activities.

    .venv/bin/python bench/plan_exchange.py [--sizes 50 500 2000] [--repeat 3]

Runs on a throwaway database (see harness.py).
"""

import argparse

import harness

# isort: split
from actionplan.exchange.docx_export import plan_export_docx
from actionplan.exchange.json_export import plan_export_json
from actionplan.exchange.json_import import plan_import_json
from actionplan.synthetic import plan_generate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 500, 2000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with harness.database():
        _run(args)


def _run(args) -> None:
    harness.standard_load()
    table = harness.Table("activities", ("step", 14), "median wall s", "median cpu s", "queries")
    for size in args.sizes:
        plan = plan_generate(activities=size)
        export = harness.measure(lambda p=plan: plan_export_json(plan=p), repeat=args.repeat)
        table.row(size, "export JSON", export.wall, export.cpu, export.queries)
        steps = [
            ("import JSON", lambda d=export.result: plan_import_json(document=d)),
            ("export Word", lambda p=plan: plan_export_docx(plan=p)),
        ]
        for step, work in steps:
            timing = harness.measure(work, repeat=args.repeat)
            table.row(size, step, timing.wall, timing.cpu, timing.queries)


if __name__ == "__main__":
    main()
