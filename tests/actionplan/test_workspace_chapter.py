"""A big plan's workspace draws the chapters past its first activities closed and loads
each when it is opened (actionplan:chapter_tree); the filters still search the whole plan."""

import re

import pytest
from django.urls import reverse

from actionplan import workspace_views
from actionplan.synthetic import plan_generate
from strategy.models import PlanMembership
from tests.factories import (
    ActivityFactory,
    ChapterFactory,
    SpecificObjectiveFactory,
    StrategicGoalFactory,
    SubActivityFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def later(branch, monkeypatch):
    """A second chapter after `branch`'s, which a budget of one activity draws closed."""
    monkeypatch.setattr(workspace_views, "DRAWN_ACTIVITIES", 1)
    chapter = ChapterFactory(plan=branch.plan, code="4", title="Prosecution")
    goal = StrategicGoalFactory(plan=branch.plan, chapter=chapter, code="G2")
    objective = SpecificObjectiveFactory(plan=branch.plan, goal=goal, code="O2")
    activity = ActivityFactory(
        plan=branch.plan, objective=objective, code="A9", title="Train prosecutors"
    )
    SubActivityFactory(activity=activity, code="A9.1", title="Write a casebook")
    return activity


def _workspace(plan, query=""):
    return reverse("actionplan:workspace", args=[plan.pk]) + query


def _chapter_url(plan, chapter):
    return reverse("actionplan:chapter_tree", args=[plan.pk, chapter.pk])


def test_it_draws_the_chapters_past_the_first_activities_closed(client, cast, branch, later):
    client.force_login(cast.coordinator)
    html = client.get(_workspace(branch.plan)).content.decode()
    assert branch.activity.title in html
    chapter = later.objective.goal.chapter
    assert "Prosecution" in html and "Train prosecutors" not in html
    assert f'<details id="chapter-{chapter.pk}" class="ws-chapter card mb-3">' in html
    assert f'hx-get="{_chapter_url(branch.plan, chapter)}"' in html
    assert f'href="{_chapter_url(branch.plan, chapter)}"' in html  # without JavaScript


def test_it_loads_a_closed_chapter_for_htmx(htmx, cast, branch, later):
    htmx.force_login(cast.coordinator)
    response = htmx.get(_chapter_url(branch.plan, later.objective.goal.chapter))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert "Train prosecutors" in html and "Write a casebook" in html
    assert branch.activity.title not in html
    # A chapter loaded on opening is edited and reordered like one drawn at once.
    assert 'data-ws="edit"' in html and 'data-ws="up"' in html and "+ Add activity" in html


def test_it_shows_a_plain_request_the_workspace_with_the_chapter_open(client, cast, branch, later):
    client.force_login(cast.coordinator)
    chapter = later.objective.goal.chapter
    response = client.get(_chapter_url(branch.plan, chapter))
    assert response.status_code == 302
    assert response.url == _workspace(branch.plan, f"?open={chapter.pk}#chapter-{chapter.pk}")
    html = client.get(response.url).content.decode()
    assert "Train prosecutors" in html and branch.activity.title in html


def test_it_leads_back_to_an_element_of_a_closed_chapter_with_it_open(client, cast, branch, later):
    client.force_login(cast.coordinator)
    url = reverse("actionplan:element", args=[branch.plan.pk, "activity", later.pk])
    chapter = later.objective.goal.chapter
    anchor = f"?open={chapter.pk}#activity-{later.pk}"
    assert client.get(url).url == _workspace(branch.plan, anchor)


def test_it_lets_readers_open_a_chapter_without_edit_controls(htmx, cast, branch, later):
    htmx.force_login(cast.coordinator2)
    html = htmx.get(_chapter_url(branch.plan, later.objective.goal.chapter)).content.decode()
    assert "Train prosecutors" in html
    assert 'data-ws="edit"' not in html and "+ Add" not in html


def test_it_hides_the_chapters_of_a_plan_the_user_may_not_see(htmx, cast, branch, later):
    htmx.force_login(cast.outsider)
    response = htmx.get(_chapter_url(branch.plan, later.objective.goal.chapter))
    assert response.status_code == 404


def test_it_answers_404_for_a_chapter_of_another_plan(htmx, cast, branch, other_plan_branch):
    htmx.force_login(cast.coordinator)
    chapter = other_plan_branch.objective.goal.chapter
    assert htmx.get(_chapter_url(branch.plan, chapter)).status_code == 404


def test_it_refuses_a_post(htmx, cast, branch, later):
    htmx.force_login(cast.coordinator)
    assert htmx.post(_chapter_url(branch.plan, later.objective.goal.chapter)).status_code == 405


@pytest.mark.parametrize(
    "query",
    [
        "?q=prosecutors",
        "?q=CASEBOOK",  # a sub-activity's title, in another case
        "?q=A9",
        "?missing=lead",
        "?chapter={chapter}",
    ],
)
def test_the_filters_find_an_activity_in_a_closed_chapter(client, cast, branch, later, query):
    client.force_login(cast.coordinator)
    query = query.format(chapter=later.objective.goal.chapter.pk)
    html = client.get(_workspace(branch.plan, query)).content.decode()
    assert "Train prosecutors" in html
    assert branch.activity.title not in html
    assert "1 of 2 activities match" in html
    assert "ws-chapter-load" not in html  # what matches is drawn, not loaded later


def test_the_filters_find_an_activity_a_body_leads_in_a_closed_chapter(client, cast, branch, later):
    later.responsibilities.create(stakeholder=branch.ngo, role="lead")
    client.force_login(cast.coordinator)
    html = client.get(_workspace(branch.plan, f"?body={branch.ngo.pk}")).content.decode()
    assert "Train prosecutors" in html and branch.activity.title not in html


def test_the_text_search_finds_a_goal_without_activities(client, cast, branch, later):
    StrategicGoalFactory(plan=branch.plan, chapter=later.objective.goal.chapter,
                         code="G3", title="Victims are compensated")  # fmt: skip
    client.force_login(cast.coordinator)
    html = client.get(_workspace(branch.plan, "?q=compensated")).content.decode()
    assert "Victims are compensated" in html
    assert "Train prosecutors" not in html and branch.activity.title not in html
    assert "0 of 2 activities match" in html


def test_the_text_search_keeps_what_is_under_a_goal_found(client, cast, branch, later):
    client.force_login(cast.coordinator)
    html = client.get(_workspace(branch.plan, f"?q={later.objective.goal.title}")).content
    assert "Train prosecutors" in html.decode()


def test_the_text_search_shows_its_text_back_escaped(client, cast, branch):
    client.force_login(cast.coordinator)
    html = client.get(_workspace(branch.plan, "?q=%3Cb%3Ex")).content.decode()
    assert 'value="&lt;b&gt;x"' in html


@pytest.mark.parametrize("size", [10, 300])
def test_its_query_count_does_not_grow_with_the_chapter(
    htmx, cast, size, django_assert_max_num_queries
):
    plan = plan_generate(activities=size, seed=1)
    PlanMembership.objects.create(plan=plan, user=cast.coordinator)
    htmx.force_login(cast.coordinator)
    chapter = plan.chapters.order_by("order", "pk").last()
    with django_assert_max_num_queries(20):
        response = htmx.get(_chapter_url(plan, chapter))
    expected = plan.activities.filter(objective__goal__chapter=chapter).count()
    assert response.content.decode().count('class="ws-activity ') == expected > 0


def test_the_page_and_its_chapters_show_every_activity_of_a_big_plan(client, cast):
    plan = plan_generate(activities=400, seed=2)
    PlanMembership.objects.create(plan=plan, user=cast.coordinator)
    client.force_login(cast.coordinator)
    html = client.get(_workspace(plan)).content.decode()
    assert len(html) < 300_000
    shown = html.count('class="ws-activity ')
    for url in re.findall(r'hx-get="([^"]+/tree/)"', html):
        shown += (
            client.get(url, HTTP_HX_REQUEST="true").content.decode().count('class="ws-activity ')
        )
    assert shown == 400
