"""Load checklist files (YAML, JSON or XLSX) into the standards catalogue."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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
                count = len(exc.problems)
                self.stderr.write(
                    ngettext(
                        "%(name)s: not loaded, %(count)s problem(s):",
                        "%(name)s: not loaded, %(count)s problem(s):",
                        count,
                    )
                    % {"name": name, "count": count}
                )
                for problem in exc.problems:
                    self.stderr.write(f"  {problem}")
                continue
            self.stdout.write(report.summary())
            if dry_run or options["verbosity"] > 1:
                for heading, codes in (
                    (_("created"), report.created),
                    (_("changed"), report.changed),
                    (_("not in this version"), report.removed),
                ):
                    if codes:
                        self.stdout.write(f"  {heading}: {', '.join(codes)}")
        if failed:
            raise CommandError(
                ngettext(
                    "%(count)s file(s) not loaded: %(files)s",
                    "%(count)s file(s) not loaded: %(files)s",
                    len(failed),
                )
                % {"count": len(failed), "files": ", ".join(failed)}
            )


def _read(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_BYTES:
            limit = number_format(MAX_BYTES, force_grouping=True)
            raise CommandError(
                _("%(path)s: larger than %(limit)s bytes") % {"path": path, "limit": limit}
            )
        return path.read_bytes()
    except OSError as exc:
        raise CommandError(f"{path}: {exc.strerror}") from exc
