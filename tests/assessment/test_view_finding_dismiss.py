"""finding_dismiss and finding_restore."""

from django.urls import reverse

from tests.assessment.conftest import login

HTMX = {"HTTP_HX_REQUEST": "true"}


def _url(name, finding):
    return reverse(f"assessment:{name}", args=[finding.review_id, finding.pk])


def test_dismiss_returns_the_finding_partial(client, review, cast):
    finding = review.findings.get(rule="no-monitoring-activities")
    response = login(client, cast.reviewer).post(
        _url("finding_dismiss", finding), {"reason": "Parliament monitors it."}, **HTMX
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dismissed: Parliament monitors it." in html and "<html" not in html
    finding.refresh_from_db()
    assert finding.dismissed


def test_dismiss_without_reason_explains_and_writes_nothing(client, review, cast):
    finding = review.findings.first()
    response = login(client, cast.reviewer).post(_url("finding_dismiss", finding), {}, **HTMX)
    assert "Say why the finding does not apply." in response.content.decode()
    finding.refresh_from_db()
    assert not finding.dismissed


def test_restore_brings_it_back(client, review, cast):
    finding = review.findings.first()
    login(client, cast.reviewer)
    client.post(_url("finding_dismiss", finding), {"reason": "No."})
    response = client.post(_url("finding_restore", finding))
    assert response.status_code == 302  # without htmx: back to the workspace
    finding.refresh_from_db()
    assert not finding.dismissed
