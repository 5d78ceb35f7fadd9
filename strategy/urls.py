from django.urls import path

from strategy import views

# Included by napplanner/urls.py as the `strategy` namespace, together with the stakeholder
# pages that show activities (actionplan/stakeholder_urls.py).

urlpatterns: list = [
    path("new/", views.plan_create_view, name="plan_create"),
    path("<int:plan_id>/details/", views.plan_details, name="plan_details"),
    path("<int:plan_id>/status/", views.plan_status_change_view, name="plan_status_change"),
    path("<int:plan_id>/sections/new/", views.section_create, name="section_create"),
    path("<int:plan_id>/sections/<int:section_id>/", views.section_edit, name="section_edit"),
    path(
        "<int:plan_id>/sections/<int:section_id>/delete/",
        views.section_delete,
        name="section_delete",
    ),
    path(
        "<int:plan_id>/sections/<int:section_id>/move/",
        views.section_move_view,
        name="section_move",
    ),
    path("<int:plan_id>/members/", views.membership_create, name="membership_create"),
    path(
        "<int:plan_id>/members/<int:membership_id>/delete/",
        views.membership_delete,
        name="membership_delete",
    ),
    path(
        "<int:plan_id>/stakeholders/<int:stakeholder_id>/",
        views.stakeholder_edit,
        name="stakeholder_edit",
    ),
]
