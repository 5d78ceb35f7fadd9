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


def test_others_may_not_write_notes(client, review, cast, other_reviewer):
    note = Note.objects.create(review=review, kind="commendation", scope="overall", text="Good.")
    urls = [
        reverse("assessment:note_create", args=[review.pk]),
        reverse("assessment:note_update", args=[review.pk, note.pk]),
        reverse("assessment:note_delete", args=[review.pk, note.pk]),
    ]
    data = {"kind": "recommendation", "scope": "overall", "text": "Changed."}
    for user, status in [(other_reviewer, 403), (cast.coordinator, 403), (cast.outsider, 404)]:
        for url in urls:
            assert login(client, user).post(url, data).status_code == status
    assert list(Note.objects.values_list("text", flat=True)) == ["Good."]


def test_they_refuse_get(client, review, cast):
    login(client, cast.reviewer)
    assert client.get(reverse("assessment:note_create", args=[review.pk])).status_code == 405
