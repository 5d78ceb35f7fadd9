"""Load what a local installation needs to be tried out: the standards checklists and the
demo plans in fixtures/, a generated adopted plan with budgets, one demo user per role,
and a consultee of the demo plans (who sees a plan once its coordinator puts it in
consultation). Idempotent."""

from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError

from napplanner.demo import CONSULTEE_ORGANISATION, DEMO_USERS, demo_users_create

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
GENERATED_ACTIVITIES = 60


class Command(BaseCommand):
    help = "Load the standards and demo plans from fixtures/ and create the demo users."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "load_demo creates users with printed passwords: it runs only with DJANGO_DEBUG=1."
            )
        commands = get_commands()
        standards = sorted(
            p for p in (FIXTURES / "standards").glob("*") if p.suffix in {".yaml", ".yml", ".json"}
        )
        if standards and "load_standard" in commands:
            call_command("load_standard", *map(str, standards), stdout=self.stdout)

        created = demo_users_create()

        plans = sorted((FIXTURES / "plans").glob("*.json"))
        if plans and "import_plan" in commands:
            for path in plans:
                self._plan_command(
                    "import_plan",
                    str(path),
                    "--skip-existing",
                    "--editor",
                    "coordinator",
                    "--consultee",
                    "consultee",
                    "--organisation",
                    CONSULTEE_ORGANISATION,
                )

        # The demo plan above is a real plan whose source gives no budget; a generated plan
        # with budgets (in two currencies) beside it lets monitoring show money spent.
        if plans and "generate_plan" in commands:
            self._plan_command(
                "generate_plan",
                *("--activities", str(GENERATED_ACTIVITIES), "--seed", "1"),
                *("--editor", "coordinator", "--status", "adopted", "--skip-existing"),
            )

        # Review rounds of the demo plans and the plan that follows them up, from the
        # apps above (named, not imported: napplanner is the bottom layer).
        if plans and "demo_reviews" in commands:
            call_command("demo_reviews", stdout=self.stdout)
        # Monitoring data (periods, reports, focal-point users) for the demo plans; the
        # command prints the focal points' passwords itself.
        if plans and "monitoring_demo" in commands:
            call_command("monitoring_demo", stdout=self.stdout)

        if created:
            self.stdout.write("Demo users (the passwords are shown this once):")
            for username, password in created.items():
                self.stdout.write(f"  {DEMO_USERS[username]:<16} {username:<16} {password}")
        else:
            self.stdout.write("Demo users already exist: " + ", ".join(DEMO_USERS))

    def _plan_command(self, name: str, *args: str) -> None:
        """Run a command that prints the plan's id alone on its last line, for scripts: the
        person reading this command's output gets a sentence instead of the bare id."""
        out = StringIO()
        call_command(name, *args, stdout=out)
        lines = out.getvalue().splitlines()
        if lines and lines[-1].strip().isdigit():
            plan_id = lines.pop().strip()
            lines = lines or [f"{Path(args[0]).name} loaded as plan {plan_id}."]
        for line in lines:
            self.stdout.write(line)
