"""Sign-in throttling helpers for django-axes (configured in settings)."""

import math

from axes.helpers import get_cool_off, get_failure_limit
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone


def client_address(request: HttpRequest) -> str:
    """The address a sign-in attempt came from.

    Behind a reverse proxy (DJANGO_BEHIND_PROXY=1) every request arrives from the proxy, so
    the client is the last address the proxy appended to X-Forwarded-For; the addresses
    before it are whatever the client claimed and cannot be trusted.
    """
    if getattr(settings, "BEHIND_PROXY", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-1]
    return request.META.get("REMOTE_ADDR", "")


def lockout_response(request: HttpRequest, original_response=None, credentials=None):
    """The page a locked-out sign-in gets: why, and when to try again."""
    cool_off = get_cool_off(request)
    context = {"failure_limit": get_failure_limit(request, credentials)}
    if cool_off:
        context["minutes"] = max(1, math.ceil(cool_off.total_seconds() / 60))
        context["retry_at"] = timezone.now() + cool_off
    response: HttpResponse = render(
        request, "registration/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE
    )
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response
