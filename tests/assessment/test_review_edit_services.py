"""finding_dismiss/restore, rating_override, suggestion_reject, note_create/update/delete."""

import pytest
from django.core.exceptions import ValidationError

from assessment.models import Note
from assessment.services import (
    finding_dismiss,
    finding_restore,
    note_create,
    note_delete,
    note_update,
    rating_override,
    review_create,
    review_finalise,
    suggestion_reject,
)
from tests.factories import ActivityFactory


@pytest.fixture
def review(plan, framework, objective, cast):
    ActivityFactory(objective=objective, plan=plan, title="Run 3 awareness campaigns")
    return review_create(plan=plan, framework=framework, user=cast.reviewer)


def test_a_dismissal_needs_a_reason_and_can_be_undone(review, cast):
    finding = review.findings.first()
    with pytest.raises(ValidationError):
        finding_dismiss(finding=finding, user=cast.reviewer, reason="  ")
    finding_dismiss(finding=finding, user=cast.reviewer, reason="Covered by a decree.")
    assert finding.dismissed and finding.dismissed_by == cast.reviewer
    finding_restore(finding=finding, user=cast.reviewer)
    finding.refresh_from_db()
    assert not finding.dismissed and finding.dismissed_reason == ""


def test_an_override_needs_a_justification_and_can_be_cleared(review, cast):
    rating = review.ratings.get(code="IP.6")
    with pytest.raises(ValidationError):
        rating_override(rating=rating, user=cast.reviewer, level="concrete", justification="")
    with pytest.raises(ValidationError):
        rating_override(rating=rating, user=cast.reviewer, level="perfect", justification="x")
    rating_override(rating=rating, user=cast.reviewer, level="concrete", justification="Decree.")
    assert rating.level == "concrete" and rating.computed_level == "not_covered"
    rating_override(rating=rating, user=cast.reviewer, level="", justification="")
    assert rating.level == "not_covered" and rating.override_justification == ""


def test_rejecting_a_suggestion_recomputes_the_rating(review, cast):
    rating = review.ratings.get(code="PR.1")
    assert rating.computed_level == "concrete"
    evidence = rating.evidence[0]
    suggestion_reject(
        review=review,
        code="PR.1",
        element_type=evidence["type"],
        element_id=evidence["id"],
        user=cast.reviewer,
    )
    rating.refresh_from_db()
    assert rating.computed_level == "not_covered"
    assert review.findings.get(rule="area-without-activity", area_code="PR.1").is_current


def test_a_note_is_written_edited_and_deleted(review, framework, cast):
    component = framework.components.get(code="SF")
    note = note_create(
        review=review,
        kind=Note.Kind.RECOMMENDATION,
        scope=Note.Scope.COMPONENT,
        component=component,
        text="Plan activities related to data collection and exchange.",
        user=cast.reviewer,
    )
    assert note.component == component
    note_update(note=note, user=cast.reviewer, text="Plan a national database.")
    note.refresh_from_db()
    assert note.text == "Plan a national database."
    note_delete(note=note, user=cast.reviewer)
    assert not review.notes.exists()


def test_a_component_note_needs_its_component(review, cast):
    with pytest.raises(ValidationError):
        note_create(
            review=review, kind="recommendation", scope="component", text="x", user=cast.reviewer
        )


def test_a_note_can_take_a_findings_recommendation(review, cast):
    finding = review.findings.get(rule="no-monitoring-activities")
    note = note_create(
        review=review, kind="recommendation", scope="overall", text="", finding=finding,
        user=cast.reviewer,
    )  # fmt: skip
    assert note.text == finding.recommendation
    assert note.finding == finding


def test_notes_of_a_final_review_cannot_change(review, cast):
    note = note_create(
        review=review, kind="commendation", scope="overall", text="Good.", user=cast.reviewer
    )
    review_finalise(review=review, user=cast.reviewer)
    note.review.refresh_from_db()
    with pytest.raises(ValidationError):
        note_update(note=note, user=cast.reviewer, text="Better.")
    with pytest.raises(ValidationError):
        note_delete(note=note, user=cast.reviewer)
