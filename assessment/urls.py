from django.urls import path

from assessment import views, views_compare, views_follow_up, views_history, views_report

app_name = "assessment"

urlpatterns = [
    path("", views.review_index, name="review_index"),
    path("plan/<int:plan_id>/", views.plan_reviews, name="plan_reviews"),
    path("plan/<int:plan_id>/new/", views.review_create, name="review_create"),
    path("<int:review_id>/", views.review_detail, name="review_detail"),
    path("<int:review_id>/run/", views.review_run, name="review_run"),
    path("<int:review_id>/finalise/", views.review_finalise, name="review_finalise"),
    path(
        "<int:review_id>/findings/<slug:rule>/",
        views.rule_findings,
        name="rule_findings",
    ),
    path(
        "<int:review_id>/findings/<int:finding_id>/dismiss/",
        views.finding_dismiss,
        name="finding_dismiss",
    ),
    path(
        "<int:review_id>/findings/<int:finding_id>/restore/",
        views.finding_restore,
        name="finding_restore",
    ),
    path(
        "<int:review_id>/findings/<int:finding_id>/note/",
        views.note_from_finding,
        name="note_from_finding",
    ),
    path(
        "<int:review_id>/ratings/<int:rating_id>/override/",
        views.rating_override,
        name="rating_override",
    ),
    path(
        "<int:review_id>/ratings/<int:rating_id>/reject/",
        views.suggestion_reject,
        name="suggestion_reject",
    ),
    path(
        "<int:review_id>/ratings/<int:rating_id>/evidence/",
        views.rating_evidence,
        name="rating_evidence",
    ),
    path("<int:review_id>/suggested/", views.suggested_notes, name="suggested_notes"),
    path("<int:review_id>/notes/", views.note_create, name="note_create"),
    path("<int:review_id>/notes/<int:note_id>/", views.note_update, name="note_update"),
    path("<int:review_id>/notes/<int:note_id>/delete/", views.note_delete, name="note_delete"),
    path(
        "<int:review_id>/notes/<int:note_id>/recommendation/",
        views.recommendation_update,
        name="recommendation_update",
    ),
    path(
        "<int:review_id>/suggested/<int:suggestion_id>/accept/",
        views.suggested_note_accept,
        name="suggested_note_accept",
    ),
    path(
        "<int:review_id>/suggested/<int:suggestion_id>/reject/",
        views.suggested_note_reject,
        name="suggested_note_reject",
    ),
    path(
        "<int:review_id>/suggested/<int:suggestion_id>/restore/",
        views.suggested_note_restore,
        name="suggested_note_restore",
    ),
    path(
        "<int:review_id>/compare/<int:other_id>/",
        views_compare.review_compare,
        name="review_compare",
    ),
    path("<int:review_id>/history/", views_history.review_history, name="review_history"),
    path("<int:review_id>/report/", views_report.report, name="report"),
    # The follow-up of the previous review's recommendations, in the plan that follows.
    path("plan/<int:plan_id>/follow-up/", views_follow_up.follow_up, name="follow_up"),
    path(
        "plan/<int:plan_id>/follow-up/link/",
        views_follow_up.follow_up_link,
        name="follow_up_link",
    ),
    path(
        "plan/<int:plan_id>/follow-up/link/<int:link_id>/delete/",
        views_follow_up.follow_up_unlink,
        name="follow_up_unlink",
    ),
    path(
        "plan/<int:plan_id>/follow-up/<int:note_id>/confirm/",
        views_follow_up.follow_up_confirm,
        name="follow_up_confirm",
    ),
    path(
        "plan/<int:plan_id>/follow-up/<slug:kind>/<int:pk>/",
        views_follow_up.follow_up_element,
        name="follow_up_element",
    ),
    path(
        "plan/<int:plan_id>/follow-up/<slug:kind>/<int:pk>/<int:link_id>/unlink/",
        views_follow_up.follow_up_element_unlink,
        name="follow_up_element_unlink",
    ),
    path("<int:review_id>/report.pdf", views_report.report_download, name="report_pdf"),
]
