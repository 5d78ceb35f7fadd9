from django.contrib import admin
from django.urls import include, path

# One `strategy` namespace: the strategy tier's pages, and the stakeholder pages that show
# each body's activities, which actionplan composes as the layer above both.
STRATEGY_PAGES = [
    path("", include("strategy.urls")),
    path("", include("actionplan.stakeholder_urls")),
]

urlpatterns = [
    path("", include("strategy.home_urls")),
    path("accounts/", include("napplanner.accounts_urls")),
    path("renderings/", include("napplanner.renderings_urls")),
    path("standards/", include("standards.urls")),
    path("plans/", include((STRATEGY_PAGES, "strategy"))),
    path("plans/", include("actionplan.urls")),
    path("plans/", include("consultation.urls")),
    path("plans/", include("monitoring.urls")),
    path("reviews/", include("assessment.urls")),
    path("admin/", admin.site.urls),
]
