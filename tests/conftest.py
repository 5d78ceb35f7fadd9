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
        # No role: a civil society organisation's member, consultee of the plans it is
        # given (tests/access.py makes it consultee of `plan`).
        consultee=_user("cora-consultee"),
        superuser=_user("root", is_superuser=True, is_staff=True),
        password=PASSWORD,
    )


@pytest.fixture
def download(client, django_capture_on_commit_callbacks):
    """GET a long download as a browser follows it: while the file is being made the answer
    is 202 (tests run the worker's task at once, on commit); the next GET is the file.
    Returns that response; `response.getvalue()` is the file, streamed or not."""

    def get(url):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.get(url)
        if response.status_code == 202:
            response = client.get(url)
        return response

    return get
