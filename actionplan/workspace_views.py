"""The plan workspace: the whole plan as a tree, edited in place with htmx.

Each element kind has a block partial (`_goal.html`) and a head partial (`_goal_head.html`,
the part an edit replaces); the same view returns the form, the head or the block.
"""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRefresh, trigger_client_event

from actionplan.elements import KINDS, ElementKind, element_url_prefixes
from actionplan.forms import MissingData, WorkspaceFilterForm
from actionplan.workspace_selectors import activity_summaries, deletion_consequences, plan_tree
from napplanner.concurrency import ObjectGone, edit_save, form_save, gone_response, merged_note
from napplanner.htmx import partial_or_redirect
from strategy import services as plan_elements
from strategy.access import can_edit_plan, consults_only, get_plan_for_editor, get_plan_for_user
from strategy.forms import TAGS
from strategy.models import Plan, PlanStatus

# Chapters are drawn in full until this many activities are on the page; the chapters
# after it are drawn closed and load when opened, so that a plan of thousands of
# activities is a page of a few hundred kilobytes rather than of megabytes.
DRAWN_ACTIVITIES = 80


@require_GET
@login_required
# A filtered plan can still be a page of a megabyte that compresses tenfold. The page
# shows the search text back, but Django masks the CSRF token per response, which is
# what defends a compressed page against BREACH.
@gzip_page
def workspace(request, plan_id: int):
    plan = get_plan_for_user(request, plan_id)
    plan_elements.plan_visit_record(plan=plan, user=request.user)
    form = WorkspaceFilterForm(request.GET)
    filters = form.filters()
    tree = plan_tree(plan, **filters, defer_after=DRAWN_ACTIVITIES, keep_open=form.opened_chapter())
    return render(
        request,
        "actionplan/workspace.html",
        {
            **_tree_context(request, plan, tree),
            "filters": filters,
            "missing_choices": MissingData.CHOICES[1:],
        },
    )


@require_GET
@login_required
@gzip_page
def chapter_tree(request, plan_id: int, pk: int):
    """The goals, objectives and activities of a chapter the page drew closed, loaded when
    the reader opens it. A plain request gets the workspace with the chapter drawn open."""
    plan = get_plan_for_user(request, plan_id)
    chapter = get_object_or_404(KINDS["chapter"].of_plan(plan), pk=pk)

    def context() -> dict:
        tree = plan_tree(plan, part=chapter.pk)
        return {**_tree_context(request, plan, tree), "chapter_node": tree.chapters[0]}

    redirect_to = _workspace_url(plan, anchor=f"chapter-{chapter.pk}", open_chapter=chapter.pk)
    return partial_or_redirect(
        request, "actionplan/_chapter_body.html", context, redirect_to=redirect_to
    )


def _tree_context(request, plan: Plan, tree) -> dict:
    can_edit = can_edit_plan(request.user, plan)
    return {
        "plan": plan,
        "tree": tree,
        "can_edit": can_edit,
        "consults_only": not can_edit and consults_only(request.user, plan),
        # While a plan is in consultation each element offers its comment thread.
        "in_consultation": plan.status == PlanStatus.CONSULTATION,
        "ws_prefixes": element_url_prefixes(plan.pk),
    }


def _workspace_url(plan: Plan, *, anchor: str = "", open_chapter: int | None = None) -> str:
    url = reverse("actionplan:workspace", args=[plan.pk])
    if open_chapter is not None:
        url += f"?open={open_chapter}"
    return f"{url}#{anchor}" if anchor else url


def _element_for_user(request, plan_id: int, kind: ElementKind, pk: int):
    plan = get_plan_for_user(request, plan_id)
    return plan, get_object_or_404(kind.of_plan(plan), pk=pk)


def _element_for_editor(request, plan_id: int, kind: ElementKind, pk: int):
    plan = get_plan_for_editor(request, plan_id)
    return plan, get_object_or_404(kind.of_plan(plan), pk=pk)


@require_GET
@login_required
def element(request, plan_id: int, kind: ElementKind, pk: int):
    """The element's head as the tree shows it (also what "Cancel" brings back)."""
    plan, obj = _element_for_user(request, plan_id, kind, pk)
    return _render_head(request, plan, kind, obj, can_edit=can_edit_plan(request.user, plan))


