from django.conf import settings

from napplanner.roles import roles_of


def site(request):
    user = getattr(request, "user", None)
    return {
        "app_version": settings.VERSION,
        "user_roles": roles_of(user) if user is not None else frozenset(),
    }
