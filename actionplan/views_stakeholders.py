"""A plan's stakeholders with the activities each leads and supports, and the removal of
one: pages of the strategy tier that show the action tier, so they are composed here, the
layer that knows both. Their URLs stay in the `strategy` namespace (napplanner/urls.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from actionplan.selectors import stakeholder_duty_counts, stakeholders_with_duties
from strategy.access import (
    can_edit_plan,
    consults_only,
    get_plan_for_editor,
    get_plan_for_user,
    get_stakeholder_for_editor,
)
from strategy.forms import StakeholderForm
from strategy.models import Plan, Stakeholder
from strategy.services import element_delete, stakeholder_next_order


def _stakeholders_page(request, plan: Plan, form=None, status=200):
    editable = can_edit_plan(request.user, plan)
    context = {
        "plan": plan,
        "active": "stakeholders",
        "editable": editable,
        "consults_only": not editable and consults_only(request.user, plan),
        "stakeholders": stakeholders_with_duties(plan=plan),
        "form": form or (StakeholderForm(plan=plan) if editable else None),
    }
    return render(request, "actionplan/stakeholders.html", context, status=status)


@require_http_methods(["GET", "POST"])
@login_required
def stakeholders(request, plan_id: int):
    if request.method == "GET":
        return _stakeholders_page(request, get_plan_for_user(request, plan_id))
    plan = get_plan_for_editor(request, plan_id)
    stakeholder = Stakeholder(plan=plan, order=stakeholder_next_order(plan))
    form = StakeholderForm(request.POST, instance=stakeholder, plan=plan)
    if form.is_valid():
        form.save()
        messages.success(request, _("“%(name)s” was added.") % {"name": form.instance.name})
        return redirect("strategy:stakeholders", plan.pk)
    return _stakeholders_page(request, plan, form=form, status=422)


@require_http_methods(["GET", "POST"])
@login_required
def stakeholder_delete(request, plan_id: int, stakeholder_id: int):
    stakeholder = get_stakeholder_for_editor(request, plan_id, stakeholder_id)
    plan = stakeholder.plan
    if request.method == "POST":
        element_delete(element=stakeholder)
        messages.success(request, _("“%(name)s” was deleted.") % {"name": stakeholder.name})
        return redirect("strategy:stakeholders", plan.pk)
    counts = stakeholder_duty_counts(stakeholder=stakeholder)
    consequences = [
        ngettext(
            "It no longer leads %(lead)d activity nor supports %(partner)d.",
            "It no longer leads %(lead)d activities nor supports %(partner)d.",
            counts["lead"],
        )
        % counts,
        ngettext(
            "%(indicators)d indicator loses its responsible body.",
            "%(indicators)d indicators lose their responsible body.",
            counts["indicators"],
        )
        % counts,
    ]
    return render(
        request,
        "strategy/confirm_delete.html",
        {
            "plan": plan,
            "active": "stakeholders",
            "what": _("the stakeholder “%(name)s”") % {"name": stakeholder.name},
            "consequences": consequences,
            "cancel_url": "strategy:stakeholders",
        },
    )
