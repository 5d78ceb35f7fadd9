"""The history of a plan: every change of its elements, an element's own changes (loaded in
its workspace panel), and restoring from them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from actionplan.elements import ElementKind
from actionplan.history_filters import PlanHistoryFilter
from actionplan.history_selectors import (
    HISTORY_KINDS,
    HistoryKind,
    element_history_entries,
    history_entries,
    plan_history_rows,
)
from actionplan.history_services import (
    RestoreRefused,
    history_deletion_restore,
    history_version_restore,
)
from napplanner.htmx import partial_or_redirect
from strategy.access import can_edit_plan, get_plan_for_editor, get_plan_for_working_group

PER_PAGE = 50


@require_GET
@login_required
def plan_history(request, plan_id: int):
    plan = get_plan_for_working_group(request, plan_id)
    filters = PlanHistoryFilter(request.GET or None, plan=plan)
    rows = plan_history_rows(plan=plan, narrow=filters.narrow)
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "plan": plan,
        "active": "history",
        "filters": filters,
        "page": page,
        "entries": history_entries(list(page.object_list)),
        "query": query.urlencode(),
        "can_edit": can_edit_plan(request.user, plan),
    }
    return render(request, "actionplan/history.html", context)


@require_GET
@login_required
def element_history(request, plan_id: int, kind: ElementKind, pk: int):
    """An element's own changes and those of what its panel shows (its sub-activities,
    bodies, budget lines, indicators), newest first; drawn in the workspace panel."""
    plan = get_plan_for_working_group(request, plan_id)
    element = get_object_or_404(kind.of_plan(plan), pk=pk)
    history_kind = HISTORY_KINDS[kind.slug]
    context = {
        "plan": plan,
        "element": element,
        "kind": history_kind,
        "entries": element_history_entries(kind=history_kind, pk=element.pk),
        "can_edit": can_edit_plan(request.user, plan),
    }
    full_history = f"{reverse('actionplan:plan_history', args=[plan.pk])}?kind={kind.slug}"
    return partial_or_redirect(
        request, "actionplan/_element_history.html", context, redirect_to=full_history
    )


def _history_kind(slug: str) -> HistoryKind:
    if slug not in HISTORY_KINDS:
        raise Http404("No such kind of element.")
    return HISTORY_KINDS[slug]


@require_POST
@login_required
def version_restore(request, plan_id: int, kind: str, history_id: int):
    plan = get_plan_for_editor(request, plan_id, working_group=True)
    history_kind = _history_kind(kind)
    record = get_object_or_404(history_kind.records_of_plan(plan), history_id=history_id)
    try:
        history_version_restore(plan=plan, kind=history_kind, record=record, user=request.user)
    except RestoreRefused as exc:
        messages.error(request, str(exc))
    else:
        message = _("“%(element)s” was restored as it was then.")
        messages.success(request, message % {"element": record.instance})
    return redirect("actionplan:plan_history", plan.pk)


@require_POST
@login_required
def deletion_restore(request, plan_id: int, event_id: int):
    plan = get_plan_for_editor(request, plan_id, working_group=True)
    event = get_object_or_404(plan.events.all(), pk=event_id)
    try:
        history_deletion_restore(event=event, user=request.user)
    except RestoreRefused as exc:
        messages.error(request, str(exc))
    else:
        message = _("“%(element)s” was restored with what it held.")
        messages.success(request, message % {"element": event.source})
    return redirect("actionplan:plan_history", plan.pk)
