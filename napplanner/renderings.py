"""Long downloads rendered by a background worker, once per content, and kept.

An app that offers a long download (the plan as PDF, the review report, a large Word or
Excel export) registers a renderer for it: a `kind`, a `fingerprint` function that digests
everything the file will show (cheap: it runs in the web request), a `render` function
that makes the file (slow: it runs in the worker), and how to find the subject for a user
(the app's access helper, so the status page refuses whom the download refuses).

`rendering_request` is what a download view calls. With a rendering of the current content
ready, it is served at once; otherwise exactly one rendering of that content is queued,
however many people ask at the same moment (a unique constraint decides), and the view
answers 202 with a page that follows its progress.

A rendering is written to Django's default storage first and marked ready only once the
file is complete, so a worker killed mid-render leaves at most an unreferenced file, which
`renderings_expire` removes; the rendering itself is queued again when someone asks for it
after `RENDERING_TIMEOUT_MINUTES`.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from napplanner.models import Rendering, RenderingStatus

log = logging.getLogger(__name__)

UPLOAD_DIR = "renderings"


@dataclass(frozen=True)
class RenderedFile:
    content: bytes
    filename: str
    content_type: str


class RenderingRefused(Exception):
    """A renderer's own, explainable refusal; its message is shown to the person."""


@dataclass(frozen=True)
class Renderer:
    kind: str
    label: str
    fingerprint: Callable[[int], str]
    render: Callable[[int], RenderedFile]
    subject_for_user: Callable[[HttpRequest, int], object]
    download_url: Callable[[int], str]


RENDERERS: dict[str, Renderer] = {}


def renderer_register(
    *,
    kind: str,
    label: str,
    fingerprint: Callable[[int], str],
    render: Callable[[int], RenderedFile],
    subject_for_user: Callable[[HttpRequest, int], object],
    download_url: Callable[[int], str],
) -> None:
    """Make a kind of download renderable in the background. Called from an app's ready()."""
    RENDERERS[kind] = Renderer(kind, label, fingerprint, render, subject_for_user, download_url)


def content_fingerprint(kind: str, digest: str) -> str:
    """The key of one rendering: what it shows, by which version of the code."""
    return hashlib.sha256(f"{settings.VERSION}\n{kind}\n{digest}".encode()).hexdigest()


def _timeout() -> timedelta:
    return timedelta(minutes=settings.RENDERING_TIMEOUT_MINUTES)


def _enqueue(rendering: Rendering) -> None:
    """Queue the task once the rendering's row is committed, so a worker can read it."""
    transaction.on_commit(lambda: _enqueue_now(rendering))


def _enqueue_now(rendering: Rendering) -> None:
    render_in_background.enqueue(rendering.pk)


def rendering_request(*, kind: str, subject_id: int, user) -> Rendering:
    """The rendering of the subject's current content: ready, or queued exactly once."""
    renderer = RENDERERS[kind]
    fingerprint = content_fingerprint(kind, renderer.fingerprint(subject_id))
    lookup = {"kind": kind, "subject_id": subject_id, "fingerprint": fingerprint}
    rendering = Rendering.objects.filter(**lookup).first()
    if rendering is None:
        try:
            with transaction.atomic():
                rendering = Rendering.objects.create(
                    **lookup, requested_by=user if user and user.is_authenticated else None
                )
        except IntegrityError:  # someone asked for the same content a moment earlier
            return Rendering.objects.get(**lookup)
        _enqueue(rendering)
        return rendering
    if _requeue_if_stale(rendering):
        rendering.refresh_from_db()
    return rendering


def _requeue_if_stale(rendering: Rendering) -> bool:
    """A rendering still "rendering" long after it started lost its worker: queue it again.
    The conditional update lets only one of several simultaneous askers do so."""
    cutoff = timezone.now() - _timeout()
    requeued = Rendering.objects.filter(
        pk=rendering.pk, status=RenderingStatus.RENDERING, started_at__lt=cutoff
    ).update(status=RenderingStatus.QUEUED, started_at=None)
    if requeued:
        log.warning("Rendering %s lost its worker; queued again.", rendering.pk)
        _enqueue(rendering)
    return bool(requeued)


def rendering_retry(*, rendering: Rendering) -> Rendering:
    """Queue a failed rendering again (the person asked to try again)."""
    retried = Rendering.objects.filter(pk=rendering.pk, status=RenderingStatus.FAILED).update(
        status=RenderingStatus.QUEUED, error="", requested_at=timezone.now(), finished_at=None
    )
    if retried:
        _enqueue(rendering)
    rendering.refresh_from_db()
    return rendering


