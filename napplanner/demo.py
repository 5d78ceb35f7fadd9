"""Demo users for a local installation. Never called outside the `load_demo` command
(which refuses to run with DEBUG off) and the tests."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from napplanner.roles import COORDINATOR, REVIEWER, STANDARDS_ADMIN

# A consultee has no role of its own: it is a member of the plans it is consulted on.
CONSULTEE = "consultee"
CONSULTEE_ORGANISATION = "Demo civil society organisation"
DEMO_USERS = {
    "coordinator": COORDINATOR,
    "reviewer": REVIEWER,
    "standards-admin": STANDARDS_ADMIN,
    "consultee": CONSULTEE,
}


def demo_users_create() -> dict[str, str]:
    """Create the missing demo users; return {username: password} for those created."""
    User = get_user_model()
    created: dict[str, str] = {}
    for username, role in DEMO_USERS.items():
        if User.objects.filter(username=username).exists():
            continue
        password = secrets.token_urlsafe(12)
        user = User(username=username, first_name=f"Demo {role}")
        user.set_password(password)
        user.full_clean()
        user.save()
        if role != CONSULTEE:
            user.groups.add(Group.objects.get(name=role))
        created[username] = password
    return created
