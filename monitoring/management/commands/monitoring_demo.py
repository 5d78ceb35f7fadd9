"""Add monitoring data to the demo plans (`load_demo` runs it). Idempotent."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from monitoring.demo import monitoring_demo_load
from strategy.models import Plan, PlanStatus


class Command(BaseCommand):
    help = "Give the demo coordinator's adopted plans reporting periods, reports and focal points."

    def add_arguments(self, parser):
        parser.add_argument("--coordinator", default="coordinator")

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "monitoring_demo creates users with printed passwords: it runs only with "
                "DJANGO_DEBUG=1."
            )
        # Implementation is monitored once a plan is adopted: not the drafts beside it.
        plans = Plan.objects.filter(
            memberships__user__username=options["coordinator"],
            memberships__role="editor",
            status=PlanStatus.ADOPTED,
        ).order_by("pk")
        created: dict[str, str] = {}
        for plan in plans:
            created |= monitoring_demo_load(plan=plan)
            self.stdout.write(f"Monitoring data for “{plan.title}”.")
        if created:
            self.stdout.write("Demo focal points (the passwords are shown this once):")
            for username, password in created.items():
                self.stdout.write(f"  {'focal point':<16} {username:<16} {password}")
