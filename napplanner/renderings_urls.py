from django.urls import path

from napplanner import renderings_views

urlpatterns = [
    path("<int:rendering_id>/", renderings_views.rendering_status, name="rendering_status"),
    path(
        "<int:rendering_id>/try-again/",
        renderings_views.rendering_try_again,
        name="rendering_try_again",
    ),
]
