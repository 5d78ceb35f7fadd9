"""Long downloads are made once per content in the background and served when ready."""

import datetime
from io import StringIO

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from napplanner import renderings
from napplanner.models import Rendering, RenderingStatus
from napplanner.renderings import RenderingRefused, rendering_run
from strategy.models import PlanMembership
from tests.factories import ActivityFactory, SpecificObjectiveFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def own_media_folder(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def plan(cast):
    activity = ActivityFactory()
    PlanMembership.objects.create(plan=activity.plan, user=cast.coordinator, role="editor")
    return activity.plan


def _url(plan):
    return reverse("actionplan:plan_pdf", args=[plan.pk])


def test_it_answers_202_and_queues_one_rendering_however_many_ask(client, cast, plan):
    client.force_login(cast.coordinator)
    first = client.get(_url(plan))
    second = client.get(_url(plan))
    assert first.status_code == second.status_code == 202
    assert first["Retry-After"] == "3"
    assert b"Queued" in first.content
    assert Rendering.objects.filter(kind="plan-pdf", subject_id=plan.pk).count() == 1


def test_it_queues_the_task_once_on_commit(client, cast, plan, django_capture_on_commit_callbacks):
    client.force_login(cast.coordinator)
    with django_capture_on_commit_callbacks() as callbacks:
        client.get(_url(plan))
        client.get(_url(plan))
    assert len(callbacks) == 1


def test_it_serves_the_file_once_made_without_making_it_again(client, cast, plan, download):
    client.force_login(cast.coordinator)
    response = download(_url(plan))
    assert response.status_code == 200
    assert response.getvalue().startswith(b"%PDF-")
    assert response["Content-Disposition"].startswith("attachment; filename=")
    rendering = Rendering.objects.get()
    assert rendering.status == RenderingStatus.READY and rendering.attempts == 1
    assert client.get(_url(plan)).status_code == 200
    assert Rendering.objects.get().attempts == 1


def test_a_change_to_the_plan_makes_a_new_rendering_and_retires_the_old(
    client, cast, plan, download, django_capture_on_commit_callbacks
):
    client.force_login(cast.coordinator)
    download(_url(plan))
    old = Rendering.objects.get()
    activity = plan.activities.get()
    activity.title = "A new title"
    activity.save()

    with django_capture_on_commit_callbacks(execute=True):
        assert client.get(_url(plan)).status_code == 202
    assert client.get(_url(plan)).status_code == 200

    assert list(Rendering.objects.values_list("status", flat=True)) == ["ready"]
    assert Rendering.objects.get().pk != old.pk
    assert not default_storage.exists(old.file.name)


def test_a_failed_rendering_says_why_and_can_be_tried_again(
    client, cast, plan, monkeypatch, django_capture_on_commit_callbacks
):
    renderer = renderings.RENDERERS["plan-pdf"]

    def refuse(plan_id):
        raise RenderingRefused("The plan is too large to print.")

    monkeypatch.setitem(
        renderings.RENDERERS,
        "plan-pdf",
        renderings.Renderer(**{**vars(renderer), "render": refuse}),
    )
    client.force_login(cast.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.get(_url(plan))
    response = client.get(_url(plan))
    assert response.status_code == 202
    assert b"The plan is too large to print." in response.content
    rendering = Rendering.objects.get()
    assert rendering.status == RenderingStatus.FAILED

    monkeypatch.setitem(renderings.RENDERERS, "plan-pdf", renderer)
    url = reverse("rendering_try_again", args=[rendering.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302
    assert client.get(_url(plan)).status_code == 200


def test_an_unexpected_error_is_logged_and_named_only_in_general(
    client, cast, plan, monkeypatch, caplog
):
    renderer = renderings.RENDERERS["plan-pdf"]

    def crash(plan_id):
        raise MemoryError("secret detail")

    monkeypatch.setitem(
        renderings.RENDERERS, "plan-pdf", renderings.Renderer(**{**vars(renderer), "render": crash})
    )
    rendering = renderings.rendering_request(
        kind="plan-pdf", subject_id=plan.pk, user=cast.coordinator
    )
    rendering_run(rendering_id=rendering.pk)
    rendering.refresh_from_db()
    assert rendering.status == RenderingStatus.FAILED
    assert "secret detail" not in rendering.error
    assert "secret detail" in caplog.text


def test_a_rendering_whose_worker_died_is_queued_again_and_never_served_half_made(
    client, cast, plan
):
    rendering = renderings.rendering_request(
        kind="plan-pdf", subject_id=plan.pk, user=cast.coordinator
    )
    # A worker claims it and dies before writing anything.
    Rendering.objects.filter(pk=rendering.pk).update(
        status=RenderingStatus.RENDERING, started_at=timezone.now()
    )
    client.force_login(cast.coordinator)
    assert client.get(_url(plan)).status_code == 202  # still being made: not served

    Rendering.objects.filter(pk=rendering.pk).update(
        started_at=timezone.now() - datetime.timedelta(hours=1)
    )
    again = renderings.rendering_request(kind="plan-pdf", subject_id=plan.pk, user=cast.coordinator)
    assert again.pk == rendering.pk and again.status == RenderingStatus.QUEUED
    rendering_run(rendering_id=rendering.pk)
    assert client.get(_url(plan)).status_code == 200


def test_a_late_worker_does_not_overwrite_the_run_that_replaced_it(cast, plan):
    rendering = renderings.rendering_request(
        kind="plan-pdf", subject_id=plan.pk, user=cast.coordinator
    )
    rendering_run(rendering_id=rendering.pk)
    rendering_run(rendering_id=rendering.pk)  # a duplicate delivery of the same task
    rendering.refresh_from_db()
    assert rendering.attempts == 1
    assert len(list(renderings._stored_files(renderings.UPLOAD_DIR))) == 1


def test_housekeeping_deletes_old_renderings_and_orphaned_files(cast, plan):
    rendering = renderings.rendering_request(
        kind="plan-pdf", subject_id=plan.pk, user=cast.coordinator
    )
    rendering_run(rendering_id=rendering.pk)
    rendering.refresh_from_db()
    orphan = default_storage.save("renderings/orphan.pdf", renderings.ContentFile(b"%PDF-half"))
    Rendering.objects.filter(pk=rendering.pk).update(
        finished_at=timezone.now() - datetime.timedelta(days=30)
    )
    later = timezone.now() + datetime.timedelta(hours=1)
    out = StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(renderings.timezone, "now", lambda: later)
        call_command("renderings_expire", stdout=out)
    assert "1 expired" in out.getvalue() and "1 orphaned files removed" in out.getvalue()
    assert not Rendering.objects.exists()
    assert not default_storage.exists(rendering.file.name)
    assert not default_storage.exists(orphan)


def test_the_status_page_follows_the_rendering(client, cast, plan):
    client.force_login(cast.coordinator)
    client.get(_url(plan))
    rendering = Rendering.objects.get()
    url = reverse("rendering_status", args=[rendering.pk])
    page = client.get(url)
    assert page.status_code == 200 and b"<html" in page.content
    fragment = client.get(url, HTTP_HX_REQUEST="true")
    assert b"<html" not in fragment.content
    assert f'hx-get="{url}"'.encode() in fragment.content
    rendering_run(rendering_id=rendering.pk)
    ready = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "hx-get" not in ready
    assert f'href="{_url(plan)}"' in ready


@pytest.mark.parametrize("who", ["outsider", "standards_admin"])
def test_the_status_page_hides_renderings_of_plans_the_user_may_not_see(client, cast, plan, who):
    rendering = renderings.rendering_request(
        kind="plan-pdf", subject_id=plan.pk, user=cast.coordinator
    )
    client.force_login(getattr(cast, who))
    assert client.get(reverse("rendering_status", args=[rendering.pk])).status_code == 404
    assert client.post(reverse("rendering_try_again", args=[rendering.pk])).status_code == 404


def test_the_status_page_refuses_other_methods_and_anonymous_visitors(client, cast, plan):
    rendering = renderings.rendering_request(
        kind="plan-pdf", subject_id=plan.pk, user=cast.coordinator
    )
    url = reverse("rendering_status", args=[rendering.pk])
    assert client.get(url).status_code == 302
    client.force_login(cast.coordinator)
    assert client.post(url).status_code == 405
    assert client.get(reverse("rendering_try_again", args=[rendering.pk])).status_code == 405


def test_a_large_plan_exports_word_and_excel_in_the_background(
    client, cast, django_capture_on_commit_callbacks
):
    from actionplan import renderings as plan_renderings

    objective = SpecificObjectiveFactory()
    for _ in range(3):
        ActivityFactory(objective=objective)
    plan = objective.plan
    PlanMembership.objects.create(plan=plan, user=cast.coordinator, role="editor")
    client.force_login(cast.coordinator)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(plan_renderings, "INLINE_EXPORT_LIMIT", 2)
        patch.setattr("actionplan.views_export.INLINE_EXPORT_LIMIT", 2)
        patch.setattr("actionplan.views_import.INLINE_EXPORT_LIMIT", 2)
        for name, magic in (("export_docx", b"PK"), ("export_xlsx", b"PK")):
            url = reverse(f"actionplan:{name}", args=[plan.pk])
            with django_capture_on_commit_callbacks(execute=True):
                assert client.get(url).status_code == 202
            response = client.get(url)
            assert response.status_code == 200
            assert response.getvalue().startswith(magic)


@pytest.mark.django_db(transaction=True)
def test_the_database_worker_makes_the_rendering(cast, plan, settings):
    """The real queue and worker: the task row is committed to the database and a
    `db_worker` run (which opens and closes its own connections) picks it up."""
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": ["default", "renderings"],
        }
    }
    rendering = renderings.rendering_request(
        kind="plan-pdf", subject_id=plan.pk, user=cast.coordinator
    )
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    assert Rendering.objects.get().status == RenderingStatus.QUEUED

    call_command(
        "db_worker",
        "--batch",
        "--queue-name",
        "*",
        "--no-startup-delay",
        "--no-reload",
        stdout=StringIO(),
        stderr=StringIO(),
    )

    rendering.refresh_from_db()
    assert rendering.status == RenderingStatus.READY
    assert default_storage.open(rendering.file.name).read().startswith(b"%PDF-")
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_a_kept_file_lost_from_the_storage_is_made_again(client, cast, plan, download):
    client.force_login(cast.coordinator)
    download(_url(plan))
    default_storage.delete(Rendering.objects.get().file.name)
    assert download(_url(plan)).status_code == 200
    assert Rendering.objects.count() == 1