def rendering_run(*, rendering_id: int) -> None:
    """Make the file of a queued rendering. Runs in the worker."""
    claimed = Rendering.objects.filter(pk=rendering_id, status=RenderingStatus.QUEUED).update(
        status=RenderingStatus.RENDERING, started_at=timezone.now(), attempts=F("attempts") + 1
    )
    if not claimed:  # done, being done by another worker, or deleted meanwhile
        return
    rendering = Rendering.objects.get(pk=rendering_id)
    try:
        result = RENDERERS[rendering.kind].render(rendering.subject_id)
    except RenderingRefused as exc:
        _fail(rendering, str(exc))
        return
    except Exception:
        log.exception("Rendering %s (%s) failed.", rendering.pk, rendering.kind)
        _fail(rendering, _("The file could not be made; the error is in the server's log."))
        return
    _store(rendering, result)


@task(queue_name="renderings")
def render_in_background(rendering_id: int) -> None:
    """The background task (Django's Tasks API, run by `manage.py db_worker`)."""
    rendering_run(rendering_id=rendering_id)


def _fail(rendering: Rendering, reason: str) -> None:
    Rendering.objects.filter(pk=rendering.pk, status=RenderingStatus.RENDERING).update(
        status=RenderingStatus.FAILED, error=reason, finished_at=timezone.now()
    )


def _store(rendering: Rendering, result: RenderedFile) -> None:
    # The file is complete before any row points at it.
    extension = PurePosixPath(result.filename).suffix
    name = default_storage.save(
        f"{UPLOAD_DIR}/{rendering.kind}-{rendering.subject_id}-{rendering.fingerprint[:16]}"
        f"{extension}",
        ContentFile(result.content),
    )
    stored = Rendering.objects.filter(pk=rendering.pk, status=RenderingStatus.RENDERING).update(
        status=RenderingStatus.READY,
        file=name,
        filename=result.filename,
        content_type=result.content_type,
        size=len(result.content),
        finished_at=timezone.now(),
    )
    if not stored:  # given up on as stale and queued again meanwhile: the other run wins
        default_storage.delete(name)
        return
    _supersede(rendering)


def _supersede(rendering: Rendering) -> None:
    """Older renderings of the same subject show content that is no longer current."""
    older = (
        Rendering.objects.of(rendering.kind, rendering.subject_id)
        .filter(requested_at__lt=rendering.requested_at)
        .exclude(status__in=[RenderingStatus.QUEUED, RenderingStatus.RENDERING])
    )
    _delete(older)


def _delete(renderings) -> int:
    renderings = list(renderings)
    for rendering in renderings:
        if rendering.file:
            default_storage.delete(rendering.file.name)
    Rendering.objects.filter(pk__in=[r.pk for r in renderings]).delete()
    return len(renderings)


def renderings_expire(*, max_age: timedelta | None = None) -> dict[str, int]:
    """Housekeeping: delete renderings older than `max_age` (default: the setting), queue
    again those whose worker was lost, and remove files no rendering points at."""
    max_age = max_age or timedelta(days=settings.RENDERING_MAX_AGE_DAYS)
    now = timezone.now()
    expired = _delete(
        Rendering.objects.filter(
            Q(finished_at__lt=now - max_age) | Q(finished_at=None, requested_at__lt=now - max_age)
        )
    )
    stale = 0
    for rendering in Rendering.objects.filter(
        status=RenderingStatus.RENDERING, started_at__lt=now - _timeout()
    ):
        stale += _requeue_if_stale(rendering)
    return {"expired": expired, "requeued": stale, "orphans": _delete_orphans(now)}


def _delete_orphans(now) -> int:
    """Files left by a worker that died between writing and recording them."""
    known = set(Rendering.objects.exclude(file="").values_list("file", flat=True))
    removed = 0
    for name in _stored_files(UPLOAD_DIR):
        if name in known:
            continue
        if default_storage.get_modified_time(name) < now - _timeout():
            default_storage.delete(name)
            removed += 1
    return removed


def _stored_files(folder: str):
    if not default_storage.exists(folder):
        return
    directories, files = default_storage.listdir(folder)
    for name in files:
        yield f"{folder}/{name}"
    for directory in directories:
        yield from _stored_files(f"{folder}/{directory}")
