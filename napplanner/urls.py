from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

# One `strategy` namespace: the strategy tier's pages, and the stakeholder pages that show
# each body's activities, which actionplan composes as the layer above both.
STRATEGY_PAGES = [
    path("", include("strategy.urls")),
    path("", include("actionplan.stakeholder_urls")),
]

urlpatterns = [
    path("", include("strategy.home_urls")),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "accounts/password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("renderings/", include("napplanner.renderings_urls")),
    path("standards/", include("standards.urls")),
    path("plans/", include((STRATEGY_PAGES, "strategy"))),
    path("plans/", include("actionplan.urls")),
    path("reviews/", include("assessment.urls")),
    path("admin/", admin.site.urls),
]
