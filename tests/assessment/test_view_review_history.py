"""review_history: who changed a review's notes, ratings and dismissals, and how."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.assessment.conftest import login


def _url(name, obj):
    return reverse(f"assessment:{name}", args=[obj.review_id, obj.pk])


def _history(client, review):
    response = client.get(reverse("assessment:review_history", args=[review.pk]))
    assert response.status_code == 200
    return response


def test_it_lists_an_override_a_dismissal_and_a_note_with_who_and_what(client, review, cast):
    login(client, cast.reviewer)
    rating = review.ratings.get(code="IP.6")
    client.post(
        _url("rating_override", rating), {"level": "complete", "justification": "Police & courts."}
    )
    finding = review.findings.get(rule="no-monitoring-activities")
    client.post(_url("finding_dismiss", finding), {"reason": "Parliament monitors it."})
    response = _history(client, review)
    entries = response.context["entries"]
    assert [e.kind for e in entries] == ["finding", "rating"]
    assert all(e.history_user == cast.reviewer for e in entries)
    dismissal = {c.label: (c.old, c.new) for c in entries[0].changes}
    assert dismissal["Dismissed"][1] == "yes"
    assert dismissal["Dismissed reason"] == ("—", "Parliament monitors it.")
    override = {c.label: (c.old, c.new) for c in entries[1].changes}
    assert override["Override level"] == ("—", "Covered by complete activities")
    assert "Police &amp; courts." in response.content.decode()


def test_its_query_count_does_not_grow_with_the_entries(client, review, cast):
    login(client, cast.reviewer)
    rating = review.ratings.get(code="IP.6")

    def override(text):
        client.post(_url("rating_override", rating), {"level": "complete", "justification": text})

    def count():
        with CaptureQueriesContext(connection) as queries:
            _history(client, review)
        return len(queries)

    override("First.")
    override("Second.")
    few = count()
    for n in range(10):
        override(f"Reason {n}.")
    assert count() <= few


def test_a_reader_of_the_plan_sees_the_history(client, review, cast):
    login(client, cast.reviewer)
    rating = review.ratings.get(code="IP.6")
    client.post(_url("rating_override", rating), {"level": "complete", "justification": "Yes."})
    client.force_login(cast.coordinator)
    assert _history(client, review).context["entries"]
