"""Load checklist files (YAML, JSON or XLSX) into the standards catalogue."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from standards.documents import MAX_BYTES, CatalogueInvalid
from standards.services import framework_load


class Command(BaseCommand):
    help = (
        "Validate and load checklist files. Each file is loaded whole or not at all; "
        "loading the same file again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument(
            "--dry-run", action="store_true", help="Validate and show the preview; write nothing."
        )

    def handle(self, *args, files, dry_run, **options):
        failed = []
        for name in files:
            path = Path(name)
            try:
                report = framework_load(
                    document=_read(path), source_name=path.name, dry_run=dry_run
                )
            except CatalogueInvalid as exc:
                failed.append(name)
                self.stderr.write(f"{name}: not loaded, {len(exc.problems)} problem(s):")
                for problem in exc.problems:
                    self.stderr.write(f"  {problem}")
                continue
            self.stdout.write(report.summary())
            if dry_run or options["verbosity"] > 1:
                for heading, codes in (
                    ("created", report.created),
                    ("changed", report.changed),
                    ("not in this version", report.removed),
                ):
                    if codes:
                        self.stdout.write(f"  {heading}: {', '.join(codes)}")
        if failed:
            raise CommandError(f"{len(failed)} file(s) not loaded: {', '.join(failed)}")


def _read(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise CommandError(f"{path}: larger than {MAX_BYTES:,} bytes")
        return path.read_bytes()
    except OSError as exc:
        raise CommandError(f"{path}: {exc.strerror}") from exc
