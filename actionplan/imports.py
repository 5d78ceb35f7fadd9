"""Importing a plan file once its preview is confirmed: at once for an ordinary plan, in
the background for a large one (more than BACKGROUND_IMPORT_LIMIT activities), so that no
web request waits seconds on the database.

A background import keeps the confirmed file on Django's default storage, where any
worker can read it, and records what came of it in a PlanImportJob: the plan it created,
or the problems that stopped it (the import writes everything or nothing).
"""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.base import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from actionplan.exchange.json_file_import import plan_import_json_file, plan_import_json_preview
from actionplan.exchange.plan_import import ImportRejected
from actionplan.exchange.xlsx_import import plan_import_xlsx, plan_import_xlsx_preview
from actionplan.models import PlanImportJob
from napplanner.problems import Problem
from napplanner.upload_staging import StagedUpload
from strategy.models import Plan

log = logging.getLogger(__name__)

# Above this many activities a confirmed import runs in the background.
BACKGROUND_IMPORT_LIMIT = 200

# kind of file -> (preview service, import service)
IMPORTERS = {
    "xlsx": (plan_import_xlsx_preview, plan_import_xlsx),
    "json": (plan_import_json_preview, plan_import_json_file),
}


def plan_import_now(*, staged: StagedUpload, user) -> Plan:
    """Import a confirmed file inside the request; raises ImportRejected."""
    with staged.open() as file:
        return IMPORTERS[staged.kind][1](file=file, user=user, name=staged.name)


def plan_import_job_create(*, staged: StagedUpload, user, activities: int) -> PlanImportJob:
    """Keep the confirmed file where workers can read it and queue its import."""
    job = PlanImportJob(user=user, name=staged.name, kind=staged.kind, activities=activities)
    extension = PurePosixPath(staged.name).suffix.lower() or f".{staged.kind}"
    with staged.open() as handle:
        job.file.save(f"import{extension}", File(handle), save=False)
    job.full_clean(exclude=["file"])
    job.save()
    transaction.on_commit(lambda: import_in_background.enqueue(job.pk))
    return job


@task()
def import_in_background(job_id: int) -> None:
    """The background task (Django's Tasks API, run by `manage.py db_worker`)."""
    plan_import_job_run(job_id=job_id)


def plan_import_job_run(*, job_id: int) -> None:
    claimed = PlanImportJob.objects.filter(pk=job_id, status=PlanImportJob.Status.QUEUED).update(
        status=PlanImportJob.Status.RUNNING, started_at=timezone.now()
    )
    if not claimed:  # done, being done by another worker, or deleted meanwhile
        return
    job = PlanImportJob.objects.select_related("user").get(pk=job_id)
    try:
        with job.file.open("rb") as file:
            plan = IMPORTERS[job.kind][1](file=file, user=job.user, name=job.name)
    except ImportRejected as exc:
        _finish(job, status=PlanImportJob.Status.FAILED, problems=exc.problems)
    except Exception:
        log.exception("Background import %s failed.", job.pk)
        problem = Problem("", "", _("The import failed unexpectedly; the error is in the log."))
        _finish(job, status=PlanImportJob.Status.FAILED, problems=[problem])
    else:
        _finish(job, status=PlanImportJob.Status.DONE, plan=plan)


def _finish(job: PlanImportJob, *, status: str, plan: Plan | None = None, problems=()) -> None:
    PlanImportJob.objects.filter(pk=job.pk, status=PlanImportJob.Status.RUNNING).update(
        status=status,
        plan=plan,
        problems=[_problem_json(p) for p in problems],
        finished_at=timezone.now(),
        file="",
    )
    job.file.delete(save=False)  # the file was read; what came of it is in the job


def _problem_json(problem: Problem) -> dict:
    return {
        "where": problem.where,
        "field": problem.field,
        "message": problem.message,
        "field_kind": problem.field_kind,
    }


def job_problems(job: PlanImportJob) -> list[Problem]:
    return [Problem(**entry) for entry in job.problems]


def plan_import_job_requeue_if_stale(*, job: PlanImportJob) -> bool:
    """An import still running long after it started lost its worker; nothing of it was
    written (it imports in one transaction), so it is queued again."""
    cutoff = timezone.now() - timedelta(minutes=settings.RENDERING_TIMEOUT_MINUTES)
    requeued = PlanImportJob.objects.filter(
        pk=job.pk, status=PlanImportJob.Status.RUNNING, started_at__lt=cutoff
    ).update(status=PlanImportJob.Status.QUEUED, started_at=None)
    if requeued:
        transaction.on_commit(lambda: import_in_background.enqueue(job.pk))
        job.refresh_from_db()
    return bool(requeued)
