"""The plan itself (strategy and action plan) as a PDF, through the shared print pipeline."""

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET

from actionplan.charts import budget_svg, timeline_pages
from actionplan.models import Activity, Responsibility
from actionplan.resources import resource_plan
from actionplan.selectors import timeline_groups
from napplanner.pdf import html_to_pdf, svg_for_print
from napplanner.renderings_views import rendering_response
from strategy.access import get_plan_for_user
from strategy.models import Plan, PlanStatus, SpecificObjective, StrategicGoal


@require_GET
@login_required
def plan_pdf(request, plan_id: int):
    plan = get_plan_for_user(request, plan_id)
    return rendering_response(request, kind="plan-pdf", subject_id=plan.pk)


def plan_pdf_render(plan: Plan) -> bytes:
    context = plan_print_context(plan)
    html = render_to_string("actionplan/plan_print.html", context)
    return html_to_pdf(
        html,
        title=context["document_title"],
        author=context["document_author"],
        language=context["document_language"],
    )


def plan_print_context(plan: Plan) -> dict:
    """The whole plan, read in a fixed number of queries: chapters → goals → objectives →
    activities with their bodies, budget lines, indicators and sub-activities."""
    activities = (
        Activity.objects.filter(plan=plan)
        .select_related("output")
        .prefetch_related(
            Prefetch(
                "responsibilities",
                queryset=Responsibility.objects.select_related("stakeholder"),
            ),
            "budget_lines",
            "indicators",
            "sub_activities",
        )
    )
    objectives = SpecificObjective.objects.filter(plan=plan).prefetch_related(
        Prefetch("activities", queryset=activities)
    )
    goals = list(
        StrategicGoal.objects.filter(plan=plan)
        .select_related("chapter")
        .prefetch_related(Prefetch("objectives", queryset=objectives))
    )
    chapters = list(plan.chapters.all())
    by_chapter = {chapter.pk: [] for chapter in chapters}
    loose_goals = []
    for goal in goals:
        (by_chapter[goal.chapter_id] if goal.chapter_id else loose_goals).append(goal)
    parts = [
        {"chapter": c, "anchor": f"chapter-{c.pk}", "goals": by_chapter[c.pk]} for c in chapters
    ]
    if loose_goals:
        parts.append({"chapter": None, "anchor": "chapter-none", "goals": loose_goals})
    return {
        "plan": plan,
        "document_title": plan.title,
        "document_author": plan.coordinating_body or plan.country,
        "document_language": "en",
        "is_draft": plan.status == PlanStatus.DRAFT,
        "sections": list(plan.sections.select_related("component")),
        "stakeholders": list(plan.stakeholders.all()),
        "parts": parts,
        "activity_count": sum(len(o.activities.all()) for g in goals for o in g.objectives.all()),
        **plan_figures(plan),
    }


def plan_figures(plan: Plan) -> dict:
    """The timeline (split into page-sized drawings) and the national resource plan with
    its budget charts by component and by funding source, one pair per currency."""
    groups = timeline_groups(plan)
    activities = [a for g in groups for a in g.activities]
    scheduled = [a for a in activities if a.has_timeframe]
    timeline = []
    if activities:
        timeline = timeline_pages(
            period_start=plan.period_start,
            period_end=plan.period_end,
            groups=groups,
            title=f"Timeline of activities: {plan.title}",
        )
    resources = resource_plan(plan)
    budgets = [
        {
            "plan": currency,
            "by_component": svg_for_print(
                budget_svg(
                    currency=currency.currency,
                    rows=[(label, a.by_status()) for label, a in currency.by_component.items()],
                    title=f"Budget by component ({currency.currency})",
                )
            ),
            "by_source": svg_for_print(
                budget_svg(currency=currency.currency, rows=currency.source_rows())
            ),
        }
        for currency in resources.currencies
    ]
    return {
        "timeline_charts": [svg_for_print(svg) for svg in timeline],
        "timeline_summary": {
            "activities": len(activities),
            "scheduled": len(scheduled),
            "first": min((a.start_month for a in scheduled), default=None),
            "last": max((a.end_month for a in scheduled), default=None),
        },
        "resources": resources,
        "budgets": budgets,
    }
