import pytest
from django.urls import reverse

from strategy.models import PlanStatus
from tests.factories import PlanFactory

pytestmark = pytest.mark.django_db


def test_it_sends_anonymous_visitors_to_sign_in(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_it_lists_only_the_plans_a_coordinator_belongs_to(client, cast):
    mine = PlanFactory(title="Mine 2019", editors=[cast.coordinator])
    PlanFactory(title="Someone else's draft", editors=[cast.coordinator2])
    client.force_login(cast.coordinator)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert list(response.context["plans"]) == [mine]
    assert b"Someone else&#x27;s draft" not in response.content


def test_it_shows_reviewers_plans_beyond_drafting(client, cast):
    adopted = PlanFactory(title="Adopted plan", status=PlanStatus.ADOPTED)
    PlanFactory(title="A draft", status=PlanStatus.DRAFT)
    client.force_login(cast.reviewer)
    response = client.get(reverse("home"))
    assert list(response.context["plans"]) == [adopted]


def test_it_shows_an_outsider_no_plans(client, cast):
    PlanFactory(status=PlanStatus.ADOPTED)
    client.force_login(cast.outsider)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert list(response.context["plans"]) == []
    assert b"no plans you can see" in response.content


def test_it_offers_each_role_its_own_links(client, cast):
    client.force_login(cast.coordinator)
    content = client.get(reverse("home")).content.decode()
    assert 'data-role="coordinator"' in content
    assert 'data-role="standards-admin"' not in content
    client.force_login(cast.standards_admin)
    content = client.get(reverse("home")).content.decode()
    assert 'data-role="standards-admin"' in content
    assert 'data-role="coordinator"' not in content


def test_it_escapes_plan_titles(client, cast):
    PlanFactory(title="<script>alert(1)</script>", editors=[cast.coordinator])
    client.force_login(cast.coordinator)
    content = client.get(reverse("home")).content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content


def test_it_shows_the_version_in_the_footer(client, cast, settings):
    client.force_login(cast.coordinator)
    assert f"NAP Planner {settings.VERSION}" in client.get(reverse("home")).content.decode()


def test_it_links_each_plan_to_its_workspace(client, cast):
    plan = PlanFactory(title="Mine 2019", editors=[cast.coordinator])
    client.force_login(cast.coordinator)
    content = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("actionplan:workspace", args=[plan.pk])}"' in content
