from django.urls import path, register_converter

from actionplan import views, workspace_views
from actionplan.elements import KindConverter

app_name = "actionplan"

register_converter(KindConverter, "kind")

urlpatterns: list = [
    path("<int:plan_id>/timeline/", views.timeline, name="timeline"),
    path("<int:plan_id>/resources/", views.resources, name="resources"),
    path("<int:plan_id>/", workspace_views.workspace, name="workspace"),
    path("<int:plan_id>/<kind:kind>/add/", workspace_views.element_add, name="element_add"),
    path("<int:plan_id>/<kind:kind>/<int:pk>/", workspace_views.element, name="element"),
    path(
        "<int:plan_id>/<kind:kind>/<int:pk>/edit/",
        workspace_views.element_edit,
        name="element_edit",
    ),
    path(
        "<int:plan_id>/<kind:kind>/<int:pk>/delete/",
        workspace_views.element_delete,
        name="element_delete",
    ),
    path(
        "<int:plan_id>/<kind:kind>/<int:pk>/move/",
        workspace_views.element_move,
        name="element_move",
    ),
    path(
        "<int:plan_id>/<kind:kind>/<int:pk>/panel/",
        workspace_views.element_panel,
        name="element_panel",
    ),
]
