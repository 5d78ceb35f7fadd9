"""Exporting a plan as an Excel activity matrix respects who may see the plan."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import ActivityFactory, PlanFactory

pytestmark = pytest.mark.django_db


def _url(plan):
    return reverse("actionplan:export_xlsx", args=[plan.pk])


def test_it_downloads_the_activity_matrix_of_a_plan_the_user_edits(client, cast):
    plan = PlanFactory(country="Azerbaijan", title="NAP 2014", editors=[cast.coordinator])
    ActivityFactory(plan=plan, title="Train labour inspectors")
    client.force_login(cast.coordinator)

    response = client.get(_url(plan))

    assert response.status_code == 200
    assert 'filename="azerbaijan-nap-2014' in response["Content-Disposition"]
    ws = load_workbook(io.BytesIO(response.content))["Activities"]
    assert ws["F2"].value == "Train labour inspectors"


def test_it_is_offered_in_the_plan_workspace(client, cast):
    plan = PlanFactory(editors=[cast.coordinator])
    client.force_login(cast.coordinator)

    response = client.get(reverse("actionplan:workspace", args=[plan.pk]))

    assert _url(plan).encode() in response.content
