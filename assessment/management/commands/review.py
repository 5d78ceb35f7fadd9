"""`manage.py review PLAN_ID [--framework CODE] --format json`: assess a plan, print it.
`manage.py review PLAN_ID --format html|pdf --output FILE [--review ID]`: write the report.
`manage.py review PLAN_ID [--review ID] --compare-with ID --format json`: compare two rounds.

Writes nothing to the database: the command runs `plan_assess` and renders the result. A
format is one entry in `FORMATS` (name → function taking the command and the
`Assessment`, returning the text to print), so a new output format is one function and
one line. The report formats render a saved review (`--review`), or else a review built
and run inside a transaction that is rolled back once the report is rendered.
"""

import json
import uuid
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from assessment.assess import Assessment, default_framework, plan_assess
from assessment.compare import reviews_comparable, reviews_compare
from assessment.follow_up_selectors import assessment_firing, plan_follow_up
from assessment.models import Review
from assessment.report import report_html, report_pdf
from assessment.rounds import review_round
from assessment.services import review_create
from napplanner.roles import REVIEWER
from strategy.models import Plan


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def render_json(command: BaseCommand, assessment: Assessment) -> str:
    data = assessment.as_json()
    # The recommendations of the previous plan's final review, judged by this assessment.
    follow_up = plan_follow_up(plan=assessment.plan, firing=assessment_firing(assessment.findings))
    data["follow_up"] = [row.as_json() for row in follow_up.rows]
    return _dumps(data)


FORMATS = {"json": render_json}
REPORT_FORMATS = {"html": lambda review: report_html(review).encode(), "pdf": report_pdf}


def unsaved_report(*, plan: Plan, framework, render):
    """The report (or comparison) of a review that is never saved: built, run and rendered
    inside a transaction that is then rolled back, reviewer included."""
    with transaction.atomic():
        reviewer = get_user_model()(
            username=f"review-command-{uuid.uuid4().hex[:8]}",
            first_name="Automated",
            last_name="assessment (command line)",
        )
        reviewer.set_unusable_password()
        reviewer.save()
        reviewer.groups.add(Group.objects.get(name=REVIEWER))
        data = render(review_create(plan=plan, framework=framework, user=reviewer))
        transaction.set_rollback(True)
    return data


class Command(BaseCommand):
    help = "Assess a plan against a framework and print findings, ratings and scores."

    def add_arguments(self, parser):
        parser.add_argument("plan_id", type=int)
        parser.add_argument(
            "--framework",
            help="Framework code (its current version). Default: the plan's own framework, "
            "else the current icmpd-2006.",
        )
        parser.add_argument("--format", choices=sorted(FORMATS | REPORT_FORMATS), default="json")
        parser.add_argument("--output", help="The file to write the html or pdf report to.")
        parser.add_argument(
            "--compare-with",
            type=int,
            help="A review to compare with (json): score movement, findings resolved, new "
            "and persisting, and the redline of the plan (see README.md).",
        )
        parser.add_argument(
            "--review",
            type=int,
            help="A saved review of the plan to print: its result as json (a final review's "
            "as it was finalised), or its report as html or pdf (default: a fresh assessment "
            "that is not saved).",
        )

    def handle(self, *args, plan_id, framework=None, format="json", **options):
        plan = Plan.objects.filter(pk=plan_id).first()
        if plan is None:
            raise CommandError(f"There is no plan with id {plan_id}.")
        chosen = default_framework(plan, framework)
        if chosen is None:
            wanted = framework or "the plan's framework or icmpd-2006"
            raise CommandError(f"No current framework found for {wanted}; load it first.")
        if options.get("compare_with") is not None:
            self.stdout.write(self.compare(plan, chosen, format, options))
            return
        if format in REPORT_FORMATS:
            self.write_report(plan, chosen, format, options.get("output"), options.get("review"))
            return
        if options.get("review") is not None:
            review = self.saved_review(plan, options["review"])
            self.stdout.write(_dumps(review_round(review=review).result))
            return
        assessment = plan_assess(plan=plan, framework=chosen)
        self.stdout.write(FORMATS[format](self, assessment))

    def compare(self, plan, framework, format, options) -> str:
        """The comparison of `--review` (else of the plan as it is now, assessed in a
        review that is rolled back) with `--compare-with`."""
        review_id = options.get("review")
        if format != "json":
            raise CommandError("--compare-with prints json: give --format json.")
        other = Review.objects.select_related("plan").filter(pk=options["compare_with"]).first()
        if other is None:
            raise CommandError(f"There is no review with id {options['compare_with']}.")

        def compared(review) -> str:
            if not reviews_comparable(review, other):
                raise CommandError(
                    f"Review {other.pk} is not of plan {plan.pk}, its previous plan or its "
                    "successor: they do not compare."
                )
            return _dumps(reviews_compare(a=review, b=other).as_json())

        if review_id is not None:
            return compared(self.saved_review(plan, review_id))
        return unsaved_report(plan=plan, framework=framework, render=compared)

    def saved_review(self, plan, review_id: int) -> Review:
        review = Review.objects.filter(pk=review_id, plan=plan).first()
        if review is None:
            raise CommandError(f"Plan {plan.pk} has no review with id {review_id}.")
        return review

    def write_report(self, plan, framework, format, output, review_id) -> None:
        if not output:
            raise CommandError(f"--format {format} writes a file: give --output FILE.")
        render = REPORT_FORMATS[format]
        if review_id is not None:
            data = render(self.saved_review(plan, review_id))
        else:
            data = unsaved_report(plan=plan, framework=framework, render=render)
        Path(output).write_bytes(data)
        self.stdout.write(f"Wrote the {format} report of plan {plan.pk} to {output}.")
