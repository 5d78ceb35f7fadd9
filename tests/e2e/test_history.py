"""The history of a plan in a real browser: an edit shows in the element's panel and on the
plan's history page, and a deleted activity comes back from there."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from actionplan.models import Activity
from napplanner.demo import demo_users_create
from tests.e2e.conftest import htmx_idle
from tests.factories import (
    ActivityFactory,
    ChapterFactory,
    PlanFactory,
    SpecificObjectiveFactory,
    StrategicGoalFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_coordinator_sees_an_edit_in_the_history_and_restores_a_deletion(
    live_server, page, sign_in
):
    passwords = demo_users_create()
    editor = get_user_model().objects.get(username="coordinator")
    plan = PlanFactory(title="NAP 2019–2023", editors=[editor])
    chapter = ChapterFactory(plan=plan, code="1", title="Prevention")
    goal = StrategicGoalFactory(plan=plan, chapter=chapter, code="G1")
    objective = SpecificObjectiveFactory(plan=plan, goal=goal, code="O1")
    first = ActivityFactory(plan=plan, objective=objective, code="A1", title="Train teachers")
    second = ActivityFactory(plan=plan, objective=objective, code="A2", title="Train judges")
    sign_in("coordinator", passwords["coordinator"])
    page.goto(f"{live_server.url}/plans/{plan.pk}/")

    page.get_by_role("button", name="Edit activity A1").click()
    htmx_idle(page)
    form = page.locator(".ws-form")
    form.get_by_label("Title").fill("Train 300 teachers")
    form.get_by_role("button", name="Save").click()
    htmx_idle(page)
    page.locator(f"#activity-{first.pk}").get_by_role("button", name="Details").click()
    htmx_idle(page)
    page.get_by_role("button", name="History").click()
    htmx_idle(page)
    changes = page.get_by_test_id("element-history").get_by_test_id("history-changes").first
    expect(changes).to_contain_text("Train teachers")
    expect(changes).to_contain_text("Train 300 teachers")

    page.get_by_role("button", name="Delete activity A2").click()
    page.get_by_role("alert").get_by_role("button", name="Delete").click()
    expect(page.locator(f"#activity-{second.pk}")).to_have_count(0)
    page.get_by_role("link", name="History", exact=True).click()
    deletion = page.get_by_test_id("history-entry").first
    expect(deletion).to_contain_text("Deleted")
    expect(deletion).to_contain_text("Train judges")
    deletion.get_by_role("button", name="Restore with what it held").click()
    expect(page.get_by_test_id("history-entry").first).to_contain_text("Restored")
    assert Activity.objects.filter(pk=second.pk).exists()
