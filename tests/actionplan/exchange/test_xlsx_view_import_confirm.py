"""Confirming an import: the previewed file becomes a new plan, once."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from actionplan.exchange.json_export import plan_export_json
from actionplan.exchange.xlsx_import import plan_import_xlsx
from actionplan.models import Activity
from actionplan.views_import import IMPORTERS
from actionplan.views_import import STAGING as SESSION_KEY
from strategy.models import Plan
from tests.actionplan.exchange.xlsx_workbooks import activity_row, matrix_bytes
from tests.factories import ActivityFactory, PlanFactory

pytestmark = pytest.mark.django_db

URL = reverse("actionplan:plan_import_confirm")


def _preview(client, data=None) -> str:
    data = data or matrix_bytes([activity_row(1), activity_row(2)])
    upload = {"file": SimpleUploadedFile("plan.xlsx", data)}
    response = client.post(reverse("actionplan:plan_import"), upload)
    assert response.status_code == 200, response.content
    return response.context["confirm_form"].initial["token"]


def test_it_creates_the_plan_and_makes_the_importer_its_editor(client, cast):
    client.force_login(cast.reviewer)
    token = _preview(client)

    response = client.post(URL, {"token": token}, follow=True)

    plan = Plan.objects.get()
    assert plan.activities.count() == 2
    assert Plan.objects.editable_by(cast.reviewer).get() == plan
    assert response.redirect_chain
    assert "Imported" in response.content.decode()
    assert token not in client.session.get(SESSION_KEY, {})


def test_it_imports_a_json_plan_document_and_opens_its_workspace(client, cast):
    plan = PlanFactory(title="NAP exchanged as JSON")
    ActivityFactory(objective__goal__chapter__plan=plan)
    data = json.dumps(plan_export_json(plan=plan)).encode()
    plan.delete()
    client.force_login(cast.coordinator)
    upload = {"file": SimpleUploadedFile("plan.json", data)}
    token = client.post(reverse("actionplan:plan_import"), upload).context["confirm_form"]
    token = token.initial["token"]

    response = client.post(URL, {"token": token})

    imported = Plan.objects.get()
    assert (imported.title, imported.activities.count()) == ("NAP exchanged as JSON", 1)
    assert response["Location"] == reverse("actionplan:workspace", args=[imported.pk])
    assert Plan.objects.editable_by(cast.coordinator).get() == imported


def test_it_does_not_import_the_same_preview_twice(client, cast):
    client.force_login(cast.coordinator)
    token = _preview(client)
    client.post(URL, {"token": token})

    response = client.post(URL, {"token": token}, follow=True)

    assert response.status_code == 200
    assert Plan.objects.count() == 1
    assert "already been imported once" in response.content.decode()


def test_it_imports_once_when_two_tabs_confirm_at_the_same_moment(client, cast, monkeypatch):
    client.force_login(cast.coordinator)
    token = _preview(client)
    tab = Client()
    tab.force_login(cast.coordinator)
    # The second tab's confirmation arrives while the first is still importing.
    session = tab.session
    session[SESSION_KEY] = client.session[SESSION_KEY]
    session.save()
    seen = {}

    def confirm_in_the_other_tab(*, file, user, name):
        seen["response"] = tab.post(URL, {"token": token}, follow=True)
        return plan_import_xlsx(file=file, user=user, name=name)

    monkeypatch.setitem(IMPORTERS, "xlsx", (None, confirm_in_the_other_tab))

    response = client.post(URL, {"token": token})

    assert response.status_code == 302
    assert Plan.objects.count() == 1
    assert "already been imported once" in seen["response"].content.decode()


def test_it_refuses_a_token_from_another_session(client, cast, django_user_model):
    client.force_login(cast.coordinator)
    token = _preview(client)
    client.logout()
    client.force_login(cast.coordinator2)

    response = client.post(URL, {"token": token})

    assert response.status_code == 302
    assert Plan.objects.count() == 0


def test_it_refuses_an_expired_preview(client, cast, monkeypatch):
    client.force_login(cast.coordinator)
    token = _preview(client)
    monkeypatch.setattr("napplanner.upload_staging.LIFETIME_SECONDS", -1)

    client.post(URL, {"token": token})

    assert Plan.objects.count() == 0


def test_it_writes_nothing_when_the_file_no_longer_validates(client, cast, monkeypatch):
    client.force_login(cast.coordinator)
    token = _preview(client)
    # What the file refers to changed between preview and confirmation.
    monkeypatch.setattr("actionplan.exchange.xlsx_layout.MAX_ACTIVITIES", 1)
    monkeypatch.setattr("actionplan.exchange.xlsx_document.MAX_ACTIVITIES", 1)

    response = client.post(URL, {"token": token})

    assert response.status_code == 400
    assert "at most 1 can be imported" in response.content.decode()
    assert (Plan.objects.count(), Activity.objects.count()) == (0, 0)
