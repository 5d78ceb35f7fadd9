import pytest
from django.urls import reverse

from actionplan import workspace_views
from actionplan.synthetic import plan_generate
from strategy.models import PlanMembership
from tests.factories import ActivityFactory, StrategicGoalFactory

pytestmark = pytest.mark.django_db


def _url(plan, **params):
    url = reverse("actionplan:workspace", args=[plan.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def test_it_shows_the_whole_tree_with_activity_details_at_a_glance(client, cast, branch):
    client.force_login(cast.coordinator)
    response = client.get(_url(branch.plan))
    assert response.status_code == 200
    html = response.content.decode()
    for element in (branch.chapter, branch.goal, branch.objective, branch.output):
        assert str(element.title) in html
    assert branch.activity.title in html
    assert branch.sub.title in html
    assert "Lead: <b>Ministry of Education</b>" in html
    assert "25,000 EUR" in html
    assert "1 indicator" in html
    assert "Mar 2019 – Nov 2019" in html
    assert 'data-ws="edit"' in html and 'data-ws="up"' in html


def test_it_shows_readers_the_tree_without_edit_controls(client, cast, branch):
    for reader in (cast.reviewer, cast.coordinator2):
        client.force_login(reader)
        response = client.get(_url(branch.plan))
        assert response.status_code == 200
        html = response.content.decode()
        assert branch.activity.title in html
        assert 'data-ws="edit"' not in html and "+ Add" not in html
        assert 'data-testid="read-only"' in html


def test_it_shows_markup_in_titles_as_text(client, cast, branch):
    branch.activity.title = "<script>alert('x')</script> Train judges"
    branch.activity.save()
    client.force_login(cast.coordinator)
    html = client.get(_url(branch.plan)).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Train judges" in html


def test_it_filters_by_chapter(client, cast, branch):
    other_goal = StrategicGoalFactory(chapter__plan=branch.plan, title="Offenders are convicted")
    client.force_login(cast.coordinator)
    html = client.get(_url(branch.plan, chapter=other_goal.chapter.pk)).content.decode()
    assert "Offenders are convicted" in html
    assert branch.goal.title not in html
    assert "0 of 1 activities" in html


def test_it_filters_by_responsible_body(client, cast, branch):
    partnered = ActivityFactory(plan=branch.plan, objective=branch.objective, title="Partnered")
    partnered.responsibilities.create(stakeholder=branch.ngo, role="partner")
    ActivityFactory(plan=branch.plan, objective=branch.objective, title="Nobody's")
    client.force_login(cast.coordinator)
    html = client.get(_url(branch.plan, body=branch.ngo.pk)).content.decode()
    assert "Partnered" in html
    assert branch.activity.title not in html and "Nobody" not in html
    html = client.get(_url(branch.plan, body=branch.ministry.pk)).content.decode()
    assert branch.activity.title in html and "Partnered" not in html


@pytest.mark.parametrize("missing", ["lead", "timeframe", "budget", "indicator"])
def test_it_filters_activities_missing_data(client, cast, branch, missing):
    bare = ActivityFactory(
        plan=branch.plan, objective=branch.objective, title="Bare", start_month=None,
        end_month=None,
    )  # fmt: skip
    client.force_login(cast.coordinator)
    html = client.get(_url(branch.plan, missing=missing)).content.decode()
    assert bare.title in html
    assert branch.activity.title not in html
    assert "1 of 2 activities match" in html


def test_it_prunes_branches_without_matching_activities(client, cast, branch):
    StrategicGoalFactory(plan=branch.plan, chapter=branch.chapter, title="Empty goal")
    client.force_login(cast.coordinator)
    html = client.get(_url(branch.plan, missing="lead")).content.decode()
    assert "Empty goal" not in html
    assert f'id="chapter-{branch.chapter.pk}"' not in html


def test_it_ignores_malformed_filters(client, cast, branch):
    client.force_login(cast.coordinator)
    response = client.get(_url(branch.plan, chapter="x", body="-3", missing="everything"))
    assert response.status_code == 200
    assert branch.activity.title in response.content.decode()


def test_it_hides_reordering_while_filtered(client, cast, branch):
    client.force_login(cast.coordinator)
    html = client.get(_url(branch.plan, missing="budget")).content.decode()
    assert 'data-ws="up"' not in html


def test_it_shows_goals_outside_any_chapter(client, cast, branch):
    StrategicGoalFactory(plan=branch.plan, chapter=None, title="A goal of its own")
    client.force_login(cast.coordinator)
    html = client.get(_url(branch.plan)).content.decode()
    assert "A goal of its own" in html


@pytest.mark.parametrize("size", [10, 200])
def test_its_query_count_does_not_grow_with_the_plan(
    client, cast, size, django_assert_max_num_queries
):
    plan = plan_generate(activities=size, seed=1)
    PlanMembership.objects.create(plan=plan, user=cast.coordinator)
    client.force_login(cast.coordinator)
    # 18, and one to record the visit (what changed since shows on the home page).
    with django_assert_max_num_queries(19):
        response = client.get(_url(plan))
    assert response.status_code == 200
    # A big plan's later chapters load when opened (see test_workspace_chapter.py).
    drawn = response.content.decode().count('class="ws-activity ')
    assert drawn == size if size <= workspace_views.DRAWN_ACTIVITIES else 0 < drawn < size


def test_it_compresses_the_page_for_browsers_that_accept_it(client, cast, branch):
    client.force_login(cast.coordinator)
    response = client.get(_url(branch.plan), HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
