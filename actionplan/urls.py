from django.urls import path

from actionplan import views

app_name = "actionplan"

urlpatterns: list = [
    path("<int:plan_id>/timeline/", views.timeline, name="timeline"),
    path("<int:plan_id>/resources/", views.resources, name="resources"),
]
