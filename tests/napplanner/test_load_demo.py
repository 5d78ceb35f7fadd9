from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from napplanner.demo import DEMO_USERS, demo_users_create

pytestmark = pytest.mark.django_db


def test_it_creates_one_demo_user_per_role_and_prints_the_passwords_once(settings):
    settings.DEBUG = True
    out = StringIO()
    call_command("load_demo", stdout=out)
    first = out.getvalue()
    User = get_user_model()
    for username, role in DEMO_USERS.items():
        user = User.objects.get(username=username)
        groups = list(user.groups.values_list("name", flat=True))
        assert groups == ([] if role == "consultee" else [role])
        assert username in first
    assert "shown this once" in first

    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "shown this once" not in out.getvalue()
    assert User.objects.filter(username__in=DEMO_USERS).count() == len(DEMO_USERS)


def test_the_printed_password_signs_in(client):
    passwords = demo_users_create()
    response = client.post(
        reverse("login"), {"username": "coordinator", "password": passwords["coordinator"]}
    )
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_it_refuses_to_run_in_production(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DJANGO_DEBUG=1"):
        call_command("load_demo")
    assert not get_user_model().objects.filter(username__in=DEMO_USERS).exists()


def test_it_makes_the_demo_consultee_a_consultee_of_the_demo_plans(settings):
    from strategy.models import PlanMembership

    settings.DEBUG = True
    call_command("load_demo", stdout=StringIO())
    memberships = PlanMembership.objects.filter(user__username="consultee")
    assert memberships.exists()
    assert {m.role for m in memberships} == {PlanMembership.Role.CONSULTEE}
    assert all(m.organisation for m in memberships)


def test_its_output_names_each_plan_in_a_sentence_never_a_bare_id(settings):
    settings.DEBUG = True
    for _ in range(2):
        out = StringIO()
        call_command("load_demo", stdout=out)
        lines = out.getvalue().splitlines()
        assert not [line for line in lines if line.strip().isdigit()]
    assert any("azerbaijan-2014-2018.json" in line for line in lines)
    assert any(line.startswith("“Synthetic national action plan") for line in lines)
