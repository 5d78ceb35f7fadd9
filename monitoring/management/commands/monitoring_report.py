"""Write a plan's monitoring report for one period as JSON, HTML or PDF."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from monitoring.models import ReportingPeriod
from monitoring.report import period_report_html, period_report_pdf
from monitoring.selectors import monitoring_document
from strategy.models import Plan


class Command(BaseCommand):
    help = "Write the monitoring report of a plan's period (json, html or pdf)."

    def add_arguments(self, parser):
        parser.add_argument("plan_id", type=int)
        parser.add_argument("--period", required=True, help="The period's label, e.g. 2015.")
        parser.add_argument("--format", choices=["json", "html", "pdf"], default="pdf")
        parser.add_argument("--output", required=True, help="The file to write.")

    def handle(self, *args, **options):
        plan = Plan.objects.filter(pk=options["plan_id"]).first()
        if plan is None:
            raise CommandError(f"No plan has the id {options['plan_id']}.")
        period = ReportingPeriod.objects.filter(plan=plan, label=options["period"]).first()
        if period is None:
            labels = ", ".join(plan.reporting_periods.values_list("label", flat=True)) or "none"
            raise CommandError(f"The plan has no period “{options['period']}” (it has {labels}).")
        if options["format"] == "json":
            document = monitoring_document(plan=plan, coordinator=True)
            document["periods"] = [p for p in document["periods"] if p["label"] == period.label]
            data = json.dumps(document, ensure_ascii=False, indent=1).encode()
        elif options["format"] == "html":
            data = period_report_html(period=period).encode()
        else:
            data = period_report_pdf(period=period)
        Path(options["output"]).write_bytes(data)
        self.stdout.write(f"Wrote {options['output']} ({len(data):,} bytes).")
