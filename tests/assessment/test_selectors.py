"""The review report's parts, each read on its own."""

import pytest

from assessment.models import Note
from assessment.selectors import (
    report_front_matter,
    report_notes,
    report_plan_content,
    report_review,
)
from tests.assessment.report_data import review_build
from tests.factories import NoteFactory

pytestmark = pytest.mark.django_db


def test_front_matter_names_the_reviewers_and_marks_a_draft(cast):
    review = report_review(review=review_build(reviewer=cast.reviewer))
    assert report_front_matter(review=review)["document_title"] == review.title
    review.title = ""
    front = report_front_matter(review=review)
    assert front["document_title"] == f"Review of {review.plan.title}"
    assert front["is_draft"] is True
    assert front["reviewers"] == [cast.reviewer.get_full_name() or cast.reviewer.username]


def test_plan_content_quotes_the_legal_basis_line_by_line(cast):
    review = review_build(reviewer=cast.reviewer, activities=2)
    content = report_plan_content(plan=review.plan)
    assert content["legal_basis"] == [
        "Law on combating trafficking in human beings",
        "Criminal Code, Art 144",
    ]
    assert (content["activity_count"], content["has_activities"]) == (2, True)


def test_notes_go_to_their_part_of_the_report_by_kind(cast):
    review = review_build(reviewer=cast.reviewer)
    funding = NoteFactory(review=review, scope=Note.Scope.FUNDING, kind=Note.Kind.COMMENDATION)
    overall = NoteFactory(review=review, scope=Note.Scope.OVERALL)
    notes = report_notes(notes=[funding, overall])
    assert notes["funding_notes"][Note.Kind.COMMENDATION] == [funding]
    assert notes["overall_notes"][Note.Kind.RECOMMENDATION] == [overall]
    assert all(not kind for kind in notes["content_notes"].values())