@require_GET
@login_required
def element_panel(request, plan_id: int, kind: ElementKind, pk: int):
    """Bodies, budget lines and indicators of an activity (indicators only for a goal,
    objective or output), loaded on demand to keep the tree light."""
    plan, obj = _element_for_user(request, plan_id, kind, pk)
    if kind.slug not in {"goal", "objective", "output", "activity"}:
        raise Http404("Only goals, objectives, outputs and activities have details.")
    context = {
        "plan": plan,
        "kind": kind,
        "element": obj,
        "indicators": obj.indicators.select_related("responsible_body").order_by("order", "pk"),
        "can_edit": can_edit_plan(request.user, plan),
    }
    # A consultee reads the element, not its history nor the follow-up of reviews.
    context["consults_only"] = not context["can_edit"] and consults_only(request.user, plan)
    if kind.slug == "activity":
        context["duties"] = obj.responsibilities.select_related("stakeholder")
        context["lines"] = obj.budget_lines.order_by("order", "pk")
    return partial_or_redirect(
        request, "actionplan/_panel.html", context, redirect_to=_place_for(request, plan, kind, obj)
    )


@require_http_methods(["GET", "POST"])
@login_required
def element_add(request, plan_id: int, kind: ElementKind):
    plan = get_plan_for_editor(request, plan_id)
    try:
        instance, initial = _new_element(plan, kind, request.GET)
    except Http404:
        named = [(KINDS[name], request.GET.get(name, "")) for name in kind.parents]
        if request.method != "POST" or not any(_vanished(k, raw) for k, raw in named):
            raise
        # What it was to hang from was deleted since the form was opened.
        return _gone(request, plan, kind, target_id="")
    data = request.POST if request.method == "POST" else None
    form = kind.form(data, instance=instance, initial=initial, plan=plan)
    try:
        saved = data is not None and form_save(form, save=_saving(form, kind, new=True))
    except ObjectGone:
        return _gone(request, plan, kind, target_id="")
    if saved:
        obj = form.instance
        _decorate(kind, obj, plan)
        context = {
            "plan": plan,
            "kind": kind,
            "can_edit": True,
            "container_id": kind.container_id(obj),
            **kind.block_context(obj),
        }
        context.update(_refreshed_parent(kind, obj, plan))
        response = partial_or_redirect(
            request,
            "actionplan/_element_added.html",
            context,
            redirect_to=_place_for(request, plan, kind, obj),
        )
        return _focus(response, f"{kind.slug}-{obj.pk}-head", said=_("Added."))
    action = request.get_full_path()
    return _render_form(request, plan, kind, form, action=action, target_id="")


@require_http_methods(["GET", "POST"])
@login_required
def element_edit(request, plan_id: int, kind: ElementKind, pk: int):
    target_id = f"{kind.slug}-{pk}-head"
    try:
        plan, obj = _element_for_editor(request, plan_id, kind, pk)
    except Http404:
        if request.method != "POST" or not _vanished(kind, str(pk)):
            raise
        plan = get_plan_for_editor(request, plan_id)
        return _gone(request, plan, kind, target_id=target_id)
    place, code = kind.container_id(obj), getattr(obj, "code", "")
    data = request.POST if request.method == "POST" else None
    form = kind.form(data, instance=obj, plan=plan)
    saved = data is not None and edit_save(
        request,
        form,
        save=_saving(form, kind, new=False),
        what=_("the %(kind)s “%(element)s”") % {"kind": kind.label, "element": obj},
        cancel_url=_place_in_tree(plan, kind, obj),
        target_id=target_id,
        context={
            "plan": plan,
            "active": "workspace",
            # Cancelling puts the element back as the tree shows it, as the form's Cancel does.
            "cancel_in_place": reverse("actionplan:element", args=[plan.pk, kind.slug, obj.pk]),
        },
    )
    if isinstance(saved, HttpResponse):
        return saved
    if saved:
        if request.htmx and (
            kind.container_id(obj) != place or (kind.numbers_children and obj.code != code)
        ):
            # It moved to another parent, or the generated codes below it followed its
            # new code: redraw the page to show them.
            return HttpResponseClientRefresh()
        note = merged_note(form)
        return _render_head(request, plan, kind, obj, can_edit=True, refresh=True, note=note)
    return _render_form(request, plan, kind, form, action=request.path, target_id=target_id)


def _vanished(kind: ElementKind, raw: str) -> bool:
    """Whether an element id names one that no longer exists (deleted meanwhile), rather
    than one of a plan the user may not see, which stays a 404."""
    return raw.isdigit() and not kind.model.objects.filter(pk=int(raw)).exists()


