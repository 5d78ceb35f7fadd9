"""One way to answer an endpoint that htmx calls: the partial it changed to htmx, and to a
plain request (no JavaScript, a bookmarked or reloaded URL) a full page or a redirect to
the page where the change shows."""

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render


def partial_or_redirect(
    request,
    partial: str,
    context: dict | Callable[[], dict],
    *,
    redirect_to: str = "",
    page: str = "",
    error: str = "",
    status: int = 200,
) -> HttpResponse:
    """`partial` drawn with `context` for htmx. A plain request gets `page` drawn with the
    same context when one is named (a form to fill in), else a redirect to `redirect_to`
    with `error`, if any, shown there as a message. A context that is costly to read may
    be given as a function: it is called only when something is drawn."""
    if request.htmx or page:
        values = context() if callable(context) else context
        return render(request, partial if request.htmx else page, values, status=status)
    if error:
        messages.error(request, error)
    return redirect(redirect_to)
