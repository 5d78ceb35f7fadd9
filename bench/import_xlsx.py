"""Time and query count of the Excel activity matrix: export, preview (parse and
validate) and import, for a generated plan of 2000 activities by default.

    .venv/bin/python bench/import_xlsx.py [--activities 2000]

Runs on a throwaway database (see harness.py).
"""

import argparse
import sys

import harness

# isort: split
from actionplan.exchange.xlsx_export import plan_export_xlsx
from actionplan.exchange.xlsx_import import plan_import_xlsx, plan_import_xlsx_preview
from actionplan.synthetic import plan_generate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--activities", type=int, default=2000)
    args = parser.parse_args()
    with harness.database():
        _run(args)


def _run(args) -> None:
    user = harness.user_create()
    plan = plan_generate(activities=args.activities, seed=1)

    export = harness.measure(lambda: plan_export_xlsx(plan=plan))
    data = export.result
    preview = harness.measure(lambda: plan_import_xlsx_preview(file=data, user=user))
    if not preview.result.is_valid:
        problems = preview.result.problems[:20]
        sys.exit("The export does not import back:\n" + "\n".join(map(str, problems)))
    imported = harness.measure(lambda: plan_import_xlsx(file=data, user=user))

    counts = preview.result.counts
    print(f"plan: {counts['activities']} activities, {counts['budget_lines']} budget lines,")
    print(f"      {counts['indicators']} indicators, {counts['sub_activities']} sub-activities")
    print(f"workbook: {len(data) / 1024:.0f} KiB")
    table = harness.Table(("step", 22), "wall s", "cpu s", "queries", digits=2)
    table.row("export", export.wall, export.cpu, export.queries)
    table.row("preview (parse+check)", preview.wall, preview.cpu, preview.queries)
    table.row("import (parse+write)", imported.wall, imported.cpu, imported.queries)
    assert imported.result.activities.count() == counts["activities"]


if __name__ == "__main__":
    main()
