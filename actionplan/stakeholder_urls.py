"""The stakeholder pages composed in actionplan, in the `strategy` namespace beside
strategy/urls.py (see napplanner/urls.py)."""

from django.urls import path

from actionplan import views_stakeholders

urlpatterns: list = [
    path("<int:plan_id>/stakeholders/", views_stakeholders.stakeholders, name="stakeholders"),
    path(
        "<int:plan_id>/stakeholders/<int:stakeholder_id>/delete/",
        views_stakeholders.stakeholder_delete,
        name="stakeholder_delete",
    ),
]
