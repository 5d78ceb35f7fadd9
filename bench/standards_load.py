"""Time to validate, preview, load and export checklists: the shipped ICMPD 2006 file
and synthetic catalogues of up to the record limit, in YAML and XLSX.

    .venv/bin/python bench/standards_load.py [--sizes 100 1000 4900]

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

import yaml  # noqa: E402
from django.core.management import call_command  # noqa: E402

from standards.services import (  # noqa: E402
    catalogue_parse,
    framework_export_xlsx,
    framework_export_yaml,
    framework_load,
)

ROOT = Path(__file__).resolve().parent.parent


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


def timed(label: str, work):
    start = time.perf_counter()
    result = work()
    print(f"  {label:<34} {time.perf_counter() - start:8.3f} s")
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 4500])
    args = parser.parse_args()
    call_command("migrate", verbosity=0)

    content = (ROOT / "fixtures" / "standards" / "icmpd-2006.yaml").read_bytes()
    print(f"icmpd-2006.yaml ({len(content):,} bytes)")
    timed("validate", lambda: catalogue_parse(content=content, source_name="icmpd-2006.yaml"))
    report = timed("load", lambda: framework_load(document=content, source_name="i.yaml"))
    timed("load again (unchanged)", lambda: framework_load(document=content, source_name="i.yaml"))
    timed("export YAML", lambda: framework_export_yaml(framework=report.framework))
    timed("export XLSX", lambda: framework_export_xlsx(framework=report.framework))

    for size in args.sizes:
        content = synthetic(size, version=str(size))
        print(f"synthetic, {size} criteria ({len(content):,} bytes YAML)")
        report = timed(
            "load YAML", lambda c=content: framework_load(document=c, source_name="b.yaml")
        )
        xlsx = timed("export XLSX", lambda r=report: framework_export_xlsx(framework=r.framework))
        timed(
            "validate XLSX",
            lambda x=xlsx: catalogue_parse(content=x, source_name="b.xlsx"),
        )
        timed(
            "load XLSX again (unchanged)",
            lambda x=xlsx: framework_load(document=x, source_name="b.xlsx"),
        )


if __name__ == "__main__":
    main()
