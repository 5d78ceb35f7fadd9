"""Write a plan as a JSON document (``nap-planner/plan`` version 1) or a Word file."""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from actionplan.exchange.json_export import plan_export_json
from strategy.models import Plan

WRITTEN = gettext_lazy("Plan %(plan)s written to %(output)s.")


class Command(BaseCommand):
    help = "Export a plan as JSON (to standard output or --output FILE) or as Word (.docx)."

    def add_arguments(self, parser):
        parser.add_argument("plan_id", type=int)
        parser.add_argument("--format", choices=["json", "docx"], default="json")
        parser.add_argument("--output", type=Path, help="File to write (default: stdout).")

    def handle(self, *args, plan_id, format, output, **options):
        plan = Plan.objects.filter(pk=plan_id).first()
        if plan is None:
            raise CommandError(_("No plan has the id %(id)s.") % {"id": plan_id})
        if format == "docx":
            self._write_docx(plan, output)
            return
        text = json.dumps(plan_export_json(plan=plan), ensure_ascii=False, indent=2) + "\n"
        if output is None:
            self.stdout.write(text, ending="")
        else:
            output.write_text(text, encoding="utf-8")
            self.stderr.write(WRITTEN % {"plan": plan.pk, "output": output})

    def _write_docx(self, plan: Plan, output: Path | None) -> None:
        from actionplan.exchange.docx_export import plan_export_docx

        content = plan_export_docx(plan=plan)
        if output is None:
            if sys.stdout.isatty():
                raise CommandError(_("A Word file is binary: give --output FILE.docx."))
            sys.stdout.buffer.write(content)
            return
        output.write_bytes(content)
        self.stderr.write(WRITTEN % {"plan": plan.pk, "output": output})
