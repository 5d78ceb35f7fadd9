"""The three roles of NAP Planner, kept as Django groups with model permissions.

A role is a group whose permissions are derived from app labels and actions, so a
model added later to an app gets its permissions without a data migration.
"""

from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext_lazy as _

COORDINATOR = "coordinator"
REVIEWER = "reviewer"
STANDARDS_ADMIN = "standards admin"
ROLES = (COORDINATOR, REVIEWER, STANDARDS_ADMIN)

ROLE_LABELS = {
    COORDINATOR: _("Coordinator"),
    REVIEWER: _("Reviewer"),
    STANDARDS_ADMIN: _("Standards admin"),
}

ALL = ("view", "add", "change", "delete")

# role -> {app_label: actions}
ROLE_PERMISSIONS: dict[str, dict[str, tuple[str, ...]]] = {
    COORDINATOR: {"strategy": ALL, "actionplan": ALL, "standards": ("view",)},
    # A reviewer may import a plan to review it, so may add plan content too.
    REVIEWER: {
        "strategy": ALL,
        "actionplan": ALL,
        "standards": ("view",),
        "assessment": ALL,
    },
    STANDARDS_ADMIN: {"standards": ALL, "strategy": ("view",), "actionplan": ("view",)},
}


def sync_roles(**kwargs) -> None:
    """Create the role groups and give each exactly the permissions it should have."""
    for role, grants in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role)
        wanted = set()
        for app_label, actions in grants.items():
            perms = Permission.objects.filter(content_type__app_label=app_label)
            wanted.update(p.pk for p in perms if p.codename.split("_", 1)[0] in actions)
        current = set(group.permissions.values_list("pk", flat=True))
        if current != wanted:
            group.permissions.set(wanted)


def roles_of(user) -> frozenset[str]:
    """The role names of a user; cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_nap_roles", None)
    if cached is None:
        cached = frozenset(user.groups.filter(name__in=ROLES).values_list("name", flat=True))
        user._nap_roles = cached
    return cached


def has_role(user, role: str) -> bool:
    return bool(getattr(user, "is_superuser", False)) or role in roles_of(user)
