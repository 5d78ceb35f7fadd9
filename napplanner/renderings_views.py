"""Serving renderings: the download itself (200 when ready, 202 while it is being made)
and the progress fragment that the 202 page polls."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from napplanner.models import Rendering, RenderingStatus
from napplanner.renderings import RENDERERS, rendering_request, rendering_retry

# Seconds a client is asked to wait before asking again while a file is being made.
RETRY_AFTER = 3


def rendering_response(request: HttpRequest, *, kind: str, subject_id: int) -> HttpResponse:
    """What a long download's URL answers, once the view has checked the user may see the
    subject: the file when a rendering of the current content is ready, otherwise 202 with
    a page that follows the rendering's progress."""
    rendering = rendering_request(kind=kind, subject_id=subject_id, user=request.user)
    if rendering.is_ready:
        try:
            file = rendering.file.open("rb")
        except FileNotFoundError:  # removed from the storage under it: make it again
            rendering.delete()
            rendering = rendering_request(kind=kind, subject_id=subject_id, user=request.user)
        else:
            return FileResponse(
                file,
                as_attachment=True,
                filename=rendering.filename,
                content_type=rendering.content_type,
            )
    response = render(request, "renderings/pending.html", _context(rendering), status=202)
    response["Retry-After"] = str(RETRY_AFTER)
    return response


def _context(rendering: Rendering) -> dict:
    renderer = RENDERERS[rendering.kind]
    return {
        "rendering": rendering,
        "label": renderer.label,
        "download_url": renderer.download_url(rendering.subject_id),
        "poll_seconds": RETRY_AFTER,
        "statuses": RenderingStatus,
    }


def _get_rendering_for_user(request: HttpRequest, rendering_id: int) -> Rendering:
    """A rendering whose subject the user may see; 404 otherwise, as for the subject."""
    rendering = get_object_or_404(Rendering, pk=rendering_id)
    renderer = RENDERERS.get(rendering.kind)
    if renderer is None:
        raise Http404
    renderer.subject_for_user(request, rendering.subject_id)
    return rendering


@require_GET
@login_required
def rendering_status(request: HttpRequest, rendering_id: int) -> HttpResponse:
    rendering = _get_rendering_for_user(request, rendering_id)
    template = "renderings/_status.html" if request.htmx else "renderings/pending.html"
    return render(request, template, _context(rendering))


@require_POST
@login_required
def rendering_try_again(request: HttpRequest, rendering_id: int) -> HttpResponse:
    rendering = rendering_retry(rendering=_get_rendering_for_user(request, rendering_id))
    if request.htmx:
        return render(request, "renderings/_status.html", _context(rendering))
    return redirect("rendering_status", rendering_id=rendering.pk)
