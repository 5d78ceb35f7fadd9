import datetime

import pytest
from django.urls import reverse

from tests.actionplan.plan_pages import plan_page_of_size
from tests.factories import ActivityFactory, ChapterFactory, PlanFactory, SpecificObjectiveFactory

pytestmark = pytest.mark.django_db


def _url(plan):
    return reverse("actionplan:timeline", args=[plan.pk])


def test_it_shows_activities_by_chapter_with_a_chart_and_a_table(client, cast):
    plan = PlanFactory(editors=[cast.coordinator], period_start=2019, period_end=2023)
    chapter = ChapterFactory(plan=plan, code="3", title="Protection of victims")
    objective = SpecificObjectiveFactory(goal__chapter=chapter, goal__plan=plan)
    ActivityFactory(
        objective=objective,
        title="Open a shelter",
        start_month=datetime.date(2020, 2, 1),
        end_month=datetime.date(2021, 6, 1),
    )
    ActivityFactory(objective=objective, title="Vague support", start_month=None, end_month=None)
    ChapterFactory(plan=plan, title="Empty chapter")
    client.force_login(cast.coordinator)
    response = client.get(_url(plan))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html
    assert "3 Protection of victims" in html
    assert "Feb 2020" in html and "Jun 2021" in html
    assert "No timeframe" in html
    assert "No activities in this chapter." in html
    assert "January 2019 – December 2023" in html


def test_it_escapes_markup_in_the_chart_and_the_table(client, cast):
    plan = PlanFactory(editors=[cast.coordinator], title="<i>NAP</i>")
    ActivityFactory(plan=plan, objective__goal__chapter__plan=plan, title="<script>x()</script>")
    client.force_login(cast.coordinator)
    html = client.get(_url(plan)).content.decode()
    assert "<script>x()" not in html
    assert "<i>NAP" not in html
    assert html.count("&lt;script&gt;x()&lt;/script&gt;") >= 2


@pytest.mark.parametrize("size", [6, 60])
def test_it_needs_the_same_number_of_queries_for_any_plan_size(
    client, cast, django_assert_max_num_queries, size
):
    url = plan_page_of_size(client, cast.coordinator, "actionplan:timeline", size)
    with django_assert_max_num_queries(9):
        response = client.get(url)
    assert response.content.decode().count('rx="2"') == size
