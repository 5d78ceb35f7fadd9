"""GET /plans/<id>/export.docx"""

import io

import docx
import pytest
from django.urls import reverse

from strategy.models import PlanStatus


def _url(plan):
    return reverse("actionplan:export_docx", args=[plan.pk])


def test_it_downloads_a_word_file(client, cast, plan):
    client.force_login(cast.coordinator)
    response = client.get(_url(plan))
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert response["Content-Disposition"].endswith('-2019-2023.docx"')
    document = docx.Document(io.BytesIO(response.content))
    assert document.paragraphs[0].text == plan.title


def test_a_reviewer_downloads_an_adopted_plan(client, cast, plan):
    plan.status = PlanStatus.ADOPTED
    plan.save()
    client.force_login(cast.reviewer)
    assert client.get(_url(plan)).status_code == 200


def test_it_refuses_post(client, cast, plan):
    client.force_login(cast.coordinator)
    assert client.post(_url(plan)).status_code == 405


@pytest.mark.parametrize("who", ["outsider", "coordinator2", "reviewer"])
def test_it_hides_a_draft_plan_from_those_who_may_not_see_it(client, cast, plan, who):
    client.force_login(getattr(cast, who))
    assert client.get(_url(plan)).status_code == 404


def test_it_sends_anonymous_visitors_to_sign_in(client, plan):
    assert client.get(_url(plan)).status_code == 302
