"""A large plan file is imported in the background once confirmed; its page follows it."""

import datetime

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from actionplan import imports
from actionplan.exchange.plan_import import ImportRejected
from actionplan.models import PlanImportJob
from napplanner.problems import cell_problem
from strategy.models import Plan
from tests.actionplan.exchange.xlsx_workbooks import activity_row, matrix_bytes

pytestmark = pytest.mark.django_db

IMPORT = reverse("actionplan:plan_import")
CONFIRM = reverse("actionplan:plan_import_confirm")


@pytest.fixture(autouse=True)
def small_limit(monkeypatch, settings, tmp_path):
    """Two activities count as a large plan here, so the test files stay small."""
    monkeypatch.setattr("actionplan.views_import.BACKGROUND_IMPORT_LIMIT", 1)
    settings.MEDIA_ROOT = tmp_path / "media"


def _preview(client, rows=2):
    data = matrix_bytes([activity_row(n) for n in range(1, rows + 1)])
    response = client.post(IMPORT, {"file": SimpleUploadedFile("big.xlsx", data)})
    assert response.status_code == 200
    return response.context["confirm_form"].initial["token"]


def _confirm(client, token, capture, execute=True):
    with capture(execute=execute):
        return client.post(CONFIRM, {"token": token})


def test_it_imports_a_large_plan_in_the_background(
    client, cast, django_capture_on_commit_callbacks
):
    client.force_login(cast.coordinator)
    response = _confirm(client, _preview(client), django_capture_on_commit_callbacks)

    job = PlanImportJob.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("actionplan:import_job", args=[job.pk])
    assert job.status == PlanImportJob.Status.DONE and job.activities == 2
    plan = Plan.objects.get()
    assert job.plan == plan and plan.activities.count() == 2
    assert plan.memberships.get().user == cast.coordinator
    assert not job.file  # the kept file is removed once read

    page = client.get(response.url).content.decode()
    assert "Imported “" in page
    assert reverse("actionplan:workspace", args=[plan.pk]) in page


def test_the_page_polls_while_the_import_waits_for_a_worker(
    client, cast, django_capture_on_commit_callbacks
):
    client.force_login(cast.coordinator)
    _confirm(client, _preview(client), django_capture_on_commit_callbacks, execute=False)
    job = PlanImportJob.objects.get()
    assert job.status == PlanImportJob.Status.QUEUED
    assert default_storage.exists(job.file.name)
    url = reverse("actionplan:import_job", args=[job.pk])

    fragment = client.get(url, HTTP_HX_REQUEST="true")

    assert b"<html" not in fragment.content
    assert f'hx-get="{url}"'.encode() in fragment.content
    assert b"Queued" in fragment.content
    assert Plan.objects.count() == 0

    imports.plan_import_job_run(job_id=job.pk)
    done = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "hx-get" not in done and "Open the plan" in done


def test_a_confirmed_file_is_imported_once_however_often_confirmed(
    client, cast, django_capture_on_commit_callbacks
):
    client.force_login(cast.coordinator)
    token = _preview(client)
    _confirm(client, token, django_capture_on_commit_callbacks)
    again = _confirm(client, token, django_capture_on_commit_callbacks)
    assert again.status_code == 302
    assert PlanImportJob.objects.count() == 1 and Plan.objects.count() == 1


def test_a_rejected_import_lists_its_problems_and_writes_nothing(
    client, cast, monkeypatch, django_capture_on_commit_callbacks
):
    def reject(**kwargs):
        raise ImportRejected([cell_problem("Activities", 3, "Lead body", "unknown body")])

    client.force_login(cast.coordinator)
    token = _preview(client)
    monkeypatch.setitem(imports.IMPORTERS, "xlsx", (None, reject))
    response = _confirm(client, token, django_capture_on_commit_callbacks)

    job = PlanImportJob.objects.get()
    assert job.status == PlanImportJob.Status.FAILED
    page = client.get(response.url).content.decode()
    assert "Activities sheet, row 3, column “Lead body”: unknown body" in page
    assert "Nothing was created" in page
    assert Plan.objects.count() == 0


def test_an_unexpected_error_fails_the_import_with_a_general_message(
    client, cast, monkeypatch, django_capture_on_commit_callbacks, caplog
):
    def crash(**kwargs):
        raise RuntimeError("internal detail")

    client.force_login(cast.coordinator)
    token = _preview(client)
    monkeypatch.setitem(imports.IMPORTERS, "xlsx", (None, crash))
    response = _confirm(client, token, django_capture_on_commit_callbacks)
    page = client.get(response.url).content.decode()
    assert "failed unexpectedly" in page and "internal detail" not in page
    assert "internal detail" in caplog.text


def test_an_import_whose_worker_died_is_queued_again(
    client, cast, django_capture_on_commit_callbacks
):
    client.force_login(cast.coordinator)
    _confirm(client, _preview(client), django_capture_on_commit_callbacks, execute=False)
    job = PlanImportJob.objects.get()
    PlanImportJob.objects.filter(pk=job.pk).update(
        status=PlanImportJob.Status.RUNNING,
        started_at=timezone.now() - datetime.timedelta(hours=1),
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.get(reverse("actionplan:import_job", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == PlanImportJob.Status.DONE and Plan.objects.count() == 1


def test_a_small_plan_is_still_imported_at_once(client, cast, monkeypatch):
    monkeypatch.setattr("actionplan.views_import.BACKGROUND_IMPORT_LIMIT", 200)
    client.force_login(cast.coordinator)
    response = client.post(CONFIRM, {"token": _preview(client)})
    plan = Plan.objects.get()
    assert response.url == reverse("actionplan:workspace", args=[plan.pk])
    assert not PlanImportJob.objects.exists()


@pytest.mark.parametrize("who", ["coordinator2", "reviewer", "outsider"])
def test_an_import_is_its_importers_alone(client, cast, who, django_capture_on_commit_callbacks):
    client.force_login(cast.coordinator)
    response = _confirm(client, _preview(client), django_capture_on_commit_callbacks)
    client.force_login(getattr(cast, who))
    assert client.get(response.url).status_code == 404


def test_the_import_page_refuses_other_methods_and_anonymous_visitors(
    client, cast, django_capture_on_commit_callbacks
):
    client.force_login(cast.coordinator)
    url = _confirm(client, _preview(client), django_capture_on_commit_callbacks).url
    assert client.post(url).status_code == 405
    client.logout()
    assert client.get(url).status_code == 302
