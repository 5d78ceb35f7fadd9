from django.conf import settings

from napplanner.roles import ROLE_LABELS, ROLES, roles_of


def site(request):
    user = getattr(request, "user", None)
    roles = roles_of(user) if user is not None else frozenset()
    return {
        "app_version": settings.VERSION,
        "user_roles": roles,
        # In the reader's language, in the order of ROLES (a set has none).
        "user_role_labels": [ROLE_LABELS[role] for role in ROLES if role in roles],
    }
