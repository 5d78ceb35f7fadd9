"""The review report: everything the HTML page and the PDF show, read in a bounded number
of queries whatever the size of the plan.

The structure follows the gap-analysis reports reviewers write by hand: cover, contents,
introduction, coverage at a glance, background, standards, the chapters-to-components
mapping, the guiding principles, the plan's structure, one section per component, the
timeline, funding, recommendations and annexes.
"""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from actionplan.selectors import plan_figures
from assessment.follow_up_selectors import report_follow_up
from assessment.models import Review
from assessment.rounds import review_frozen_body
from assessment.selectors import (
    report_coverage,
    report_front_matter,
    report_notes,
    report_plan_content,
    report_review,
    report_structural_criteria,
    report_suggestions,
)
from napplanner.pdf import html_to_pdf


def report_context(review: Review) -> dict:
    """The whole report of `review` as template context, put together from its parts. For
    a final review it is the body rendered when the review was finalised (`frozen_body`):
    what the review said of the plan as it was then, whatever happened to the plan since."""
    review = report_review(review=review)
    frozen = review_frozen_body(review=review)
    if frozen is not None:
        # Rendered by `report_body` with autoescaping, from our own templates only.
        return {**report_front_matter(review=review), "frozen_body": mark_safe(frozen)}  # noqa: S308
    notes = list(review.notes.select_related("component"))
    suggested = report_suggestions(review=review)
    return {
        **report_front_matter(review=review),
        **report_plan_content(plan=review.plan),
        **report_coverage(review=review, notes=notes, suggested=suggested),
        **report_notes(notes=notes, suggested=suggested),
        "structural_criteria": report_structural_criteria(framework=review.framework),
        **plan_figures(plan=review.plan),
        **report_follow_up(review=review),
    }


def report_body(review: Review) -> str:
    """The report's body as HTML, from the live review and plan (what a snapshot stores)."""
    return render_to_string("assessment/report/_body.html", report_context(review))


def report_html(review: Review, context: dict | None = None) -> str:
    """The report as a stand-alone HTML document: the print version, lean stylesheet."""
    return render_to_string("assessment/report_print.html", context or report_context(review))


def report_pdf(review: Review) -> bytes:
    context = report_context(review)
    return html_to_pdf(
        report_html(review, context),
        title=context["document_title"],
        author=context["document_author"],
        language=context["document_language"],
    )
