"""GET /plans/<id>/export.json"""

import json

from django.urls import reverse

from actionplan.exchange.json_export import plan_export_json
from tests.factories import (
    ActivityFactory,
    ChapterFactory,
    PlanFactory,
    SpecificObjectiveFactory,
    StrategicGoalFactory,
)


def _url(plan):
    return reverse("actionplan:export_json", args=[plan.pk])


def test_it_downloads_the_plan_document(client, cast, plan):
    client.force_login(cast.coordinator)
    response = client.get(_url(plan))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == (
        'attachment; filename="utopia-national-action-plan-against-trafficking-in-human-beings'
        '-2019-2023.json"'
    )
    assert json.loads(response.content) == plan_export_json(plan=plan)


def test_it_sends_anonymous_visitors_to_sign_in(client, plan):
    response = client.get(_url(plan))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_its_queries_do_not_grow_with_the_plan(client, cast, django_assert_max_num_queries):
    plan = PlanFactory(editors=[cast.coordinator])
    goal = StrategicGoalFactory(chapter=ChapterFactory(plan=plan))
    objective = SpecificObjectiveFactory(goal=goal)
    client.force_login(cast.coordinator)
    for total in (5, 55):
        ActivityFactory.create_batch(total - objective.activities.count(), objective=objective)
        with django_assert_max_num_queries(30):
            response = client.get(_url(plan))
        exported = json.loads(response.content)["chapters"][0]["goals"][0]["objectives"][0]
        assert len(exported["activities"]) == total
