"""The workspace as a consultee reads it, and the comment threads it offers on demand."""

from django.urls import reverse

from actionplan.synthetic import plan_generate
from strategy.models import PlanMembership, PlanStatus
from tests.factories import CommentFactory


def test_it_shows_a_consultee_the_plan_read_only_with_a_thread_per_element(client, cast, consulted):
    client.force_login(cast.consultee)
    html = client.get(reverse("actionplan:workspace", args=[consulted.pk])).content.decode()
    assert 'data-testid="read-only"' in html and 'data-ws="edit"' not in html
    # The plan, its chapter, goal, objective, activity and sub-activity each offer theirs.
    assert html.count('class="ws-comments') == 6
    assert f"/plans/{consulted.pk}/activity/{consulted.activity.pk}/comments/" in html
    assert reverse("assessment:plan_reviews", args=[consulted.pk]) not in html
    assert reverse("actionplan:export_json", args=[consulted.pk]) not in html


def test_it_loads_the_comments_only_when_a_thread_is_opened(client, cast, consulted):
    CommentFactory(plan=consulted, author=cast.consultee, text="A comment kept aside.")
    client.force_login(cast.coordinator)
    html = client.get(reverse("actionplan:workspace", args=[consulted.pk])).content.decode()
    assert "A comment kept aside." not in html
    thread = reverse("consultation:plan_thread", args=[consulted.pk])
    assert f'hx-get="{thread}"' in html


def test_it_adds_nothing_to_the_workspace_of_a_plan_out_of_consultation(client, cast, consulted):
    client.force_login(cast.coordinator)
    url = reverse("actionplan:workspace", args=[consulted.pk])
    consulted.status = PlanStatus.ADOPTED
    consulted.save()
    assert "ws-comments" not in client.get(url).content.decode()


def test_its_workspace_query_count_does_not_grow_with_the_comments(
    client, cast, django_assert_max_num_queries
):
    plan = plan_generate(activities=40, seed=3)
    plan.status = PlanStatus.CONSULTATION
    plan.save()
    PlanMembership.objects.create(plan=plan, user=cast.consultee, role="consultee")
    for activity in plan.activities.all()[:20]:
        on_activity = {"element_kind": "activity", "element_id": activity.pk}
        CommentFactory(plan=plan, author=cast.consultee, **on_activity)
    client.force_login(cast.consultee)
    # The editor's budget (tests/actionplan/test_workspace.py), and one more to tell a
    # reader from a consultee.
    with django_assert_max_num_queries(19):
        response = client.get(reverse("actionplan:workspace", args=[plan.pk]))
    assert response.status_code == 200


def test_it_hides_the_members_from_a_consultee(client, cast, consulted):
    client.force_login(cast.consultee)
    html = client.get(reverse("strategy:plan_details", args=[consulted.pk])).content.decode()
    assert 'data-testid="members"' not in html
    client.force_login(cast.coordinator)
    html = client.get(reverse("strategy:plan_details", args=[consulted.pk])).content.decode()
    assert "La Strada" in html  # the editor sees whom the plan consults


def test_it_lists_the_plan_on_a_consultees_home_only_while_in_consultation(client, cast, consulted):
    client.force_login(cast.consultee)
    assert consulted.title in client.get(reverse("home")).content.decode()
    consulted.status = PlanStatus.DRAFT
    consulted.save()
    assert consulted.title not in client.get(reverse("home")).content.decode()


def test_it_offers_a_consultee_no_history_in_an_elements_details(client, cast, consulted):
    panel = reverse(
        "actionplan:element_panel", args=[consulted.pk, "activity", consulted.activity.pk]
    )
    history = reverse(
        "actionplan:element_history", args=[consulted.pk, "activity", consulted.activity.pk]
    )
    client.force_login(cast.consultee)
    read = client.get(panel, HTTP_HX_REQUEST="true")
    assert read.status_code == 200 and history not in read.content.decode()
    client.force_login(cast.coordinator)
    assert history in client.get(panel, HTTP_HX_REQUEST="true").content.decode()
