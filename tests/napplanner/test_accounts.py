import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_it_signs_in_with_the_right_password(client, cast):
    response = client.post(
        reverse("login"), {"username": cast.coordinator.username, "password": cast.password}
    )
    assert response.status_code == 302
    assert response.url == reverse("home")


def test_it_refuses_a_wrong_password(client, cast):
    response = client.post(
        reverse("login"), {"username": cast.coordinator.username, "password": "wrong"}
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert b"correct username and password" in response.content


def test_it_signs_out(client, cast):
    client.force_login(cast.coordinator)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_it_changes_the_password(client, cast):
    client.force_login(cast.reviewer)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": cast.password,
            "new_password1": "a much longer passphrase 42",
            "new_password2": "a much longer passphrase 42",
        },
    )
    assert response.status_code == 302
    cast.reviewer.refresh_from_db()
    assert cast.reviewer.check_password("a much longer passphrase 42")


def test_password_change_needs_a_signed_in_user(client):
    response = client.get(reverse("password_change"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
