"""A coordinator drafting the next plan follows up the previous review's recommendations
in the workspace: opens the table, links a chapter and an activity, confirms a status."""

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from assessment.models import RecommendationFollowUp, RecommendationLink
from napplanner.demo import demo_users_create
from tests.assessment.catalogue import icmpd_like_framework
from tests.assessment.follow_up_world import follow_up_world
from tests.e2e.conftest import htmx_idle
from tests.e2e.test_accessibility import _violations
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def world(live_server, page, sign_in):
    passwords = demo_users_create()
    users = get_user_model().objects
    cast = SimpleNamespace(
        coordinator=users.get(username="coordinator"),
        reviewer=users.get(username="reviewer"),
        coordinator2=UserFactory(),
    )
    world = follow_up_world(cast, icmpd_like_framework())
    sign_in("coordinator", passwords["coordinator"])
    page.goto(f"{live_server.url}/plans/{world.plan.pk}/")
    return world


def test_a_coordinator_links_and_confirms_in_the_workspace(page, world):
    page.get_by_role("link", name="Show the follow-up").click()
    htmx_idle(page)
    table = page.get_by_test_id("follow-up-table")
    expect(table).to_contain_text(world.by_hand.reference)
    assert not _violations(page), "the follow-up table fails axe"

    chapter = world.element("chapter")
    panel = page.locator("#follow-up-panel")
    panel.get_by_label("Recommendation", exact=True).select_option(value=str(world.by_hand.pk))
    panel.get_by_label("Element of this plan").select_option(value=f"chapter:{chapter.pk}")
    panel.get_by_role("button", name="Link", exact=True).click()
    htmx_idle(page)
    row = page.locator(f"#follow-up-{world.by_hand.pk}")
    expect(row).to_contain_text(str(chapter))
    expect(row.get_by_test_id("suggested-status")).to_have_text("Addressed")

    row.get_by_label(f"Confirmed status of {world.by_hand.reference}").select_option("partly")
    row.get_by_role("button", name="Confirm").click()
    htmx_idle(page)
    row = page.locator(f"#follow-up-{world.by_hand.pk}")
    expect(row.get_by_test_id("confirmed-status")).to_contain_text("Partly addressed")
    assert RecommendationFollowUp.objects.get().status == "partly"

    activity = world.element("activity")
    page.locator(f"#activity-{activity.pk}-head").get_by_role("button", name="Details").click()
    htmx_idle(page)
    details = page.locator(f"#follow-up-activity-{activity.pk}")
    expect(details).to_contain_text("Recommendations it answers")
    assert not _violations(page), "an activity's follow-up links fail axe"
    details.get_by_label("Answers the recommendation").select_option(
        value=str(world.from_finding.pk)
    )
    details.get_by_role("button", name="Link").click()
    htmx_idle(page)
    expect(details).to_contain_text(world.from_finding.reference)
    assert RecommendationLink.objects.filter(activity=activity).count() == 1
