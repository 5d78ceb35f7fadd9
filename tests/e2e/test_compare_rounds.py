"""A reader of the demo plan finds its reviewed version on the plan's Reviews page and
compares the final round with a later draft round of the changed plan."""

import pytest
from playwright.sync_api import expect

from actionplan.models import Activity
from assessment.services import review_create, review_finalise
from tests.e2e.test_review_plan import PASSWORD, demo_plan, reviewer  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_reviewer_compares_two_rounds(live_server, page, sign_in, demo_plan, reviewer):  # noqa: F811
    framework = demo_plan.framework
    first = review_create(plan=demo_plan, framework=framework, user=reviewer)
    review_finalise(review=first, user=reviewer)
    activity = Activity.objects.filter(plan=demo_plan).order_by("order", "pk").first()
    activity.title = f"{activity.title} with the regional offices"
    activity.save()
    second = review_create(plan=demo_plan, framework=framework, user=reviewer)

    sign_in("rita", PASSWORD)
    page.goto(f"{live_server.url}/reviews/plan/{demo_plan.pk}/")
    rounds = page.get_by_test_id("review-rounds")
    expect(rounds).to_contain_text(str(first.snapshot.result["scores"]["overall"]))

    page.goto(f"{live_server.url}/reviews/{second.pk}/")
    page.get_by_text("Compare with another round").click()
    page.get_by_test_id("compare-links").get_by_role("link").first.click()
    expect(page.get_by_role("heading", name="Two review rounds compared")).to_be_visible()
    expect(
        page.get_by_role("img", name="Score movement per component and principle")
    ).to_be_visible()
    expect(page.get_by_test_id("redline-counts")).to_contain_text("1 changed")
    expect(page.locator(".redline ins").first).to_have_text("with the regional offices")
