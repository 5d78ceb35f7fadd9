"""Sign-in throttling: repeated wrong passwords lock the user name at that address."""

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _sign_in(client, username, password, address="192.0.2.10"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def _fail(client, username, times, address="192.0.2.10"):
    for _ in range(times):
        _sign_in(client, username, "wrong", address)


def test_it_locks_the_user_name_after_the_failure_limit(client, cast, settings):
    _fail(client, cast.coordinator.username, settings.AXES_FAILURE_LIMIT)
    response = _sign_in(client, cast.coordinator.username, cast.password)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert b"Please try again in 15 minutes" in response.content
    assert response["Retry-After"] == "900"


def test_it_still_accepts_the_password_below_the_limit(client, cast, settings):
    _fail(client, cast.coordinator.username, settings.AXES_FAILURE_LIMIT - 1)
    response = _sign_in(client, cast.coordinator.username, cast.password)
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_it_forgets_the_failures_after_a_successful_sign_in(client, cast, settings):
    _fail(client, cast.coordinator.username, settings.AXES_FAILURE_LIMIT - 1)
    assert _sign_in(client, cast.coordinator.username, cast.password).status_code == 302
    client.post(reverse("logout"))
    _fail(client, cast.coordinator.username, settings.AXES_FAILURE_LIMIT - 1)
    assert _sign_in(client, cast.coordinator.username, cast.password).status_code == 302


def test_it_does_not_lock_the_same_user_from_another_address(client, cast, settings):
    _fail(client, cast.coordinator.username, settings.AXES_FAILURE_LIMIT)
    response = _sign_in(client, cast.coordinator.username, cast.password, "198.51.100.7")
    assert response.status_code == 302


def test_it_does_not_lock_other_users_at_the_same_address(client, cast, settings):
    _fail(client, cast.coordinator.username, settings.AXES_FAILURE_LIMIT)
    response = _sign_in(client, cast.reviewer.username, cast.password)
    assert response.status_code == 302


def test_an_admin_can_lift_the_lock(client, cast, settings):
    _fail(client, cast.coordinator.username, settings.AXES_FAILURE_LIMIT)
    assert AccessAttempt.objects.filter(username=cast.coordinator.username).exists()
    call_command("axes_reset_username", cast.coordinator.username)
    assert _sign_in(client, cast.coordinator.username, cast.password).status_code == 302


def test_the_access_attempts_are_in_the_admin(client, cast, settings):
    _fail(client, cast.coordinator.username, settings.AXES_FAILURE_LIMIT)
    client.force_login(cast.superuser)
    response = client.get(reverse("admin:axes_accessattempt_changelist"))
    assert response.status_code == 200
    assert cast.coordinator.username.encode() in response.content


def test_behind_a_proxy_it_uses_the_address_the_proxy_saw(client, cast, settings):
    settings.BEHIND_PROXY = True
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            reverse("login"),
            {"username": cast.coordinator.username, "password": "wrong"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="203.0.113.5, 192.0.2.99",
        )
    attempt = AccessAttempt.objects.get(username=cast.coordinator.username)
    assert attempt.ip_address == "192.0.2.99"
