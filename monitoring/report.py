"""The dashboard's charts and tables, and the monitoring report of a period as HTML and
PDF through the shared print pipeline. The page and the PDF draw the same charts."""

import datetime

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from actionplan.digest import plan_content_digest
from monitoring.charts import budget_spent_svg, indicator_svg, status_bars_svg, status_label
from monitoring.models import ActivityReport, IndicatorValue, ReportingPeriod, Spending
from monitoring.selectors import NOT_REPORTED, STATUSES, dashboard, period_reports
from napplanner.digest import rows_digest
from napplanner.pdf import html_to_pdf
from strategy.models import Plan

COLUMNS = [*STATUSES, NOT_REPORTED]
INDICATOR_CHARTS = 12


def _table(rows):
    """A chart's figures as rows of a table: label, one count per status, total."""
    return [(label, [counts[s] for s in COLUMNS], sum(counts.values())) for label, counts in rows]


def dashboard_context(
    *, plan: Plan, coordinator: bool, periods=None, today=None, page_limit: int | None = None
) -> dict:
    """The dashboard's charts and tables. With `page_limit`, the long lists (indicators,
    overdue activities) show that many rows, the problems first, and say how many more
    the report and the JSON hold: a page of thousands of rows helps nobody."""
    board = dashboard(plan=plan, coordinator=coordinator, periods=periods, today=today)
    trend_rows = [(label, counts) for label, counts in board.trend]
    # Every indicator is in the table; the charts show the first few, those off target
    # first, as a page of thousands of charts would help nobody.
    charted = sorted(board.indicators, key=lambda s: not s.off_target)[:INDICATOR_CHARTS]
    indicator_charts = [
        indicator_svg(
            title=_("Indicator: %(definition)s") % {"definition": s.indicator.definition[:80]},
            baseline=s.baseline,
            target=s.target,
            values=[(p.label, v) for p, v, _d in s.values],
        )
        for s in charted
    ]
    indicator_rows = sorted(board.indicators, key=lambda s: not s.off_target)
    if page_limit is None:
        indicator_rows = board.indicators
    return {
        "plan": plan,
        "board": board,
        "indicator_rows": indicator_rows[:page_limit],
        "indicators_left": len(indicator_rows[page_limit:]) if page_limit else 0,
        "overdue": board.overdue[:page_limit],
        "overdue_left": len(board.overdue[page_limit:]) if page_limit else 0,
        "status_columns": [status_label(s) for s in COLUMNS],
        "chapter_chart": status_bars_svg(
            title=_("Activities by status per chapter"), rows=board.by_chapter
        ),
        "chapter_table": _table(board.by_chapter),
        "component_chart": status_bars_svg(
            title=_("Activities by status per component"), rows=board.by_component
        ),
        "component_table": _table(board.by_component),
        "trend_chart": status_bars_svg(
            title=_("Reported status of activities per period"), rows=trend_rows
        ),
        "trend_table": _table(trend_rows),
        "indicator_charts": indicator_charts,
        "budgets": [
            (currency, budget_spent_svg(currency=currency, rows=rows), rows)
            for currency, rows in board.budget.items()
        ],
    }


def period_report_context(*, period: ReportingPeriod) -> dict:
    """The progress report of a period: the dashboard of every period up to it, and the
    reports of the period per body as an annex."""
    plan = period.plan
    periods = plan.reporting_periods.filter(start_month__lte=period.start_month)
    # Overdue as the period's end saw it: the report of a past period does not change
    # with today's date.
    after = period.end_month + datetime.timedelta(days=31)
    context = dashboard_context(plan=plan, coordinator=True, periods=periods, today=after)
    annex: dict = {}
    for report in period_reports(period=period):
        annex.setdefault(report.body, []).append(report)
    return context | {
        "period": period,
        "annex": list(annex.items()),
        "document_title": _("Monitoring report %(period)s: %(plan)s")
        % {"period": period.label, "plan": plan.title},
        "document_author": plan.coordinating_body or plan.country,
        "document_language": "en",
    }


def period_report_html(*, period: ReportingPeriod, context: dict | None = None) -> str:
    return render_to_string(
        "monitoring/report_print.html", context or period_report_context(period=period)
    )


def period_report_pdf(*, period: ReportingPeriod) -> bytes:
    context = period_report_context(period=period)
    return html_to_pdf(
        period_report_html(period=period, context=context),
        title=context["document_title"],
        author=context["document_author"],
        language=context["document_language"],
    )


def period_digest(period_id: int) -> str:
    """Everything a period's report shows: the plan, its periods and every report."""
    plan_id = ReportingPeriod.objects.values_list("plan_id", flat=True).get(pk=period_id)
    rows = [
        ReportingPeriod.objects.filter(plan_id=plan_id),
        ActivityReport.objects.filter(period__plan_id=plan_id),
        IndicatorValue.objects.filter(report__period__plan_id=plan_id),
        Spending.objects.filter(report__period__plan_id=plan_id),
    ]
    return rows_digest(rows) + plan_content_digest(plan_id)
