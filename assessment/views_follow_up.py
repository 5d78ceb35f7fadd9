"""The follow-up of recommendations in the plan that follows a reviewed one. The plan
workspace loads these by URL (hx-get), as the plan tiers may not import reviews:

- the panel of the previous review's recommendations, their links and statuses;
- in an element's details, the recommendations the element answers.

Whoever may read the plan reads them; its editors link and confirm. A plain request gets
the follow-up page (or is sent back to it), htmx the partial it changed.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from actionplan.elements import KINDS
from assessment import follow_up_services as services
from assessment.follow_up_selectors import (
    element_follow_up,
    follow_up_review,
    latest_firing,
    linkable_elements,
    plan_follow_up,
)
from assessment.forms import FollowUpConfirmForm, RecommendationChoiceForm, RecommendationLinkForm
from assessment.models import LINKED_ELEMENTS, FollowUpStatus, Note, RecommendationLink
from napplanner.htmx import partial_or_redirect
from strategy.access import can_edit_plan, get_plan_for_editor, get_plan_for_working_group
from strategy.models import Plan


def _panel_url(plan: Plan) -> str:
    return reverse("assessment:follow_up", args=[plan.pk])


def _errors(exc: ValidationError) -> str:
    return " ".join(exc.messages)


def _form_errors(form) -> str:
    return " ".join(e for errors in form.errors.values() for e in errors)


def _panel_response(request, plan: Plan, *, can_edit: bool, error: str = ""):
    def context() -> dict:
        return {
            "plan": plan,
            "follow_up": plan_follow_up(plan=plan, firing=latest_firing(plan=plan)),
            "can_edit": can_edit,
            "elements": linkable_elements(plan=plan) if can_edit else [],
            "statuses": FollowUpStatus.choices,
            "error": error,
        }

    return partial_or_redirect(
        request,
        "assessment/_follow_up.html",
        context,
        page="assessment/follow_up.html" if request.method == "GET" else "",
        redirect_to=_panel_url(plan),
        error=error,
    )


def _recommendation(plan: Plan, recommendation_id: int) -> Note:
    """A recommendation of the review `plan` follows up; anything else is not found here."""
    review = follow_up_review(plan=plan)
    if review is None:
        raise Http404(_("This plan follows no plan with a final review."))
    return get_object_or_404(
        review.notes.filter(kind=Note.Kind.RECOMMENDATION), pk=recommendation_id
    )


@require_GET
@login_required
def follow_up(request, plan_id: int):
    plan = get_plan_for_working_group(request, plan_id)
    return _panel_response(request, plan, can_edit=can_edit_plan(request.user, plan))


@require_POST
@login_required
def follow_up_link(request, plan_id: int):
    """Link a chapter, goal or objective of the plan to a recommendation it answers. A
    recommendation of another plan's review is refused with the reason."""
    plan = get_plan_for_editor(request, plan_id)
    form = RecommendationLinkForm(request.POST)
    if not form.is_valid():
        return _panel_response(request, plan, can_edit=True, error=_form_errors(form))
    try:
        element = KINDS[form.element_type].of_plan(plan).filter(pk=form.element_id).first()
        if element is None:
            raise ValidationError(_("Choose an element of this plan."))
        recommendation = Note.objects.filter(pk=form.cleaned_data["recommendation"]).first()
        if recommendation is None:
            raise ValidationError(_("There is no such recommendation."))
        services.recommendation_link(
            plan=plan,
            recommendation=recommendation,
            element_type=form.element_type,
            element=element,
            user=request.user,
        )
    except ValidationError as exc:
        return _panel_response(request, plan, can_edit=True, error=_errors(exc))
    return _panel_response(request, plan, can_edit=True)


@require_POST
@login_required
def follow_up_unlink(request, plan_id: int, link_id: int):
    plan = get_plan_for_editor(request, plan_id)
    link = get_object_or_404(RecommendationLink, plan=plan, pk=link_id)
    services.recommendation_unlink(link=link, user=request.user)
    return _panel_response(request, plan, can_edit=True)


@require_POST
@login_required
def follow_up_confirm(request, plan_id: int, note_id: int):
    plan = get_plan_for_editor(request, plan_id)
    recommendation = _recommendation(plan, note_id)
    form = FollowUpConfirmForm(request.POST)
    if not form.is_valid():
        return _panel_response(request, plan, can_edit=True, error=_form_errors(form))
    services.recommendation_confirm(
        plan=plan,
        recommendation=recommendation,
        status=form.cleaned_data["status"],
        user=request.user,
    )
    return _panel_response(request, plan, can_edit=True)


def _element(plan: Plan, kind: str, pk: int):
    if kind not in LINKED_ELEMENTS:
        raise Http404(_("Only chapters, goals, objectives, outputs and activities are linked."))
    return get_object_or_404(KINDS[kind].of_plan(plan), pk=pk)


def _element_response(request, plan, kind, element, *, can_edit: bool, error: str = ""):
    def context() -> dict:
        return {
            "plan": plan,
            "kind": kind,
            "element": element,
            "can_edit": can_edit,
            "error": error,
            **element_follow_up(plan=plan, element_type=kind, element=element),
        }

    return partial_or_redirect(
        request,
        "assessment/_follow_up_element.html",
        context,
        page="assessment/follow_up_element.html" if request.method == "GET" else "",
        redirect_to=reverse("assessment:follow_up_element", args=[plan.pk, kind, element.pk]),
        error=error,
    )


@require_http_methods(["GET", "POST"])
@login_required
def follow_up_element(request, plan_id: int, kind: str, pk: int):
    """The recommendations an element answers; a POST links one more to it."""
    if request.method == "GET":
        plan = get_plan_for_working_group(request, plan_id)
        element = _element(plan, kind, pk)
        can_edit = can_edit_plan(request.user, plan)
        return _element_response(request, plan, kind, element, can_edit=can_edit)
    plan = get_plan_for_editor(request, plan_id)
    element = _element(plan, kind, pk)
    form = RecommendationChoiceForm(request.POST)
    if not form.is_valid():
        error = _form_errors(form)
        return _element_response(request, plan, kind, element, can_edit=True, error=error)
    recommendation = Note.objects.filter(pk=form.cleaned_data["recommendation"]).first()
    try:
        if recommendation is None:
            raise ValidationError(_("There is no such recommendation."))
        services.recommendation_link(
            plan=plan,
            recommendation=recommendation,
            element_type=kind,
            element=element,
            user=request.user,
        )
    except ValidationError as exc:
        error = _errors(exc)
        return _element_response(request, plan, kind, element, can_edit=True, error=error)
    return _element_response(request, plan, kind, element, can_edit=True)


@require_POST
@login_required
def follow_up_element_unlink(request, plan_id: int, kind: str, pk: int, link_id: int):
    plan = get_plan_for_editor(request, plan_id)
    element = _element(plan, kind, pk)
    link = get_object_or_404(RecommendationLink, plan=plan, pk=link_id, **{kind: element})
    services.recommendation_unlink(link=link, user=request.user)
    return _element_response(request, plan, kind, element, can_edit=True)
