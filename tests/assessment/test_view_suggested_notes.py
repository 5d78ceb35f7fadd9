"""suggested_note_accept, suggested_note_reject and suggested_note_restore."""

import pytest
from django.urls import reverse

from assessment.models import Note, SuggestedNote
from assessment.services import review_create, review_finalise, review_run
from tests.assessment.conftest import login

HTMX = {"HTTP_HX_REQUEST": "true"}


def _url(name, suggestion):
    return reverse(f"assessment:{name}", args=[suggestion.review_id, suggestion.pk])


def _recommendation(review, component="SF"):
    return review.suggested_notes.get(
        kind="recommendation", component_code=component, rule="no-monitoring-activities"
    )


def test_the_workspace_lists_suggested_commendations_and_recommendations(client, review, cast):
    login(client, cast.reviewer)
    html = client.get(reverse("assessment:review_detail", args=[review.pk])).content.decode()
    # The workspace loads them when the reader reaches them; without JavaScript, a link.
    url = reverse("assessment:suggested_notes", args=[review.pk])
    assert 'id="suggested-notes"' in html and f'href="{url}"' in html
    for headers in ({"HTTP_HX_REQUEST": "true"}, {}):
        html = client.get(url, **headers).content.decode()
        assert 'id="suggested-notes"' in html
        assert "Accept into notes" in html
        assert review.suggested_notes.filter(kind="commendation").exists()
        assert _recommendation(review).text in html
        assert ("<html" in html) is not bool(headers)


def test_accept_makes_a_note_and_answers_with_both_partials(client, review, cast, framework):
    suggestion = _recommendation(review)
    response = login(client, cast.reviewer).post(_url("suggested_note_accept", suggestion), **HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert 'id="notes-list" hx-swap-oob="true"' in html
    note = Note.objects.get()
    assert (note.kind, note.scope, note.component.code) == ("recommendation", "component", "SF")
    assert note.text == suggestion.text
    suggestion.refresh_from_db()
    assert suggestion.status == "accepted" and suggestion.note == note
    assert f'id="suggested-{suggestion.pk}"' not in html.split('id="notes-list"')[0]


def test_accept_keeps_the_reviewers_edit(client, review, cast):
    suggestion = review.suggested_notes.filter(kind="commendation").first()
    login(client, cast.reviewer).post(
        _url("suggested_note_accept", suggestion), {"text": "  Our own words on the plan.  "}
    )
    note = Note.objects.get()
    assert (note.text, note.kind) == ("Our own words on the plan.", suggestion.kind)


def test_accept_refuses_markup_and_writes_nothing(client, review, cast):
    suggestion = _recommendation(review)
    response = login(client, cast.reviewer).post(
        _url("suggested_note_accept", suggestion), {"text": "<script>x</script>"}, **HTMX
    )
    assert response.status_code == 200 and 'role="alert"' in response.content.decode()
    assert not Note.objects.exists()


def test_a_rejection_survives_running_the_checks_again(client, review, cast):
    suggestion = _recommendation(review)
    response = login(client, cast.reviewer).post(_url("suggested_note_reject", suggestion))
    assert response.status_code == 302  # without htmx: back to the suggestions page
    review_run(review=review)
    suggestion.refresh_from_db()
    assert suggestion.status == "rejected" and suggestion.is_current
    html = client.get(reverse("assessment:review_detail", args=[review.pk])).content.decode()
    assert "1 rejected suggestion" in html


def test_restore_opens_a_rejected_suggestion_again(client, review, cast):
    suggestion = _recommendation(review)
    login(client, cast.reviewer)
    client.post(_url("suggested_note_reject", suggestion))
    client.post(_url("suggested_note_restore", suggestion), **HTMX)
    suggestion.refresh_from_db()
    assert suggestion.status == "open"


@pytest.mark.parametrize(
    "name", ["suggested_note_accept", "suggested_note_reject", "suggested_note_restore"]
)
def test_they_refuse_get(client, review, cast, name):
    suggestion = _recommendation(review)
    assert login(client, cast.reviewer).get(_url(name, suggestion)).status_code == 405


@pytest.mark.parametrize("name", ["suggested_note_accept", "suggested_note_reject"])
def test_others_may_not_decide(client, review, cast, other_reviewer, name):
    suggestion = _recommendation(review)
    for user, status in [(other_reviewer, 403), (cast.coordinator, 403), (cast.outsider, 404)]:
        assert login(client, user).post(_url(name, suggestion)).status_code == status
    suggestion.refresh_from_db()
    assert suggestion.status == "open" and not Note.objects.exists()


def test_a_final_review_refuses_decisions(client, review, cast):
    suggestion = _recommendation(review)
    review_finalise(review=review, user=cast.reviewer)
    response = login(client, cast.reviewer).post(_url("suggested_note_accept", suggestion))
    assert response.status_code == 403


def test_a_suggestion_of_another_review_is_404(client, review, cast, framework, plan):
    other = review_create(plan=plan, framework=framework, user=cast.superuser)
    suggestion = other.suggested_notes.first()
    url = reverse("assessment:suggested_note_accept", args=[review.pk, suggestion.pk])
    assert login(client, cast.reviewer).post(url).status_code == 404


def test_recommendations_are_said_once_per_component(review):
    texts = list(
        review.suggested_notes.filter(kind="recommendation").values_list("component_code", "text")
    )
    assert len(texts) == len(set(texts))
    assert SuggestedNote.objects.filter(review=review, kind="commendation").exists()


def test_dismissing_the_finding_behind_a_recommendation_withdraws_it(client, review, cast):
    from assessment.services import finding_dismiss, finding_restore

    suggestion = _recommendation(review)
    finding = review.findings.get(rule="no-monitoring-activities")
    finding_dismiss(finding=finding, user=cast.reviewer, reason="Parliament monitors it.")
    suggestion.refresh_from_db()
    assert not suggestion.is_current
    finding_restore(finding=finding, user=cast.reviewer)
    suggestion.refresh_from_db()
    assert suggestion.is_current and suggestion.status == "open"
