"""A consultation in a real browser: a consultee comments on an activity, an editor
declines it with a reason, and the consultee reads the decision."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from consultation.models import Comment, Resolution
from napplanner.demo import demo_users_create
from strategy.models import PlanMembership, PlanStatus
from tests.e2e.conftest import htmx_idle
from tests.factories import (
    ActivityFactory,
    ChapterFactory,
    PlanFactory,
    SpecificObjectiveFactory,
    StrategicGoalFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def consulted(live_server):
    passwords = demo_users_create()
    users = get_user_model().objects
    plan = PlanFactory(
        title="NAP 2019–2023",
        status=PlanStatus.CONSULTATION,
        editors=[users.get(username="coordinator")],
    )
    PlanMembership.objects.create(
        plan=plan,
        user=users.get(username="consultee"),
        role=PlanMembership.Role.CONSULTEE,
        organisation="La Strada",
    )
    chapter = ChapterFactory(plan=plan, code="1", title="Prevention")
    goal = StrategicGoalFactory(plan=plan, chapter=chapter, code="G1")
    objective = SpecificObjectiveFactory(plan=plan, goal=goal, code="O1")
    activity = ActivityFactory(plan=plan, objective=objective, code="A1", title="Train teachers")
    return plan, activity, passwords


def _open_thread(page, live_server, plan, activity):
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    page.locator(f"#activity-{activity.pk}-head .ws-comments").click()
    htmx_idle(page)
    return page.locator(f"#thread-activity-{activity.pk}")


def test_a_consultee_comments_and_an_editor_declines_with_a_reason(
    live_server, page, sign_in, consulted
):
    plan, activity, passwords = consulted
    sign_in("consultee", passwords["consultee"])
    thread = _open_thread(page, live_server, plan, activity)
    expect(page.get_by_test_id("read-only")).to_be_visible()
    thread.get_by_label("Your comment").fill("Train school nurses as well.")
    thread.get_by_role("button", name="Comment").click()
    htmx_idle(page)
    thread = page.locator(f"#thread-activity-{activity.pk}")
    expect(thread.get_by_test_id("comment")).to_contain_text("Train school nurses as well.")
    expect(thread.get_by_test_id("comment")).to_contain_text("La Strada")
    expect(thread.get_by_test_id("resolve-form")).to_have_count(0)

    page.context.clear_cookies()
    sign_in("coordinator", passwords["coordinator"])
    thread = _open_thread(page, live_server, plan, activity)
    thread.get_by_label("Decision").select_option(label="Decline")
    thread.get_by_role("button", name="Resolve").click()
    htmx_idle(page)
    thread = page.locator(f"#thread-activity-{activity.pk}")
    expect(thread.get_by_test_id("resolve-error")).to_be_visible()
    thread.get_by_label("Decision").select_option(label="Decline")
    thread.get_by_label("Reason (the organisation reads it)").fill("Nurses are in 2.1.")
    thread.get_by_role("button", name="Resolve").click()
    htmx_idle(page)
    thread = page.locator(f"#thread-activity-{activity.pk}")
    expect(thread.get_by_test_id("resolution")).to_have_text("Declined")
    comment = Comment.objects.get()
    assert (comment.resolution, comment.reason) == (Resolution.DECLINED, "Nurses are in 2.1.")

    page.context.clear_cookies()
    sign_in("consultee", passwords["consultee"])
    page.goto(f"{live_server.url}/plans/{plan.pk}/consultation/")
    expect(page.get_by_text("Nurses are in 2.1.")).to_be_visible()
