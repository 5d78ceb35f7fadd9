"""The consultation summary as Word (python-docx, as the plan's own Word export) and as PDF
(the shared print pipeline and the project's print stylesheet). python-docx and the
template engine escape what they are given; user text is never marked safe."""

import io

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from docx import Document

from actionplan.exchange.docx_export import clean as _text
from consultation.models import Comment, Resolution
from consultation.selectors import ConsultationSummary, consultation_summary
from napplanner.pdf import html_to_pdf
from strategy.models import Plan


def summary_title(plan: Plan) -> str:
    return _("Consultation on %(title)s") % {"title": plan.title}


def _signature(comment) -> str:
    who = comment.organisation or _("Working group")
    when = date_format(timezone.localtime(comment.created_at), "DATE_FORMAT")
    return f"{who} ({comment.author.get_username()}), {when}"


def _decision(comment: Comment) -> str:
    if comment.resolution == Resolution.OPEN:
        return _("Open: no decision yet.")
    return f"{comment.get_resolution_display()}: {comment.reason}"


def summary_docx(*, plan: Plan) -> bytes:
    summary = consultation_summary(plan=plan)
    document = Document()
    document.core_properties.title = _text(summary_title(plan))
    document.add_heading(_text(summary_title(plan)), level=0)
    document.add_paragraph(_text(f"{plan.country}, {plan.period_label}"))
    _docx_totals(document, summary)
    for group in summary.chapters:
        document.add_heading(_text(group.label), level=1)
        for comment in group.comments:
            document.add_heading(_text(comment.element_label), level=3)
            document.add_paragraph(_text(_signature(comment)), style="Intense Quote")
            document.add_paragraph(_text(comment.text))
            for reply in comment.replies.all():
                who = reply.organisation or _("Working group")
                document.add_paragraph(_text(f"{who}: {reply.text}"), style="List Bullet")
            document.add_paragraph(_text(_decision(comment))).runs[0].bold = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _docx_totals(document, summary: ConsultationSummary) -> None:
    document.add_heading(_("Organisations heard"), level=1)
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    heads = (_("Organisation"), _("Accepted"), _("Declined"), _("Open"))
    for cell, text in zip(table.rows[0].cells, heads, strict=True):
        cell.text = text
    for entry in summary.organisations:
        values = (entry.name, entry.accepted, entry.declined, entry.open)
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = _text(str(value))
    if not summary.organisations:
        document.add_paragraph(_("No comments were made."))


def summary_print_context(plan: Plan) -> dict:
    return {
        "plan": plan,
        "summary": consultation_summary(plan=plan),
        "document_title": summary_title(plan),
        "document_author": plan.coordinating_body,
        "document_language": get_language() or "en",
    }


def summary_pdf(*, plan: Plan) -> bytes:
    context = summary_print_context(plan)
    html = render_to_string("consultation/summary_print.html", context)
    return html_to_pdf(
        html,
        title=context["document_title"],
        author=context["document_author"],
        language=context["document_language"],
    )
