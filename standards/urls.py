from django.urls import path

from standards import views

app_name = "standards"

urlpatterns = [
    path("", views.index, name="index"),
    path("manage/", views.manage, name="manage"),
    path("manage/upload/", views.upload, name="upload"),
    path("manage/confirm/", views.upload_confirm, name="upload_confirm"),
    path("<slug:code>/<str:version>/", views.framework_detail, name="framework_detail"),
    path(
        "<slug:code>/<str:version>/make-current/",
        views.make_current,
        name="framework_make_current",
    ),
    path(
        "<slug:code>/<str:version>/export.<str:fmt>",
        views.framework_export,
        name="framework_export",
    ),
]
