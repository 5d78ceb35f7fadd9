"""The fixed cast every test can use: one user per role, an outsider and a superuser."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group

from napplanner.roles import COORDINATOR, REVIEWER, STANDARDS_ADMIN
from tests.factories import UserFactory

PASSWORD = "correct horse battery staple"


def _user(username, role=None, **extra):
    user = UserFactory(username=username, password=PASSWORD, **extra)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def cast(db):
    return SimpleNamespace(
        coordinator=_user("alice-coordinator", COORDINATOR),
        coordinator2=_user("carl-coordinator", COORDINATOR),
        reviewer=_user("rita-reviewer", REVIEWER),
        standards_admin=_user("sam-standards", STANDARDS_ADMIN),
        outsider=_user("oscar-outsider"),
        superuser=_user("root", is_superuser=True, is_staff=True),
        password=PASSWORD,
    )
