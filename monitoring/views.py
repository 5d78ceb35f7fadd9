"""Monitoring pages: the dashboard, periods, focal points, the desk and the reports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from actionplan.models import Activity, Responsibility
from monitoring import access
from monitoring.forms import FocalPointForm, ReportForm, RhythmForm
from monitoring.models import ActivityReport, MonitoringSetup, ReportState
from monitoring.report import dashboard_context
from monitoring.selectors import (
    body_duties,
    monitoring_document,
    period_completeness,
    reports_for_review,
)
from monitoring.services import (
    focal_point_add,
    focal_point_remove,
    monitoring_setup_set,
    period_close,
    period_next,
    period_open,
    period_publish,
    report_approve,
    report_return,
    report_save,
)
from napplanner.renderings_views import rendering_response
from strategy.access import can_edit_plan

# The dashboard lists this many indicators and overdue activities; the report has them all.
PAGE_LIMIT = 100


@require_GET
@login_required
def dashboard(request, plan_id: int):
    plan = access.get_plan_for_monitoring(request, plan_id)
    coordinator = can_edit_plan(request.user, plan)
    context = dashboard_context(plan=plan, coordinator=coordinator, page_limit=PAGE_LIMIT)
    context |= {"active": "monitoring", "coordinator": coordinator}
    return render(request, "monitoring/dashboard.html", context)


def _periods_page(request, plan, rhythm_form=None, focal_form=None, status=200):
    coordinator = can_edit_plan(request.user, plan)
    setup = MonitoringSetup.objects.filter(plan=plan).first()
    context = {
        "plan": plan,
        "active": "monitoring",
        "coordinator": coordinator,
        "periods": plan.reporting_periods.order_by("start_month"),
        "focal_bodies": access.focal_bodies(request.user, plan),
        "today": timezone.localdate(),
    }
    if coordinator:
        context |= {
            "rhythm_form": rhythm_form or RhythmForm(instance=setup),
            "next_period": period_next(plan=plan),
            "focal_points": plan.stakeholders.filter(focal_points__isnull=False)
            .values("focal_points__pk", "focal_points__user__username", "name")
            .order_by("name", "focal_points__user__username"),
            "focal_form": focal_form or FocalPointForm(plan=plan),
        }
    return render(request, "monitoring/periods.html", context, status=status)


@require_GET
@login_required
def periods(request, plan_id: int):
    plan = access.get_plan_for_monitoring(request, plan_id)
    if not can_edit_plan(request.user, plan) and not access.focal_bodies(request.user, plan):
        raise PermissionDenied
    return _periods_page(request, plan)


@require_POST
@login_required
def rhythm(request, plan_id: int):
    plan = access.get_plan_for_coordinator(request, plan_id)
    form = RhythmForm(request.POST)
    if not form.is_valid():
        return _periods_page(request, plan, rhythm_form=form, status=422)
    monitoring_setup_set(plan=plan, rhythm=form.cleaned_data["rhythm"])
    messages.success(request, _("The reporting rhythm was saved."))
    return redirect("monitoring:periods", plan.pk)


@require_POST
@login_required
def period_add(request, plan_id: int):
    plan = access.get_plan_for_coordinator(request, plan_id)
    try:
        period = period_open(plan=plan)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The period %(label)s is open.") % {"label": period.label})
    return redirect("monitoring:periods", plan.pk)


@require_POST
@login_required
def period_lock(request, plan_id: int, period_id: int):
    period = access.get_period_for_coordinator(request, plan_id, period_id)
    if request.POST.get("publish"):
        period_publish(period=period)
        messages.success(request, _("The period %(label)s is published.") % {"label": period})
    else:
        period_close(period=period)
        messages.success(request, _("The period %(label)s is closed.") % {"label": period})
    return redirect("monitoring:desk", plan_id, period.pk)


@require_GET
@login_required
def desk(request, plan_id: int, period_id: int):
    period, coordinator = access.get_period_for_desk(request, plan_id, period_id)
    plan = period.plan
    context = {"plan": plan, "active": "monitoring", "period": period, "coordinator": coordinator}
    today = timezone.localdate()
    if coordinator:
        progress = period_completeness(period=period)
        context |= {
            "progress": [(p, p.is_late(period, today)) for p in progress],
            "reports": reports_for_review(period=period),
        }
    mine = access.focal_bodies(request.user, plan)
    context["duties"] = body_duties(period=period, body_ids=mine)
    context["my_bodies"] = plan.stakeholders.filter(pk__in=mine).order_by("order", "name")
    return render(request, "monitoring/desk.html", context)


def _report_form(request, period, activity, body, report, data=None):
    return ReportForm(
        data,
        instance=report or ActivityReport(period=period, activity=activity, body=body),
        indicators=activity.indicators.order_by("order", "pk"),
        budget_lines=activity.budget_lines.order_by("order", "pk"),
    )


@require_http_methods(["GET", "POST"])
@login_required
def report_edit(request, plan_id: int, period_id: int, body_id: int, activity_id: int):
    period = access.get_period_for_user(request, plan_id, period_id)
    body = access.get_body_for_reporter(request, period, body_id)
    activity = get_object_or_404(Activity, plan=period.plan, pk=activity_id)
    if not Responsibility.objects.filter(activity=activity, stakeholder=body).exists():
        raise PermissionDenied(_("This body is not responsible for this activity."))
    report = ActivityReport.objects.filter(period=period, activity=activity, body=body).first()
    editable = period.is_open and (report is None or report.state != ReportState.APPROVED)
    form = _report_form(request, period, activity, body, report)
    status = 200
    if request.method == "POST":
        if not editable:
            raise PermissionDenied(_("This report can no longer change."))
        form = _report_form(request, period, activity, body, report, request.POST)
        if form.is_valid():
            try:
                report = report_save(
                    period=period,
                    activity=activity,
                    body=body,
                    user=request.user,
                    status=form.cleaned_data["status"],
                    reason=form.cleaned_data["reason"],
                    progress=form.cleaned_data["progress"],
                    indicator_values=form.indicator_entries(),
                    spendings=form.spendings(),
                    submit="submit" in request.POST,
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                if report.state == ReportState.SUBMITTED:
                    messages.success(request, _("The report was submitted to the coordinator."))
                else:
                    messages.success(request, _("The report was saved as a draft."))
                return redirect("monitoring:desk", plan_id, period.pk)
        status = 422
    context = {
        "plan": period.plan,
        "active": "monitoring",
        "period": period,
        "activity": activity,
        "body": body,
        "report": report,
        "form": form,
        "editable": editable,
    }
    return render(request, "monitoring/report_form.html", context, status=status)


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, problems in error.message_dict.items():
            form.add_error(name if name in form.fields else None, problems)
    else:
        form.add_error(None, error.messages)


@require_POST
@login_required
def report_review(request, plan_id: int, report_id: int):
    report = access.get_report_for_coordinator(request, plan_id, report_id)
    try:
        if request.POST.get("decision") == "approve":
            report_approve(report=report)
            messages.success(request, _("The report was approved."))
        else:
            report_return(report=report, comment=request.POST.get("comment", ""))
            messages.success(request, _("The report was returned to the body."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("monitoring:desk", plan_id, report.period_id)


@require_POST
@login_required
def focal_point_create(request, plan_id: int):
    plan = access.get_plan_for_coordinator(request, plan_id)
    form = FocalPointForm(request.POST, plan=plan)
    if not form.is_valid():
        return _periods_page(request, plan, focal_form=form, status=422)
    focal_point_add(body=form.cleaned_data["body"], user=form.cleaned_data["username"])
    messages.success(request, _("The focal point was added."))
    return redirect("monitoring:periods", plan.pk)


@require_POST
@login_required
def focal_point_delete(request, plan_id: int, focal_point_id: int):
    focal_point = access.get_focal_point_for_coordinator(request, plan_id, focal_point_id)
    focal_point_remove(focal_point=focal_point)
    messages.success(request, _("The focal point was removed."))
    return redirect("monitoring:periods", plan_id)


@require_GET
@login_required
def period_pdf(request, plan_id: int, period_id: int):
    period = access.get_period_for_user(request, plan_id, period_id)
    period = access.get_period_rendering_for_user(request, period.pk)
    return rendering_response(request, kind="monitoring-pdf", subject_id=period.pk)


@require_GET
@login_required
def monitoring_json(request, plan_id: int):
    """Every visible period's approved reports as JSON (keys in the README)."""
    plan = access.get_plan_for_monitoring(request, plan_id)
    document = monitoring_document(plan=plan, coordinator=can_edit_plan(request.user, plan))
    return JsonResponse(document, json_dumps_params={"ensure_ascii": False, "indent": 1})
