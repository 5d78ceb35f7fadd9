"""`manage.py demo_reviews`: two finalised review rounds of each demo plan and a draft of
the next plan that follows up the recommendations (see assessment.demo). Run by
`load_demo`; idempotent."""

import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from actionplan.exchange.json_import import plan_find_existing
from assessment.demo import demo_rounds

PLANS = Path(settings.BASE_DIR) / "fixtures" / "plans"


class Command(BaseCommand):
    help = _("Review the demo plans twice and draft the plan that follows them up.")

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                _("demo_reviews writes demonstration data: it runs only with DJANGO_DEBUG=1.")
            )
        User = get_user_model()
        reviewer = User.objects.filter(username="reviewer").first()
        coordinator = User.objects.filter(username="coordinator").first()
        if reviewer is None or coordinator is None:
            raise CommandError(_("Create the demo users first (load_demo)."))
        for path in sorted(PLANS.glob("*.json")):
            plan = plan_find_existing(document=json.loads(path.read_text(encoding="utf-8")))
            if plan is None:
                continue
            following = demo_rounds(plan=plan, reviewer=reviewer, coordinator=coordinator)
            if following is None:
                self.stdout.write(
                    _("No framework to review plan %(id)s against.") % {"id": plan.pk}
                )
                continue
            self.stdout.write(
                _("Plan %(plan)s has two final reviews; plan %(next)s follows them up.")
                % {"plan": plan.pk, "next": following.pk}
            )
