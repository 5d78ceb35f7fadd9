"""Generate a synthetic plan of N activities; its id is printed alone on the last line."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from actionplan.synthetic import plan_generate, plan_title
from strategy.models import Plan, PlanMembership, PlanStatus


class Command(BaseCommand):
    help = "Build a realistic synthetic plan of N activities (for benchmarks and trials)."

    def add_arguments(self, parser):
        parser.add_argument("--activities", type=int, required=True, help="How many activities.")
        parser.add_argument("--seed", type=int, default=0, help="Same seed, same plan.")
        parser.add_argument(
            "--editor",
            action="append",
            default=[],
            metavar="USERNAME",
            help="Make this user an editor of the plan (repeatable).",
        )
        parser.add_argument(
            "--status",
            choices=PlanStatus.values,
            default=PlanStatus.DRAFT,
            help="Where the plan stands (an adopted plan can be monitored). Default: draft.",
        )
        parser.add_argument(
            "--skip-existing",
            action="store_true",
            help="Generate nothing when a plan of this size and seed exists already.",
        )

    def handle(self, *args, activities, seed, editor, status, skip_existing, **options):
        if activities < 1:
            raise CommandError("--activities must be at least 1.")
        users = list(get_user_model().objects.filter(username__in=editor))
        missing = set(editor) - {u.get_username() for u in users}
        if missing:
            raise CommandError(f"No such user: {', '.join(sorted(missing))}.")
        if skip_existing:
            title = plan_title(activities=activities, seed=seed)
            existing = Plan.objects.filter(title=title).order_by("pk").first()
            if existing is not None:
                self.stdout.write(f"“{title}” exists already; nothing generated.")
                self.stdout.write(str(existing.pk))
                return
        plan = plan_generate(activities=activities, seed=seed, status=status)
        for user in users:
            PlanMembership.objects.create(plan=plan, user=user, role=PlanMembership.Role.EDITOR)
        self.stdout.write(f"Generated “{plan.title}” with {activities} activities.")
        self.stdout.write(str(plan.pk))
