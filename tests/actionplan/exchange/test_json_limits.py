"""Every plan the application exports as JSON imports back: the import's size limit
holds the export of the largest plan, and a document above the workbook's limit is read
from the upload as it is parsed."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actionplan.exchange.json_document import MAX_DOCUMENT_BYTES
from actionplan.exchange.xlsx_layout import MAX_ACTIVITIES, MAX_FILE_BYTES
from actionplan.synthetic import plan_generate
from strategy.models import Plan
from tests.factories import ActivityFactory, PlanFactory

pytestmark = pytest.mark.django_db
# Generated plans have short texts; a real plan's descriptions may be several times longer.
LONGER_TEXTS = 3


def _export(client, plan) -> bytes:
    return client.get(reverse("actionplan:export_json", args=[plan.pk])).content


def test_it_accepts_the_export_of_the_largest_plan_a_workbook_may_hold(client, cast):
    plan = plan_generate(activities=100, seed=1)
    plan.memberships.create(user=cast.coordinator, role="editor")
    client.force_login(cast.coordinator)

    per_activity = len(_export(client, plan)) / plan.activities.count()

    assert per_activity * MAX_ACTIVITIES * LONGER_TEXTS <= MAX_DOCUMENT_BYTES


def test_it_imports_back_an_export_larger_than_a_workbook_may_be(client, cast):
    plan = PlanFactory(title="A plan with a long background", description="x" * MAX_FILE_BYTES)
    plan.memberships.create(user=cast.coordinator, role="editor")
    ActivityFactory(objective__goal__chapter__plan=plan)
    client.force_login(cast.coordinator)
    data = _export(client, plan)
    assert len(data) > MAX_FILE_BYTES
    plan.delete()

    upload = {"file": SimpleUploadedFile("plan.json", data)}
    preview = client.post(reverse("actionplan:plan_import"), upload)
    token = preview.context["confirm_form"].initial["token"]
    client.post(reverse("actionplan:plan_import_confirm"), {"token": token})

    imported = Plan.objects.get()
    assert (imported.title, len(imported.description)) == (plan.title, MAX_FILE_BYTES)


def test_it_refuses_a_document_over_its_limit(client, cast, monkeypatch):
    monkeypatch.setattr("actionplan.forms_import.IMPORT_LIMITS", {"xlsx": 10, "json": 10})
    client.force_login(cast.coordinator)

    upload = {"file": SimpleUploadedFile("plan.json", b"{" + b" " * 20 + b"}")}
    response = client.post(reverse("actionplan:plan_import"), upload)

    assert response.status_code == 400
    assert "The file is larger than" in response.content.decode()
