"""Two-factor sign-in: turning it on and off, the code after the password, and the roles
that must have it when DJANGO_REQUIRE_2FA is on."""

import pytest
from django.urls import reverse
from django_otp.oath import TOTP, totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

SETUP = reverse("two_factor")
VERIFY = reverse("two_factor_verify")


@pytest.fixture(autouse=True)
def no_wait_after_a_wrong_code(settings):
    """django-otp makes a person wait longer after each wrong code; the tests that give a
    wrong code and then the right one do not wait (one test below checks the wait)."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def _code(device: TOTPDevice, drift: int = 0) -> str:
    """The code the app shows now (or `drift` steps later: a code is taken only once)."""
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=drift)
    return f"{code:06d}"


def _code_of_step(device: TOTPDevice, step: int) -> str:
    """The code of time step `step`, however long the test has taken to get here."""
    clock = TOTP(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    clock.time = device.t0 + step * device.step
    return f"{clock.token():06d}"


def _device(user, confirmed=True) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=confirmed)


def _sign_in(client, user, password):
    return client.post(reverse("login"), {"username": user.username, "password": password})


def test_it_turns_two_factor_on_after_a_correct_code(client, cast):
    client.force_login(cast.coordinator)
    assert client.post(SETUP, {"action": "start"}).status_code == 302
    page = client.get(SETUP)
    assert page.status_code == 200
    assert b"data:image/svg+xml;base64," in page.content
    device = TOTPDevice.objects.get(user=cast.coordinator)
    assert not device.confirmed

    wrong = client.post(SETUP, {"action": "confirm", "token": "000000"})
    assert wrong.status_code == 422 and b"not right" in wrong.content
    assert client.post(SETUP, {"action": "confirm", "token": _code(device)}).status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("home")).status_code == 200  # this session gave its code


def test_after_the_password_it_asks_for_the_code_before_anything_else(client, cast):
    device = _device(cast.coordinator)
    response = _sign_in(client, cast.coordinator, cast.password)
    assert response.status_code == 302
    home = client.get(reverse("home"))
    assert home.status_code == 302 and home.url.startswith(VERIFY)
    assert client.get(reverse("strategy:plan_create")).url.startswith(VERIFY)

    refused = client.post(VERIFY, {"token": "123456", "next": "/"})
    assert refused.status_code == 422
    accepted = client.post(VERIFY, {"token": _code(device), "next": "/"})
    assert accepted.status_code == 302 and accepted.url == "/"
    assert client.get(reverse("home")).status_code == 200


def test_an_htmx_request_without_the_code_is_sent_to_the_code_page(client, cast):
    _device(cast.coordinator)
    _sign_in(client, cast.coordinator, cast.password)
    response = client.get(reverse("home"), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert response["HX-Redirect"].startswith(VERIFY)


def test_the_code_page_goes_nowhere_but_this_site(client, cast):
    device = _device(cast.coordinator)
    _sign_in(client, cast.coordinator, cast.password)
    response = client.post(VERIFY, {"token": _code(device), "next": "https://evil.example/"})
    assert response.url == reverse("home")


def test_without_a_device_nothing_changes(client, cast):
    _sign_in(client, cast.reviewer, cast.password)
    assert client.get(reverse("home")).status_code == 200
    assert client.get(VERIFY).status_code == 302  # nothing to verify: on to the plans


def test_it_turns_two_factor_off_with_a_current_code(client, cast):
    device = _device(cast.coordinator)
    client.force_login(cast.coordinator)
    client.post(VERIFY, {"token": _code(device)})
    assert client.post(SETUP, {"action": "remove", "token": "000000"}).status_code == 422
    device.refresh_from_db()
    # The code just used is refused (a code is taken once), the next step's is accepted:
    # step numbers rather than the clock, so a test that crosses a 30 s boundary holds.
    used = _code_of_step(device, device.last_t)
    assert client.post(SETUP, {"action": "remove", "token": used}).status_code == 422
    following = _code_of_step(device, device.last_t + 1)
    assert client.post(SETUP, {"action": "remove", "token": following}).status_code == 302
    assert not TOTPDevice.objects.filter(user=cast.coordinator).exists()


@pytest.mark.parametrize("who", ["standards_admin", "superuser"])
def test_when_required_admins_must_set_it_up_first(client, cast, settings, who):
    settings.REQUIRE_2FA = True
    client.force_login(getattr(cast, who))
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response.url == SETUP
    assert b"requires two-factor" in client.get(SETUP).content


def test_when_required_it_cannot_be_turned_off(client, cast, settings):
    settings.REQUIRE_2FA = True
    device = _device(cast.standards_admin)
    client.force_login(cast.standards_admin)
    client.post(VERIFY, {"token": _code(device)})
    client.post(SETUP, {"action": "remove", "token": _code(device, 1)})
    assert TOTPDevice.objects.filter(user=cast.standards_admin).exists()


def test_when_required_other_roles_may_choose(client, cast, settings):
    settings.REQUIRE_2FA = True
    client.force_login(cast.coordinator)
    assert client.get(reverse("home")).status_code == 200


def test_the_pages_need_a_signed_in_user(client):
    assert client.get(SETUP).status_code == 302
    assert client.get(VERIFY).status_code == 302


def test_a_wrong_code_makes_the_next_one_wait(client, cast, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 1
    device = _device(cast.coordinator)
    _sign_in(client, cast.coordinator, cast.password)
    client.post(VERIFY, {"token": "000000"})
    right_but_too_soon = client.post(VERIFY, {"token": _code(device)})
    assert right_but_too_soon.status_code == 422
    assert client.get(reverse("home")).url.startswith(VERIFY)
