from django.urls import path

from actionplan import views, views_import

app_name = "actionplan"

urlpatterns: list = [
    path("<int:plan_id>/timeline/", views.timeline, name="timeline"),
    path("<int:plan_id>/resources/", views.resources, name="resources"),
    path("import/", views_import.plan_import, name="plan_import"),
    path("import/confirm/", views_import.plan_import_confirm, name="plan_import_confirm"),
    path("import/template.xlsx", views_import.import_template, name="import_template"),
    path("<int:plan_id>/export.xlsx", views_import.export_xlsx, name="export_xlsx"),
]
