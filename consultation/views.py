"""A plan's consultation: comment threads beside the elements, and the summary.

A thread answers htmx with its partial and a plain request with a page of its own, so it
works without JavaScript too."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from consultation import services
from consultation.access import (
    get_comment_for_commenter,
    get_comment_for_editor,
    get_plan_for_commenter,
    is_consultee,
)
from consultation.elements import element_label, element_of_plan
from consultation.forms import CommentForm, ReplyForm, ResolveForm
from consultation.models import Comment, ElementKind
from consultation.selectors import comment_thread
from napplanner.htmx import partial_or_redirect
from strategy.access import can_edit_plan, get_plan_for_user
from strategy.models import Plan, PlanStatus

PLAN = ElementKind.PLAN.value


def _thread_url(plan_id: int, kind: str, element_id: int | None) -> str:
    if kind == PLAN:
        return reverse("consultation:plan_thread", args=[plan_id])
    return reverse("consultation:thread", args=[plan_id, kind, element_id])


def _answer(request, plan: Plan, kind: str, element_id, label: str, invalid=False, **forms):
    """The thread after a change, or with a form's errors (422 to a plain request; htmx
    swaps only a 200, as in the workspace); a plain request that changed something is
    sent to the thread's page."""
    url = _thread_url(plan.pk, kind, element_id)
    if not invalid and request.method == "POST" and not request.htmx:
        return redirect(url)
    status = 422 if invalid and not request.htmx else 200
    can_edit = can_edit_plan(request.user, plan)
    in_consultation = plan.status == PlanStatus.CONSULTATION
    consultee = in_consultation and not can_edit and is_consultee(request.user, plan)
    context = {
        "plan": plan,
        "kind": kind,
        "element_id": element_id,
        "label": label,
        "thread_url": url,
        "comments": comment_thread(plan=plan, kind=kind, element_id=element_id),
        "can_comment": in_consultation and (can_edit or consultee),
        "can_resolve": can_edit,
        "consults_only": consultee,
        "comment_form": forms.get("comment_form") or CommentForm(),
        "reply_form": forms.get("reply_form"),
        "resolve_form": forms.get("resolve_form"),
        "form_comment_id": forms.get("comment_id"),
    }
    return partial_or_redirect(
        request,
        "consultation/_thread.html",
        context,
        page="consultation/thread.html",
        status=status,
    )


def _element(plan: Plan, kind: str, pk: int | None) -> tuple[object, int | None, str]:
    if kind == PLAN:
        return None, None, plan.title
    element = element_of_plan(plan, kind, pk)
    return element, element.pk, element_label(element)


@require_http_methods(["GET", "POST"])
@login_required
def thread(request, plan_id: int, kind: str = PLAN, pk: int | None = None):
    """The comments on an element (or on the plan as a whole); POST adds one."""
    if request.method == "GET":
        plan = get_plan_for_user(request, plan_id)
        _, element_id, label = _element(plan, kind, pk)
        return _answer(request, plan, kind, element_id, label)
    plan = get_plan_for_commenter(request, plan_id)
    element, element_id, label = _element(plan, kind, pk)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _answer(request, plan, kind, element_id, label, invalid=True, comment_form=form)
    services.comment_add(
        plan=plan, kind=kind, element=element, author=request.user, text=form.cleaned_data["text"]
    )
    return _answer(request, plan, kind, element_id, label)


def _comment_answer(request, comment: Comment, invalid=False, **forms):
    return _answer(
        request,
        comment.plan,
        comment.element_kind,
        comment.element_id,
        comment.element_label,
        invalid=invalid,
        comment_id=comment.pk,
        **forms,
    )


@require_POST
@login_required
def comment_reply(request, plan_id: int, comment_id: int):
    comment = get_comment_for_commenter(request, plan_id, comment_id)
    form = ReplyForm(request.POST)
    if not form.is_valid():
        return _comment_answer(request, comment, invalid=True, reply_form=form)
    services.reply_add(comment=comment, author=request.user, text=form.cleaned_data["text"])
    return _comment_answer(request, comment)


@require_POST
@login_required
def comment_resolve(request, plan_id: int, comment_id: int):
    comment = get_comment_for_editor(request, plan_id, comment_id)
    form = ResolveForm(request.POST)
    if not form.is_valid():
        return _comment_answer(request, comment, invalid=True, resolve_form=form)
    services.comment_resolve(
        comment=comment,
        resolution=form.cleaned_data["resolution"],
        reason=form.cleaned_data["reason"],
        user=request.user,
    )
    return _comment_answer(request, comment)
