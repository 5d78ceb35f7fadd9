"""The follow-up panel of the workspace, an element's recommendations, linking and
confirming through htmx, and what the reviewer sets on a recommendation."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessment.models import Note, RecommendationFollowUp, RecommendationLink
from tests.assessment.follow_up_world import follow_up_world, reviewed_plan

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def world(cast, framework):
    return follow_up_world(cast, framework)


def _panel(client, user, plan):
    client.force_login(user)
    return client.get(reverse("assessment:follow_up", args=[plan.pk]), **HTMX)


def test_the_panel_lists_the_previous_reviews_recommendations(client, cast, world):
    html = _panel(client, cast.coordinator, world.plan).content.decode()
    assert 'id="follow-up-panel-body"' in html and "<html" not in html
    assert world.from_finding.reference in html and world.by_hand.reference in html
    assert "Consult survivors when planning support." in html
    assert "Not addressed" in html and "The national coordinator" in html
    assert 'name="status"' in html and 'name="element"' in html


def test_a_reader_sees_the_table_without_forms(client, cast, world):
    html = _panel(client, cast.coordinator2, world.plan).content.decode()
    assert world.by_hand.reference in html
    assert "<form" not in html


def test_a_plain_request_gets_a_page(client, cast, world):
    client.force_login(cast.coordinator)
    html = client.get(reverse("assessment:follow_up", args=[world.plan.pk])).content.decode()
    assert "<html" in html and "Follow-up of previous recommendations" in html


def test_linking_a_chapter_shows_it_in_the_table(client, cast, world):
    chapter = world.element("chapter")
    client.force_login(cast.coordinator)
    response = client.post(
        reverse("assessment:follow_up_link", args=[world.plan.pk]),
        {"recommendation": world.by_hand.pk, "element": f"chapter:{chapter.pk}"},
        **HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 200 and str(chapter) in html
    assert RecommendationLink.objects.get().chapter == chapter


def test_a_recommendation_of_another_plans_review_is_refused_with_the_reason(
    client, cast, world, framework
):
    _, other_review = reviewed_plan(cast, framework, recommendations=1)
    foreign = other_review.notes.get()
    client.force_login(cast.coordinator)
    response = client.post(
        reverse("assessment:follow_up_link", args=[world.plan.pk]),
        {"recommendation": foreign.pk, "element": f"goal:{world.element('goal').pk}"},
        **HTMX,
    )
    html = response.content.decode()
    assert "Only a recommendation of the final review of the plan this plan follows" in html
    assert not RecommendationLink.objects.exists()


def test_an_element_of_another_plan_is_refused(client, cast, world):
    client.force_login(cast.coordinator)
    foreign = world.previous.goals.get()
    response = client.post(
        reverse("assessment:follow_up_link", args=[world.plan.pk]),
        {"recommendation": world.by_hand.pk, "element": f"goal:{foreign.pk}"},
        **HTMX,
    )
    assert "Choose an element of this plan." in response.content.decode()
    assert not RecommendationLink.objects.exists()


def test_confirming_records_the_status_who_and_when(client, cast, world):
    client.force_login(cast.coordinator)
    response = client.post(
        reverse("assessment:follow_up_confirm", args=[world.plan.pk, world.by_hand.pk]),
        {"status": "partly"},
        **HTMX,
    )
    confirmed = RecommendationFollowUp.objects.get()
    assert (confirmed.status, confirmed.confirmed_by) == ("partly", cast.coordinator)
    assert "Partly addressed" in response.content.decode()


def test_an_activity_links_from_its_details(client, cast, world):
    activity = world.element("activity")
    url = reverse("assessment:follow_up_element", args=[world.plan.pk, "activity", activity.pk])
    client.force_login(cast.coordinator)
    html = client.get(url, **HTMX).content.decode()
    assert "Recommendations it answers" in html and world.by_hand.reference in html
    html = client.post(url, {"recommendation": world.by_hand.pk}, **HTMX).content.decode()
    link = RecommendationLink.objects.get()
    assert link.activity == activity
    unlink = reverse(
        "assessment:follow_up_element_unlink",
        args=[world.plan.pk, "activity", activity.pk, link.pk],
    )
    assert unlink in html
    client.post(unlink, **HTMX)
    assert not RecommendationLink.objects.exists()


def test_the_element_panel_loads_its_recommendations_on_demand(client, cast, world):
    activity = world.element("activity")
    client.force_login(cast.coordinator)
    html = client.get(
        reverse("actionplan:element_panel", args=[world.plan.pk, "activity", activity.pk]),
        **HTMX,
    ).content.decode()
    url = reverse("assessment:follow_up_element", args=[world.plan.pk, "activity", activity.pk])
    assert f'hx-get="{url}"' in html


def _panel_queries(client, plan) -> int:
    url = reverse("assessment:follow_up", args=[plan.pk])
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, **HTMX).status_code == 200
    return len(queries)


def test_the_panel_reads_in_a_fixed_number_of_queries(client, cast, world):
    client.force_login(cast.coordinator)
    few = _panel_queries(client, world.plan)
    for n in range(6):
        note = Note.objects.create(
            review=world.review, kind="recommendation", text=f"More {n}.", reference=f"X-{n}"
        )
        for kind in ("chapter", "goal", "activity"):
            RecommendationLink.objects.create(
                recommendation=note, plan=world.plan, **{kind: world.element(kind)}
            )
    assert _panel_queries(client, world.plan) == few


def _workspace(client, plan):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("actionplan:workspace", args=[plan.pk]))
    return response.content.decode(), len(queries)


def test_the_workspace_offers_the_panel_without_loading_it(client, cast, world):
    client.force_login(cast.coordinator)
    html, queries = _workspace(client, world.plan)
    assert reverse("assessment:follow_up", args=[world.plan.pk]) in html
    assert "follow-up-table" not in html and world.by_hand.reference not in html
    for n in range(6):
        Note.objects.create(review=world.review, kind="recommendation", text=f"More {n}.")
    more_html, more_queries = _workspace(client, world.plan)
    assert (len(more_html), more_queries) == (len(html), queries)


def test_a_plan_following_nothing_has_no_follow_up_in_its_workspace(client, cast, world):
    client.force_login(cast.coordinator)
    html, _ = _workspace(client, world.previous)
    assert "follow-up-panel" not in html


def test_the_reviewer_sets_priority_and_addressee(client, cast, framework):
    plan, review = reviewed_plan(cast, framework, recommendations=1)
    note = review.notes.get()
    body = plan.stakeholders.get()
    client.force_login(cast.reviewer)
    response = client.post(
        reverse("assessment:recommendation_update", args=[review.pk, note.pk]),
        {"priority": "high", "addressee": body.pk},
        **HTMX,
    )
    html = response.content.decode()
    note.refresh_from_db()
    assert (note.priority, note.addressee) == ("high", body)
    assert "Ministry of Labour" in html and "High" in html
    assert note.reference in html
