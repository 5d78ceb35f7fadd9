"""Create a plan from a JSON document (``nap-planner/plan`` version 1); print its id."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from actionplan.exchange.json_document import PlanDocumentError, document_load
from actionplan.exchange.json_import import plan_find_existing, plan_import_json
from strategy.models import Plan, PlanMembership
from strategy.services import membership_add


class Command(BaseCommand):
    help = (
        "Import a plan from a JSON document. Nothing is written unless the whole document "
        "is valid. Prints the new plan's id."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--skip-existing",
            action="store_true",
            help="Do nothing when a plan with the same country, title and period exists.",
        )
        parser.add_argument(
            "--editor",
            dest="editors",
            action="extend",
            nargs="+",
            default=[],
            metavar="USERNAME",
            help="Make these users editors of the new plan.",
        )
        parser.add_argument(
            "--consultee",
            dest="consultees",
            action="extend",
            nargs="+",
            default=[],
            metavar="USERNAME",
            help="Make these users consultees of the new plan (they see it while it is in "
            "consultation).",
        )
        parser.add_argument(
            "--organisation",
            default="",
            help="The organisation the consultees speak for.",
        )

    def handle(self, *args, file, skip_existing, editors, consultees, organisation, **options):
        users = self._users(editors)
        consulted = self._users(consultees)
        if consulted and not organisation.strip():
            raise CommandError("Name the consultees' organisation with --organisation.")
        try:
            with file.open("rb") as handle:
                document = document_load(handle)
            existing = plan_find_existing(document=document) if skip_existing else None
            if existing is not None:
                self.stdout.write(f"Plan {existing.pk} already exists; {file.name} skipped.")
                return
            # An administrator's import may link the plan to any earlier plan here.
            plan = plan_import_json(
                document=document,
                editors=users,
                previous_plans=Plan.objects.all(),
                source=file.name,
            )
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc.strerror}.") from exc
        except PlanDocumentError as exc:
            raise CommandError(f"{file} was not imported; nothing was written.\n{exc}") from exc
        for user in consulted:
            role = PlanMembership.Role.CONSULTEE
            membership_add(plan=plan, user=user, role=role, organisation=organisation.strip())
        self.stdout.write(str(plan.pk))

    def _users(self, usernames: list[str]) -> list:
        User = get_user_model()
        users = list(User.objects.filter(username__in=usernames).order_by("pk"))
        missing = sorted(set(usernames) - {user.username for user in users})
        if missing:
            raise CommandError("No user has the username: " + ", ".join(missing) + ".")
        return users