def _gone(request, plan: Plan, kind: ElementKind, *, target_id: str) -> HttpResponse:
    """The element, or the one it was to hang from, was deleted: what was typed, to copy."""
    form = kind.form(request.POST, instance=kind.model(), plan=plan)
    what = _("the %(kind)s or what it belongs to") % {"kind": kind.label}
    back_url = reverse("actionplan:workspace", args=[plan.pk])
    context = {"plan": plan, "active": "workspace"}
    return gone_response(
        request,
        ObjectGone(form),
        what=what,
        back_url=back_url,
        target_id=target_id,
        context=context,
    )


@require_http_methods(["GET", "POST"])
@login_required
def element_delete(request, plan_id: int, kind: ElementKind, pk: int):
    plan, obj = _element_for_editor(request, plan_id, kind, pk)
    if request.method == "GET":
        consequences = deletion_consequences(obj)
        context = {
            "plan": plan,
            "kind": kind,
            "element": obj,
            **consequences,
            # What the page for a plain request shows (strategy/confirm_delete.html).
            "active": "workspace",
            "what": _("the %(kind)s “%(element)s”") % {"kind": kind.label, "element": obj},
            "consequences": _deletion_lines(consequences),
            "cancel_url": "actionplan:workspace",
        }
        return partial_or_redirect(
            request, "actionplan/_delete_confirm.html", context, page="strategy/confirm_delete.html"
        )
    place = "" if request.htmx else _place_in_tree(plan, kind, obj, deleted=True)
    renumbered = plan_elements.element_delete(element=obj)
    if not request.htmx:
        return redirect(place)
    if renumbered:
        return HttpResponseClientRefresh()  # the siblings' generated codes closed the gap
    refresh = _refreshed_parent(kind, obj, plan)
    if not refresh:
        return HttpResponse("")
    context = {"plan": plan, "can_edit": True, **refresh}
    return render(request, "actionplan/_parent_refresh.html", context)


@require_POST
@login_required
def element_move(request, plan_id: int, kind: ElementKind, pk: int):
    plan, obj = _element_for_editor(request, plan_id, kind, pk)
    direction = request.POST.get("direction", "")
    if not kind.orderable or direction not in {"up", "down"}:
        return HttpResponse("Move an element up or down.", status=400)
    codes = dict(kind.siblings(obj).values_list("pk", "code")) if kind.numbered else {}
    moved = plan_elements.element_move(
        element=obj, siblings=kind.siblings(obj), direction=direction
    )
    if not request.htmx:
        return redirect(_place_in_tree(plan, kind, obj))
    if codes and codes != dict(kind.siblings(obj).values_list("pk", "code")):
        return HttpResponseClientRefresh()  # generated codes were renumbered: redraw them
    response = HttpResponse(status=204)
    if moved:
        # The page moves the block itself; this keeps the response empty and focus intact.
        event = {"id": f"{kind.slug}-{obj.pk}", "direction": direction}
        trigger_client_event(response, "nap:moved", event)
    return response


def _place_for(request, plan: Plan, kind: ElementKind, obj) -> str:
    """Where a plain request is sent back to; htmx, which is answered in place, needs none
    (and is spared the queries that find the element's chapter)."""
    return "" if request.htmx else _place_in_tree(plan, kind, obj)


def _place_in_tree(plan: Plan, kind: ElementKind, obj, *, deleted: bool = False) -> str:
    """The workspace at the element, or at its parent for one about to be deleted, with
    the element's chapter drawn open if the page could otherwise draw it closed."""
    anchor = f"{kind.slug}-{obj.pk}"
    if deleted:
        parent = kind.parent_of(obj)
        anchor = f"{parent[0]}-{parent[1].pk}" if parent else ""
    chapter_id = _chapter_of(kind, obj)
    first = plan.chapters.order_by("order", "pk").values_list("pk", flat=True).first()
    open_chapter = chapter_id if chapter_id not in (None, first) else None
    return _workspace_url(plan, anchor=anchor, open_chapter=open_chapter)


def _chapter_of(kind: ElementKind, obj) -> int | None:
    """The id of the chapter the element sits in, None for one outside any chapter."""
    while kind.slug not in {"chapter", "goal"}:
        parent = kind.parent_of(obj)
        if parent is None:
            return None
        kind, obj = KINDS[parent[0]], parent[1]
    return obj.pk if kind.slug == "chapter" else obj.chapter_id


