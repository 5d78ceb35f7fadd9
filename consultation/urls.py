from django.urls import path, register_converter

from consultation import views, views_summary
from consultation.elements import CommentedKindConverter

app_name = "consultation"

register_converter(CommentedKindConverter, "commented")

urlpatterns = [
    path("<int:plan_id>/comments/", views.thread, name="plan_thread"),
    path("<int:plan_id>/<commented:kind>/<int:pk>/comments/", views.thread, name="thread"),
    path(
        "<int:plan_id>/comments/<int:comment_id>/reply/",
        views.comment_reply,
        name="comment_reply",
    ),
    path(
        "<int:plan_id>/comments/<int:comment_id>/resolve/",
        views.comment_resolve,
        name="comment_resolve",
    ),
    path("<int:plan_id>/consultation/", views_summary.summary, name="summary"),
    path("<int:plan_id>/consultation.docx", views_summary.summary_docx, name="summary_docx"),
    path("<int:plan_id>/consultation.pdf", views_summary.summary_pdf, name="summary_pdf"),
]
