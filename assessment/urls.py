from django.urls import path

from assessment import views_report

app_name = "assessment"

urlpatterns: list = [
    path("<int:review_id>/report/", views_report.report, name="report"),
    path("<int:review_id>/report.pdf", views_report.report_download, name="report_pdf"),
]
