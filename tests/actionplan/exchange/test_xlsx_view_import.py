"""The import page: upload a plan file, see what importing it would create."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actionplan.exchange.json_export import plan_export_json
from actionplan.models import Activity
from actionplan.views_import import STAGING as SESSION_KEY
from strategy.models import Plan
from tests.actionplan.exchange.xlsx_workbooks import BAD_FILES, activity_row, matrix_bytes
from tests.factories import ActivityFactory, PlanFactory

pytestmark = pytest.mark.django_db

URL = reverse("actionplan:plan_import")


def _upload(data: bytes, name="plan.xlsx"):
    return {"file": SimpleUploadedFile(name, data)}


def test_it_shows_the_upload_form_and_the_template_link(client, cast):
    client.force_login(cast.coordinator)

    response = client.get(URL)

    assert response.status_code == 200
    assert b'type="file"' in response.content
    assert reverse("actionplan:import_template").encode() in response.content


def test_it_previews_a_workbook_without_creating_anything(client, cast):
    client.force_login(cast.reviewer)
    data = matrix_bytes([activity_row(1, lead_body="Baku City Police"), activity_row(2)])

    response = client.post(URL, _upload(data))

    assert response.status_code == 200
    preview = response.context["preview"]
    assert preview.counts["activities"] == 2
    assert b"Baku City Police" in response.content
    assert b'data-count="activities">2<' in response.content
    assert b"Create the plan" in response.content
    assert Plan.objects.count() == 0
    assert len(client.session[SESSION_KEY]) == 1


def test_it_lists_the_problems_of_a_bad_workbook(client, cast):
    client.force_login(cast.coordinator)
    data = BAD_FILES["negative-budget"][0]()

    response = client.post(URL, _upload(data))

    assert response.status_code == 400
    assert "Activities sheet, row 2, column “Budget”" in response.content.decode()
    assert b"Create the plan" not in response.content
    assert SESSION_KEY not in client.session
    assert Plan.objects.count() == 0


def test_it_refuses_markup_from_the_workbook_and_shows_it_escaped(client, cast):
    client.force_login(cast.coordinator)
    data = matrix_bytes([activity_row(activity="<script>alert(1)</script>")])

    response = client.post(URL, _upload(data))

    content = response.content.decode()
    assert "Remove the markup" in content
    assert "<script>alert(1)</script>" not in content
    assert not Plan.objects.exists()


def test_it_refuses_a_file_of_another_kind(client, cast):
    client.force_login(cast.coordinator)

    response = client.post(URL, _upload(b"%PDF-1.7", name="plan.pdf"))

    assert response.status_code == 400
    assert "“plan.pdf” is not a file we can import" in response.content.decode()


def test_it_refuses_an_empty_file(client, cast):
    client.force_login(cast.coordinator)

    response = client.post(URL, _upload(b""))

    assert response.status_code == 400
    assert b"empty" in response.content


def _json_document(**plan_values) -> dict:
    plan = PlanFactory(title="NAP exchanged as JSON", **plan_values)
    ActivityFactory(objective__goal__chapter__plan=plan, title="Open a shelter")
    document = plan_export_json(plan=plan)
    plan.delete()
    return document


def test_it_previews_a_json_plan_document_without_keeping_anything(client, cast):
    client.force_login(cast.coordinator)
    data = json.dumps(_json_document()).encode()

    response = client.post(URL, _upload(data, name="plan.json"))

    assert response.status_code == 200
    assert response.context["preview"].counts["activities"] == 1
    assert b"Open a shelter" in response.content
    assert (Plan.objects.count(), Activity.objects.count()) == (0, 0)


def test_it_names_the_json_path_of_a_problem(client, cast):
    client.force_login(cast.coordinator)
    document = {**_json_document(), "version": 99}

    response = client.post(URL, _upload(json.dumps(document).encode(), name="plan.json"))

    assert response.status_code == 400
    assert "$.version: Version 99 is not supported" in response.content.decode()
    assert Plan.objects.count() == 0
