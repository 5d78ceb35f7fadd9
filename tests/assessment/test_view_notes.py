"""note_create, note_from_finding, note_update and note_delete."""

from django.urls import reverse

from assessment.models import Note
from tests.assessment.conftest import login

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_create_returns_the_notes_partial(client, review, cast, framework):
    component = framework.components.get(code="SF")
    response = login(client, cast.reviewer).post(
        reverse("assessment:note_create", args=[review.pk]),
        {"kind": "recommendation", "scope": "component", "component": component.pk,
         "text": "Plan activities related to data collection."},
        **HTMX,
    )  # fmt: skip
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="notes-list"' in html and "Plan activities related to data collection." in html
    assert Note.objects.get().component == component


def test_create_with_bad_input_explains_and_writes_nothing(client, review, cast):
    response = login(client, cast.reviewer).post(
        reverse("assessment:note_create", args=[review.pk]),
        {"kind": "recommendation", "scope": "component", "text": ""},
        **HTMX,
    )
    html = response.content.decode()
    assert "Choose the component this note is about." in html
    assert not Note.objects.exists()


def test_a_findings_recommendation_becomes_a_note(client, review, cast):
    finding = review.findings.get(rule="no-monitoring-activities")
    login(client, cast.reviewer).post(
        reverse("assessment:note_from_finding", args=[review.pk, finding.pk]), **HTMX
    )
    note = Note.objects.get()
    assert (note.text, note.finding, note.component.code) == (finding.recommendation, finding, "SF")


def test_update_and_delete(client, review, cast):
    note = Note.objects.create(review=review, kind="commendation", scope="overall", text="Good.")
    login(client, cast.reviewer)
    client.post(
        reverse("assessment:note_update", args=[review.pk, note.pk]), {"text": "Very good."}
    )
    note.refresh_from_db()
    assert note.text == "Very good."
    client.post(reverse("assessment:note_delete", args=[review.pk, note.pk]), **HTMX)
    assert not Note.objects.exists()
