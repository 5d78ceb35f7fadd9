from django.urls import path, register_converter

from actionplan import (
    views,
    views_export,
    views_history,
    views_import,
    views_pdf,
    workspace_views,
)
from actionplan.elements import KindConverter

app_name = "actionplan"

register_converter(KindConverter, "kind")

urlpatterns: list = [
    path("<int:plan_id>/timeline/", views.timeline, name="timeline"),
    path("<int:plan_id>/resources/", views.resources, name="resources"),
    path("<int:plan_id>/", workspace_views.workspace, name="workspace"),
    path(
        "<int:plan_id>/chapter/<int:pk>/tree/",
        workspace_views.chapter_tree,
        name="chapter_tree",
    ),
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
    path(
        "<int:plan_id>/<kind:kind>/<int:pk>/history/",
        views_history.element_history,
        name="element_history",
    ),
    path("<int:plan_id>/history/", views_history.plan_history, name="plan_history"),
    path(
        "<int:plan_id>/history/events/<int:event_id>/restore/",
        views_history.deletion_restore,
        name="deletion_restore",
    ),
    path(
        "<int:plan_id>/history/<slug:kind>/<int:history_id>/restore/",
        views_history.version_restore,
        name="version_restore",
    ),
    path("<int:plan_id>/export.json", views_export.export_json, name="export_json"),
    path("<int:plan_id>/export.docx", views_export.export_docx, name="export_docx"),
    path("import/", views_import.plan_import, name="plan_import"),
    path("import/confirm/", views_import.plan_import_confirm, name="plan_import_confirm"),
    path("import/jobs/<int:job_id>/", views_import.import_job, name="import_job"),
    path("import/template.xlsx", views_import.import_template, name="import_template"),
    path("<int:plan_id>/export.xlsx", views_import.export_xlsx, name="export_xlsx"),
    path("<int:plan_id>/export.pdf", views_pdf.plan_pdf, name="plan_pdf"),
]
