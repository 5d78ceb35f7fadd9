"""Mail each user who asked for it what changed on their plans since the last digest.

    python manage.py send_change_digests

Run it from cron (see README, "What changed since I looked"). Mail goes through Django's
mail settings (the console in development).
"""

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from strategy.changes import plan_changes
from strategy.models import ChangeDigest


class Command(BaseCommand):
    help = "Mail each user who asked for it what changed on their plans."

    def handle(self, *args, **options):
        sent = 0
        digests = ChangeDigest.objects.filter(by_email=True, user__is_active=True)
        for digest in digests.exclude(user__email="").select_related("user"):
            now = timezone.now()
            changes = plan_changes(user=digest.user, after=digest.sent_at)
            if changes:
                context = {"user": digest.user, "plan_changes": changes, "site": _site()}
                send_mail(
                    subject=_("What changed on your plans"),
                    message=render_to_string("strategy/change_digest_email.txt", context),
                    from_email=None,
                    recipient_list=[digest.user.email],
                )
                sent += 1
            digest.sent_at = now
            digest.save(update_fields=["sent_at"])
        self.stdout.write(_("%(count)d digest(s) sent.") % {"count": sent})


def _site() -> str:
    return getattr(settings, "SITE_URL", "").rstrip("/")
