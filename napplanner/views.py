from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from napplanner.roles import COORDINATOR, REVIEWER, STANDARDS_ADMIN, has_role
from strategy.models import Plan


@require_GET
@login_required
def home(request):
    plans = Plan.objects.visible_to(request.user).order_by("country", "-period_start")
    return render(
        request,
        "home.html",
        {
            "plans": plans,
            "is_coordinator": has_role(request.user, COORDINATOR),
            "is_reviewer": has_role(request.user, REVIEWER),
            "is_standards_admin": has_role(request.user, STANDARDS_ADMIN),
        },
    )
