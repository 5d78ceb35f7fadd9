from django.urls import path

from actionplan import views, views_export

app_name = "actionplan"

urlpatterns: list = [
    path("<int:plan_id>/timeline/", views.timeline, name="timeline"),
    path("<int:plan_id>/resources/", views.resources, name="resources"),
    path("<int:plan_id>/export.json", views_export.export_json, name="export_json"),
    path("<int:plan_id>/export.docx", views_export.export_docx, name="export_docx"),
]
