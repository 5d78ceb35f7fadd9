"""The draft report is never an empty shell: suggested notes fill it until decided."""

from assessment.models import SuggestedNote
from assessment.report import report_html
from assessment.services import review_finalise, suggested_note_accept, suggested_note_reject


def _suggested(text: str) -> str:
    """A suggestion as the report prints it (the findings print their recommendation too)."""
    return f'<div class="note note-suggested note-recommendation">\n    <p class="user-text">{text}'


def _recommendation(review):
    return review.suggested_notes.get(
        kind="recommendation", component_code="SF", rule="no-monitoring-activities"
    )


def test_a_draft_report_shows_suggested_recommendations_and_commendations(review):
    html = report_html(review)
    assert "Suggested recommendation" in html and "Suggested commendation" in html
    assert _suggested(_recommendation(review).text) in html


def test_a_rejected_suggestion_leaves_the_report(review, cast):
    suggestion = _recommendation(review)
    suggested_note_reject(suggestion=suggestion, user=cast.reviewer)
    assert _suggested(suggestion.text) not in report_html(review)


def test_an_accepted_suggestion_is_a_note_of_the_report(review, cast):
    suggestion = review.suggested_notes.filter(kind="commendation").first()
    suggested_note_accept(suggestion=suggestion, user=cast.reviewer, text="Well planned & costed.")
    html = report_html(review)
    assert "Well planned &amp; costed." in html
    assert SuggestedNote.objects.get(pk=suggestion.pk).status == "accepted"


def test_a_final_report_shows_only_what_the_reviewers_accepted(review, cast):
    text = _recommendation(review).text
    review_finalise(review=review, user=cast.reviewer)
    html = report_html(review)
    assert "Suggested recommendation" not in html and _suggested(text) not in html


def test_suggested_text_is_escaped(review):
    suggestion = _recommendation(review)
    SuggestedNote.objects.filter(pk=suggestion.pk).update(text="<script>alert(1)</script>")
    html = report_html(review)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
