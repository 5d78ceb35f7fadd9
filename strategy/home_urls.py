"""The home page, outside the `strategy` namespace: templates link to it as "home"."""

from django.urls import path

from strategy import views

urlpatterns = [
    path("", views.home, name="home"),
    path("changes/digest/", views.change_digest, name="change_digest"),
]
