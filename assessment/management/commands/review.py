"""`manage.py review PLAN_ID [--framework CODE] --format json`: assess a plan, print it.

Writes nothing: the command runs `plan_assess` and renders the result. A format is one
entry in `FORMATS` (name → function taking the command and the `Assessment`, returning
the text to print), so a new output format is one function and one line.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from assessment.assess import Assessment, default_framework, plan_assess
from strategy.models import Plan


def render_json(command: BaseCommand, assessment: Assessment) -> str:
    return json.dumps(assessment.as_json(), ensure_ascii=False, indent=2)


FORMATS = {"json": render_json}


class Command(BaseCommand):
    help = "Assess a plan against a framework and print findings, ratings and scores."

    def add_arguments(self, parser):
        parser.add_argument("plan_id", type=int)
        parser.add_argument(
            "--framework",
            help="Framework code (its current version). Default: the plan's own framework, "
            "else the current icmpd-2006.",
        )
        parser.add_argument("--format", choices=sorted(FORMATS), default="json")

    def handle(self, *args, plan_id, framework=None, format="json", **options):
        plan = Plan.objects.filter(pk=plan_id).first()
        if plan is None:
            raise CommandError(f"There is no plan with id {plan_id}.")
        chosen = default_framework(plan, framework)
        if chosen is None:
            wanted = framework or "the plan's framework or icmpd-2006"
            raise CommandError(f"No current framework found for {wanted}; load it first.")
        assessment = plan_assess(plan=plan, framework=chosen)
        self.stdout.write(FORMATS[format](self, assessment))
