"""The plan itself (strategy and action plan) as a PDF, through the shared print pipeline."""

from django.template.loader import render_to_string

from actionplan.selectors import plan_print_context
from napplanner.pdf import html_to_pdf
from strategy.models import Plan


def plan_html(plan: Plan, context: dict | None = None) -> str:
    """The plan as a stand-alone HTML document for print."""
    return render_to_string("actionplan/plan_print.html", context or plan_print_context(plan=plan))


def plan_pdf_render(plan: Plan) -> bytes:
    context = plan_print_context(plan=plan)
    return html_to_pdf(
        plan_html(plan, context),
        title=context["document_title"],
        author=context["document_author"],
        language=context["document_language"],
    )
