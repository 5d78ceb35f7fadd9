"""Two-factor sign-in with a time-based one-time password (django-otp's TOTP devices).

Anyone may turn it on for their account; with DJANGO_REQUIRE_2FA=1 superusers and
standards admins (who change what every review is measured against) must. Once a person
has a confirmed device, a session signed in with the password alone reaches nothing but
the code page until the code from their authenticator app is given.
"""

from __future__ import annotations

import base64
import io

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from django_htmx.http import HttpResponseClientRedirect
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from napplanner.roles import STANDARDS_ADMIN, has_role

SETUP, VERIFY = "two_factor", "two_factor_verify"
NO_DEVICE = "two_factor_no_device"


def two_factor_required(user) -> bool:
    return settings.REQUIRE_2FA and (user.is_superuser or has_role(user, STANDARDS_ADMIN))


class TokenForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Code from your authenticator app"),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def __init__(self, *args, device: TOTPDevice | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_token(self):
        token = self.cleaned_data["token"].replace(" ", "")
        if self.device is None or not self.device.verify_token(token):
            raise forms.ValidationError(
                _("That code is not right, or has expired. Type the code shown now.")
            )
        return token


def _device(user, *, confirmed: bool) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=confirmed).first()


def _qr_data_uri(url: str) -> str:
    import segno

    out = io.BytesIO()
    segno.make(url).save(out, kind="svg", scale=4)
    return "data:image/svg+xml;base64," + base64.b64encode(out.getvalue()).decode()


@require_http_methods(["GET", "POST"])
@login_required
def two_factor(request: HttpRequest) -> HttpResponse:
    """Turn two-factor sign-in on (start, scan, confirm with a code) or off."""
    user = request.user
    confirmed, pending = _device(user, confirmed=True), _device(user, confirmed=False)
    action = request.POST.get("action", "")
    form = None
    if action == "start" and confirmed is None:
        request.session.pop(NO_DEVICE, None)
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)
        return redirect(SETUP)
    if action == "confirm" and pending is not None:
        form = TokenForm(request.POST, device=pending)
        if form.is_valid():
            pending.confirmed = True
            pending.save(update_fields=["confirmed"])
            otp_login(request, pending)
            messages.success(request, _("Two-factor sign-in is on."))
            return redirect(SETUP)
    if action == "remove" and confirmed is not None:
        if two_factor_required(user):
            messages.error(request, _("Your role requires two-factor sign-in; it stays on."))
            return redirect(SETUP)
        form = TokenForm(request.POST, device=confirmed)
        if form.is_valid():
            TOTPDevice.objects.filter(user=user).delete()
            messages.success(request, _("Two-factor sign-in is off."))
            return redirect(SETUP)
    context = {
        "confirmed": confirmed,
        "pending": pending,
        "required": two_factor_required(user),
        "form": form or TokenForm(device=None),
    }
    if pending is not None and confirmed is None:
        context.update(
            qr_code=_qr_data_uri(pending.config_url),
            secret=base64.b32encode(pending.bin_key).decode(),
        )
    status = 422 if form is not None and form.errors else 200
    return render(request, "registration/two_factor.html", context, status=status)


@require_http_methods(["GET", "POST"])
@login_required
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    """The second step of signing in: the code from the authenticator app."""
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        next_url = ""
    device = _device(request.user, confirmed=True)
    if device is None or request.user.is_verified():
        return redirect(next_url or settings.LOGIN_REDIRECT_URL)
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        return redirect(next_url or settings.LOGIN_REDIRECT_URL)
    status = 422 if form.errors else 200
    return render(
        request,
        "registration/two_factor_verify.html",
        {"form": form, "next": next_url},
        status=status,
    )


def two_factor_note_at_sign_in(sender, request, user, **kwargs) -> None:
    """Connected to `user_logged_in`: whether the person has a device is looked up once,
    when they sign in, not on every page they open."""
    if request is not None and not user_has_device(user):
        request.session[NO_DEVICE] = True


class TwoFactorMiddleware:
    """After django-otp's OTPMiddleware: a signed-in person with a device who has not
    given a code, or one whose role requires a device and has none, reaches only the
    pages that settle it (and signing out)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        target = self._detour(request)
        if target is None:
            return self.get_response(request)
        if getattr(request, "htmx", False):
            return HttpResponseClientRedirect(target)
        return redirect(target)

    @staticmethod
    def _detour(request: HttpRequest) -> str | None:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if request.path in {reverse("logout"), reverse(VERIFY), reverse(SETUP)}:
            return None
        if user.is_verified():
            return None
        # Sessions of people without a device are marked so at sign-in; setting one up
        # (the only way to get one but the admin) clears the mark.
        if not request.session.get(NO_DEVICE):
            if user_has_device(user):
                return f"{reverse(VERIFY)}?next={request.get_full_path()}"
            request.session[NO_DEVICE] = True
        if two_factor_required(user):
            return reverse(SETUP)
        return None
