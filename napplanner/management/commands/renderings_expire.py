from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from napplanner.renderings import renderings_expire


class Command(BaseCommand):
    help = (
        "Delete kept renderings (PDFs, large exports) older than DJANGO_RENDERING_MAX_AGE_DAYS, "
        "queue again those whose worker was lost, and remove files nothing points at. "
        "Run it daily, e.g. from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, help="Keep renderings this many days instead.")

    def handle(self, *args, days=None, **options):
        counts = renderings_expire(max_age=timedelta(days=days) if days else None)
        self.stdout.write(
            _("%(expired)s expired, %(requeued)s queued again, %(orphans)s orphaned files removed.")
            % counts
        )
