from django.urls import path

from monitoring import views, views_workbook

app_name = "monitoring"

urlpatterns = [
    path("<int:plan_id>/monitoring/", views.dashboard, name="dashboard"),
    path("<int:plan_id>/monitoring.json", views.monitoring_json, name="monitoring_json"),
    path("<int:plan_id>/monitoring/periods/", views.periods, name="periods"),
    path("<int:plan_id>/monitoring/rhythm/", views.rhythm, name="rhythm"),
    path("<int:plan_id>/monitoring/periods/open/", views.period_add, name="period_add"),
    path("<int:plan_id>/monitoring/periods/<int:period_id>/", views.desk, name="desk"),
    path(
        "<int:plan_id>/monitoring/periods/<int:period_id>/lock/",
        views.period_lock,
        name="period_lock",
    ),
    path(
        "<int:plan_id>/monitoring/periods/<int:period_id>/report.pdf",
        views.period_pdf,
        name="period_pdf",
    ),
    path(
        "<int:plan_id>/monitoring/periods/<int:period_id>/bodies/<int:body_id>/"
        "activities/<int:activity_id>/",
        views.report_edit,
        name="report_edit",
    ),
    path(
        "<int:plan_id>/monitoring/reports/<int:report_id>/review/",
        views.report_review,
        name="report_review",
    ),
    path(
        "<int:plan_id>/monitoring/focal-points/", views.focal_point_create, name="focal_point_add"
    ),
    path(
        "<int:plan_id>/monitoring/focal-points/<int:focal_point_id>/delete/",
        views.focal_point_delete,
        name="focal_point_delete",
    ),
    path(
        "<int:plan_id>/monitoring/periods/<int:period_id>/bodies/<int:body_id>/workbook.xlsx",
        views_workbook.workbook_download,
        name="workbook_download",
    ),
    path(
        "<int:plan_id>/monitoring/periods/<int:period_id>/bodies/<int:body_id>/import/",
        views_workbook.workbook_import,
        name="workbook_import",
    ),
    path(
        "<int:plan_id>/monitoring/periods/<int:period_id>/bodies/<int:body_id>/import/confirm/",
        views_workbook.workbook_confirm,
        name="workbook_confirm",
    ),
]
