"""Time to validate, preview, load and export checklists: the shipped ICMPD 2006 file
and synthetic catalogues of up to the record limit, in YAML and XLSX.

    .venv/bin/python bench/standards_load.py [--sizes 100 1000 4900]

Runs on a throwaway database (see harness.py).
"""

import argparse

import harness

# isort: split
import yaml

from standards.services import (
    catalogue_parse,
    framework_export_xlsx,
    framework_export_yaml,
    framework_load,
)


def synthetic(criteria: int, version: str) -> bytes:
    """One component per 100 criteria, ten criteria per area."""
    components = []
    for c in range(max(1, criteria // 100)):
        areas = []
        for a in range(10):
            area = f"C{c}.{a}"
            areas.append(
                {
                    "code": area,
                    "title": f"Area {area}",
                    "guidance": "Guidance " * 20,
                    "keywords": {"en": ["data collection", "database"], "ru": ["база данных"]},
                    "criteria": [
                        {"code": f"{area}.{n}", "question": f"Question {n}?" * 5, "tier": "plan"}
                        for n in range(10)
                    ],
                }
            )
        components.append({"code": f"C{c}", "title": f"Component {c}", "areas": areas})
    document = {
        "framework": {"code": "bench", "version": version, "title": "Bench"},
        "components": components,
    }
    return yaml.safe_dump(document, allow_unicode=True).encode()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 4500])
    args = parser.parse_args()
    with harness.database():
        _run(args)


def _run(args) -> None:
    table = harness.Table(("checklist", 30), ("step", 28), "wall s", "cpu s")

    def timed(what: str, step: str, work):
        timing = harness.measure(work)
        table.row(what, step, timing.wall, timing.cpu)
        return timing.result

    content = harness.STANDARD.read_bytes()
    shipped = f"icmpd-2006.yaml ({len(content):,} bytes)"
    timed(shipped, "validate", lambda: catalogue_parse(content=content, source_name="i.yaml"))
    report = timed(shipped, "load", lambda: framework_load(document=content, source_name="i.yaml"))
    timed(
        shipped,
        "load again (unchanged)",
        lambda: framework_load(document=content, source_name="i.yaml"),
    )
    timed(shipped, "export YAML", lambda: framework_export_yaml(framework=report.framework))
    timed(shipped, "export XLSX", lambda: framework_export_xlsx(framework=report.framework))

    for size in args.sizes:
        content = synthetic(size, version=str(size))
        what = f"{size} criteria ({len(content):,} bytes)"
        report = timed(
            what, "load YAML", lambda c=content: framework_load(document=c, source_name="b.yaml")
        )
        xlsx = timed(
            what, "export XLSX", lambda r=report: framework_export_xlsx(framework=r.framework)
        )
        timed(
            what, "validate XLSX", lambda x=xlsx: catalogue_parse(content=x, source_name="b.xlsx")
        )
        timed(
            what,
            "load XLSX again (unchanged)",
            lambda x=xlsx: framework_load(document=x, source_name="b.xlsx"),
        )


if __name__ == "__main__":
    main()
