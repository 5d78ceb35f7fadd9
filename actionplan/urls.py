from django.urls import path

from actionplan import views, views_pdf

app_name = "actionplan"

urlpatterns: list = [
    path("<int:plan_id>/timeline/", views.timeline, name="timeline"),
    path("<int:plan_id>/resources/", views.resources, name="resources"),
    path("<int:plan_id>/export.pdf", views_pdf.plan_pdf, name="plan_pdf"),
]
