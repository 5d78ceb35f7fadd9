"""Signing in and out, passwords and two-factor sign-in, under /accounts/."""

from django.contrib.auth import views as auth_views
from django.urls import path

from napplanner import two_factor

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("two-factor/", two_factor.two_factor, name="two_factor"),
    path("two-factor/verify/", two_factor.two_factor_verify, name="two_factor_verify"),
]