def _deletion_lines(consequences: dict[str, list[str]]) -> list[str]:
    """The partial's sentences about what goes with a deleted element, as a list."""
    deletes, unlinks = consequences.get("deletes"), consequences.get("unlinks")
    if deletes:
        lines = [_("This also deletes %(elements)s.") % {"elements": ", ".join(deletes)}]
    else:
        lines = [_("Nothing else is deleted.")]
    if unlinks:
        text = "; ".join(unlinks)
        lines.append(f"{text[:1].upper()}{text[1:]}.")
    return lines


def _new_element(plan: Plan, kind: ElementKind, query: QueryDict):
    """A blank element of `kind`, hung from the parent named in the query string."""
    instance = kind.model()
    if kind.has_plan_field:
        instance.plan = plan
    initial = {}
    for name in kind.parents:
        raw = query.get(name)
        if not raw:
            continue
        parent = get_object_or_404(KINDS[name].of_plan(plan), pk=_positive_int(raw))
        if kind.parent_in_form:
            initial[name] = parent.pk
        else:
            setattr(instance, name, parent)
        break
    if not kind.parent_in_form and kind.parents and kind.parent_of(instance) is None:
        raise Http404(f"Say which element the new {kind.label} belongs to.")
    return instance, initial


def _positive_int(raw: str) -> int:
    if not raw.isdigit():
        raise Http404("No such element.")
    return int(raw)


def _saving(form: Form, kind: ElementKind, *, new: bool) -> Callable[[], None]:
    """What saves a valid form through its kind's services (see napplanner.concurrency)."""

    def save() -> None:
        obj = form.save(commit=False)
        siblings = kind.siblings(obj) if new else None
        tags = {name: form.cleaned_data[name] for name in TAGS if name in form.cleaned_data}
        kind.save(form, siblings=siblings, tags=tags)

    return save


def _decorate(kind: ElementKind, obj, plan: Plan) -> None:
    """Give an element what its partial shows at a glance, as plan_tree does for all."""
    if kind.slug == "activity":
        activity_summaries([obj], plan=plan)
    elif kind.slug in {"goal", "objective", "output"}:
        obj.indicator_count = obj.indicators.count()


def _refreshed_parent(kind: ElementKind, obj, plan: Plan) -> dict:
    """The head of the activity, goal, objective or output whose summary changes with this
    element (its bodies, budget, indicators), to redraw it out of band."""
    if kind.slug not in {"subactivity", "responsibility", "budgetline", "indicator"}:
        return {}
    name, parent = kind.parent_of(obj)
    parent_kind = KINDS[name]
    fresh = parent_kind.model.objects.filter(pk=parent.pk).first()
    if fresh is None:  # deleted together with the element
        return {}
    _decorate(parent_kind, fresh, plan)
    return {"refresh_kind": parent_kind, parent_kind.context_name: fresh}


def _render_head(request, plan: Plan, kind: ElementKind, obj, *, can_edit, refresh=False, note=""):
    _decorate(kind, obj, plan)
    context = {"plan": plan, "kind": kind, "can_edit": can_edit, kind.context_name: obj}
    if refresh:
        context.update(_refreshed_parent(kind, obj, plan))
    response = partial_or_redirect(
        request,
        "actionplan/_element_head.html",
        context,
        redirect_to=_place_for(request, plan, kind, obj),
    )
    said = _("Saved.") if request.method == "POST" else ""
    if note and not request.htmx:
        messages.info(request, note)
    said = f"{said} {note}".strip()
    return _focus(response, f"{kind.slug}-{obj.pk}-head", said=said)


def _focus(response: HttpResponse, element_id: str, said: str = "") -> HttpResponse:
    """Ask the page to put the keyboard focus back on the element just saved (its form,
    where the focus was, is gone) and, when something was saved, to say so."""
    event = {"id": element_id, "said": said}
    return trigger_client_event(response, "nap:focus", event, after="settle")


def _render_form(request, plan, kind: ElementKind, form, *, action: str, target_id: str):
    context = {"plan": plan, "kind": kind, "form": form, "action": action, "target_id": target_id}
    # Without htmx the form is a page of its own; a refused one answers 422 like the others.
    status = 422 if form.is_bound and not request.htmx else 200
    return partial_or_redirect(
        request,
        "actionplan/_element_form.html",
        context,
        page="actionplan/element_form.html",
        status=status,
    )
