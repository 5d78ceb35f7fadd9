from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from napplanner.concurrency import ObjectGone, edit_save, gone_response, merged_note, vanished
from napplanner.htmx import partial_or_redirect
from napplanner.roles import COORDINATOR, REVIEWER, STANDARDS_ADMIN, has_role
from strategy.access import (
    can_edit_plan,
    consults_only,
    get_membership_for_editor,
    get_plan_for_editor,
    get_plan_for_user,
    get_section_for_editor,
    get_stakeholder_for_editor,
)
from strategy.changes import plan_changes
from strategy.forms import (
    ChangeDigestForm,
    MembershipForm,
    PlanCreateForm,
    PlanForm,
    PlanStart,
    PlanStatusForm,
    SectionForm,
    StakeholderForm,
)
from strategy.lifecycle import may_steer
from strategy.models import ChangeDigest, Plan, PlanMembership, PlanStatus, Section, Stakeholder
from strategy.selectors import home_plans, plan_sections, plan_status_moves
from strategy.services import (
    LastEditorError,
    change_digest_set,
    element_delete,
    membership_add,
    membership_remove,
    plan_copy,
    plan_create,
    plan_create_from_template,
    plan_status_change,
    section_move,
    section_next_order,
)


@require_GET
@login_required
def home(request):
    return render(
        request,
        "strategy/home.html",
        {
            "plans": home_plans(user=request.user),
            "is_coordinator": has_role(request.user, COORDINATOR),
            "is_reviewer": has_role(request.user, REVIEWER),
            "is_standards_admin": has_role(request.user, STANDARDS_ADMIN),
            "plan_changes": plan_changes(user=request.user),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def change_digest(request):
    """Whether the user is mailed what changed on their plans (send_change_digests)."""
    digest = ChangeDigest.objects.filter(user=request.user).first()
    data = request.POST if request.method == "POST" else None  # an unticked box sends nothing
    form = ChangeDigestForm(data, instance=digest or ChangeDigest())
    if request.method == "POST" and form.is_valid():
        change_digest_set(user=request.user, by_email=form.cleaned_data["by_email"])
        messages.success(request, _("Your choice was saved."))
        return redirect("change_digest")
    status = 422 if form.is_bound else 200
    context = {"form": form, "has_email": bool(request.user.email)}
    return render(request, "strategy/change_digest.html", context, status=status)


def _plan_start(form: PlanCreateForm, user) -> Plan:
    start = form.cleaned_data["start"]
    if start == PlanStart.COPY:
        # What the form leaves blank is taken over from the plan being copied.
        details = {
            name: form.cleaned_data[name]
            for name in PlanForm.Meta.fields
            if name not in ("title", "period_start", "period_end", "previous_plan")
            and form.cleaned_data[name] not in ("", None)
        }
        return plan_copy(
            source=form.cleaned_data["source_plan"],
            user=user,
            title=form.cleaned_data["title"],
            period_start=form.cleaned_data["period_start"],
            period_end=form.cleaned_data["period_end"],
            details=details,
        )
    plan = form.save(commit=False)
    if start == PlanStart.TEMPLATE:
        return plan_create_from_template(plan=plan, user=user)
    return plan_create(plan=plan, user=user)


@require_http_methods(["GET", "POST"])
@login_required
def plan_create_view(request):
    if not (has_role(request.user, COORDINATOR) or has_role(request.user, REVIEWER)):
        raise PermissionDenied(_("Only coordinators and reviewers create plans."))
    form = PlanCreateForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        plan = _plan_start(form, request.user)
        messages.success(request, _("The plan “%(title)s” was created.") % {"title": plan.title})
        # A new plan is filled in, so its author starts where the filling is done.
        return redirect("actionplan:workspace", plan.pk)
    status = 422 if form.is_bound else 200
    return render(request, "strategy/plan_create.html", {"form": form}, status=status)


def _details_page(request, plan: Plan, form=None, member_form=None, status=200):
    editable = can_edit_plan(request.user, plan)
    context = {
        "plan": plan,
        "active": "details",
        "editable": editable,
        "consults_only": not editable and consults_only(request.user, plan),
        "sections": plan_sections(plan=plan),
        "memberships": plan.memberships.select_related("user").order_by("user__username"),
        "form": form or (PlanForm(instance=plan, user=request.user) if editable else None),
        "member_form": member_form or (MembershipForm(plan=plan) if editable else None),
        "status_moves": plan_status_moves(plan=plan, user=request.user),
    }
    return render(request, "strategy/plan_details.html", context, status=status)


@require_http_methods(["GET", "POST"])
@login_required
def plan_details(request, plan_id: int):
    if request.method == "GET":
        return _details_page(request, get_plan_for_user(request, plan_id))
    plan = get_plan_for_editor(request, plan_id)
    form = PlanForm(request.POST, instance=plan, user=request.user)
    saved = edit_save(
        request,
        form,
        save=form.save,
        what=_("the plan details"),
        cancel_url=request.path,
        context={"plan": plan, "active": "details"},
    )
    if isinstance(saved, HttpResponse):
        return saved
    if saved:
        messages.success(request, _("The plan details were saved."))
        _say_merged(request, form)
        return redirect("strategy:plan_details", plan.pk)
    # Show the stored values beside the form, not the rejected input.
    plan.refresh_from_db()
    return _details_page(request, plan, form=form, status=422)


@require_POST
@login_required
def plan_status_change_view(request, plan_id: int):
    plan = get_plan_for_user(request, plan_id)
    if not may_steer(request.user, plan):
        raise PermissionDenied(_("Only the plan's editors may change its status."))
    form = PlanStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a status the plan may go to."))
        return redirect("strategy:plan_details", plan.pk)
    try:
        event = plan_status_change(plan=plan, user=request.user, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        message = _("The plan went from “%(from)s” to “%(to)s”.")
        labels = [PlanStatus(status).label for status in (event.status_from, event.status_to)]
        messages.success(request, message % dict(zip(("from", "to"), labels, strict=True)))
    return redirect("strategy:plan_details", plan.pk)


@require_http_methods(["GET", "POST"])
@login_required
def section_create(request, plan_id: int):
    plan = get_plan_for_editor(request, plan_id)
    section = Section(plan=plan, order=section_next_order(plan))
    return _section_form(request, plan, section)


@require_http_methods(["GET", "POST"])
@login_required
def section_edit(request, plan_id: int, section_id: int):
    try:
        section = get_section_for_editor(request, plan_id, section_id)
    except Http404:
        if not vanished(request, Section, section_id):
            raise
        plan = get_plan_for_editor(request, plan_id)
        form = SectionForm(request.POST, instance=Section(plan=plan), plan=plan)
        return _gone(request, plan, form, what=_("the section"), active="details")
    return _section_form(request, section.plan, section)


def _gone(request, plan: Plan, form, *, what: str, active: str):
    back = "strategy:stakeholders" if active == "stakeholders" else "strategy:plan_details"
    return gone_response(
        request,
        ObjectGone(form),
        what=what,
        back_url=reverse(back, args=[plan.pk]),
        context={"plan": plan, "active": active},
    )


def _say_merged(request, form) -> None:
    if note := merged_note(form):
        messages.info(request, note)


def _section_form(request, plan: Plan, section: Section):
    form = SectionForm(request.POST or None, instance=section, plan=plan)
    back = reverse("strategy:plan_details", args=[plan.pk])
    what = _("the section “%(title)s”") % {"title": section.title}
    saved = request.method == "POST" and edit_save(
        request,
        form,
        save=form.save,
        what=what,
        cancel_url=back,
        context={"plan": plan, "active": "details"},
    )
    if isinstance(saved, HttpResponse):
        return saved
    if saved:
        messages.success(
            request, _("The section “%(title)s” was saved.") % {"title": section.title}
        )
        _say_merged(request, form)
        return redirect("strategy:plan_details", plan.pk)
    status = 422 if form.is_bound else 200
    context = {"plan": plan, "form": form, "section": section, "active": "details"}
    return render(request, "strategy/section_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
@login_required
def section_delete(request, plan_id: int, section_id: int):
    section = get_section_for_editor(request, plan_id, section_id)
    plan = section.plan
    if request.method == "POST":
        element_delete(element=section)
        messages.success(
            request, _("The section “%(title)s” was deleted.") % {"title": section.title}
        )
        return redirect("strategy:plan_details", plan.pk)
    goals = section.goals.count()
    consequences = [
        ngettext(
            "%(count)d strategic goal loses its link to it.",
            "%(count)d strategic goals lose their link to it.",
            goals,
        )
        % {"count": goals}
    ]
    return render(
        request,
        "strategy/confirm_delete.html",
        {
            "plan": plan,
            "active": "details",
            "what": _("the section “%(title)s”") % {"title": section.title},
            "consequences": consequences,
            "cancel_url": "strategy:plan_details",
        },
    )


@require_POST
@login_required
def section_move_view(request, plan_id: int, section_id: int):
    section = get_section_for_editor(request, plan_id, section_id)
    offset = {"up": -1, "down": 1}.get(request.POST.get("direction", ""))
    if offset is None:
        return HttpResponseBadRequest("Move a section up or down.")
    section_move(section=section, offset=offset)
    plan = section.plan
    return partial_or_redirect(
        request,
        "strategy/_section_list.html",
        {"plan": plan, "sections": plan_sections(plan=plan), "editable": True},
        redirect_to=reverse("strategy:plan_details", args=[plan.pk]),
    )


@require_POST
@login_required
def membership_create(request, plan_id: int):
    plan = get_plan_for_editor(request, plan_id)
    form = MembershipForm(request.POST, plan=plan)
    if form.is_valid():
        user, role = form.cleaned_data["user"], form.cleaned_data["role"]
        organisation = form.cleaned_data["organisation"].strip()
        membership_add(plan=plan, user=user, role=role, organisation=organisation)
        messages.success(
            request,
            _("%(user)s was added as %(role)s.")
            % {"user": user.get_username(), "role": PlanMembership.Role(role).label.lower()},
        )
        return redirect("strategy:plan_details", plan.pk)
    return _details_page(request, plan, member_form=form, status=422)


@require_POST
@login_required
def membership_delete(request, plan_id: int, membership_id: int):
    membership = get_membership_for_editor(request, plan_id, membership_id)
    try:
        membership_remove(membership=membership)
    except LastEditorError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("%(user)s was removed.") % {"user": membership.user.get_username()}
        )
    if membership.user == request.user and not can_edit_plan(request.user, membership.plan):
        return redirect("home")
    return redirect("strategy:plan_details", plan_id)


# --- stakeholders -----------------------------------------------------------------------
# The list of a plan's stakeholders and the removal of one show the activities each body
# has, so those two pages are actionplan's (actionplan/views_stakeholders.py).


@require_http_methods(["GET", "POST"])
@login_required
def stakeholder_edit(request, plan_id: int, stakeholder_id: int):
    try:
        stakeholder = get_stakeholder_for_editor(request, plan_id, stakeholder_id)
    except Http404:
        if not vanished(request, Stakeholder, stakeholder_id):
            raise
        plan = get_plan_for_editor(request, plan_id)
        form = StakeholderForm(request.POST, instance=Stakeholder(plan=plan), plan=plan)
        return _gone(request, plan, form, what=_("the stakeholder"), active="stakeholders")
    plan = stakeholder.plan
    form = StakeholderForm(request.POST or None, instance=stakeholder, plan=plan)
    what = _("the stakeholder “%(name)s”") % {"name": stakeholder.name}
    saved = request.method == "POST" and edit_save(
        request,
        form,
        save=form.save,
        what=what,
        cancel_url=reverse("strategy:stakeholders", args=[plan.pk]),
        context={"plan": plan, "active": "stakeholders"},
    )
    if isinstance(saved, HttpResponse):
        return saved
    if saved:
        messages.success(request, _("“%(name)s” was saved.") % {"name": stakeholder.name})
        _say_merged(request, form)
        return redirect("strategy:stakeholders", plan.pk)
    status = 422 if form.is_bound else 200
    context = {"plan": plan, "form": form, "stakeholder": stakeholder, "active": "stakeholders"}
    return render(request, "strategy/stakeholder_form.html", context, status=status)
