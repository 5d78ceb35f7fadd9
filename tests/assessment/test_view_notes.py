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


def test_a_refused_note_keeps_what_was_typed_and_marks_the_field(client, review, cast):
    """The problem stands under its field, where the form's error summary links to it,
    and nothing typed is lost."""
    response = login(client, cast.reviewer).post(
        reverse("assessment:note_create", args=[review.pk]),
        {"kind": "recommendation", "scope": "component", "title": "Data",
         "text": "Collect data on victims."},
        **HTMX,
    )  # fmt: skip
    html = response.content.decode()
    assert 'aria-describedby="id_component_error"' in html
    assert 'id="id_component_error"' in html and "is-invalid" in html
    assert ">Collect data on victims.</textarea>" in html and 'value="Data"' in html
    assert '<option value="component" selected>' in html
    assert 'role="alert">Choose the component' not in html  # said once, at the field


def test_an_emptied_note_is_refused_at_its_field(client, review, cast):
    note = Note.objects.create(review=review, kind="commendation", scope="overall", text="Good.")
    response = login(client, cast.reviewer).post(
        reverse("assessment:note_update", args=[review.pk, note.pk]), {"text": " "}, **HTMX
    )
    html = response.content.decode()
    assert f'id="note-text-{note.pk}_error"' in html
    assert f'aria-describedby="note-text-{note.pk}_error"' in html
    assert Note.objects.get(pk=note.pk).text == "Good."


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
