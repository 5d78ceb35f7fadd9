"""Two editors in two browsers change the same activity: the second, on a stale form, gets
the conflict view and chooses per field (napplanner/concurrency.py)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from actionplan.models import Activity
from napplanner.demo import demo_users_create
from napplanner.roles import COORDINATOR
from strategy.models import PlanMembership, Stakeholder
from tests.conftest import PASSWORD
from tests.e2e.conftest import htmx_idle
from tests.e2e.test_accessibility import _violations as violations
from tests.factories import (
    ActivityFactory,
    ChapterFactory,
    PlanFactory,
    SpecificObjectiveFactory,
    StakeholderFactory,
    StrategicGoalFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def activity(live_server, page, sign_in):
    passwords = demo_users_create()
    alice = get_user_model().objects.get(username="coordinator")
    plan = PlanFactory(title="NAP 2019–2023", editors=[alice])
    carl = UserFactory(username="carl", password=PASSWORD)
    carl.groups.add(Group.objects.get(name=COORDINATOR))
    PlanMembership.objects.create(plan=plan, user=carl, role=PlanMembership.Role.EDITOR)
    chapter = ChapterFactory(plan=plan, code="1", title="Prevention")
    goal = StrategicGoalFactory(plan=plan, chapter=chapter, code="G1")
    objective = SpecificObjectiveFactory(plan=plan, goal=goal, code="O1")
    activity = ActivityFactory(plan=plan, objective=objective, code="A1", title="Train teachers")
    sign_in("coordinator", passwords["coordinator"])
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    return activity


def _carl(browser, live_server, **options):
    context = browser.new_context(**options)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("carl")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")
    return context, page


@pytest.fixture
def other_browser(browser, live_server):
    """A second person, in a browser context of their own."""
    context, page = _carl(browser, live_server)
    yield page
    context.close()


@pytest.fixture
def other_browser_without_script(browser, live_server):
    context, page = _carl(browser, live_server, java_script_enabled=False)
    yield page
    context.close()


def _edit(page, activity):
    page.get_by_role("button", name="Edit activity A1").click()
    htmx_idle(page)
    return page.locator(f"#activity-{activity.pk}-head")


def test_a_stale_save_shows_the_conflict_and_saves_the_choice(
    page, live_server, activity, other_browser
):
    form = _edit(page, activity)  # Alice opens the form first
    other_browser.goto(f"{live_server.url}/plans/{activity.plan_id}/")
    theirs = _edit(other_browser, activity)
    theirs.get_by_label("Title").fill("Train 300 teachers")
    theirs.get_by_label("Description", exact=True).fill("In every region.")
    theirs.get_by_role("button", name="Save").click()
    htmx_idle(other_browser)
    expect(other_browser.locator(f"#activity-{activity.pk}")).to_contain_text("Train 300")

    form.get_by_label("Title").fill("Train 250 teachers and 50 heads")
    form.get_by_label("Timeframe as written").fill("2020, first half")
    form.get_by_role("button", name="Save").click()
    htmx_idle(page)

    conflict = page.get_by_test_id("edit-conflict")
    summary = conflict.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Someone else saved this meanwhile")
    expect(summary).to_contain_text("Description")  # changed by them only: kept
    expect(conflict.get_by_test_id("theirs-title")).to_have_text("Train 300 teachers")
    expect(conflict.get_by_test_id("mine-title")).to_have_text("Train 250 teachers and 50 heads")
    assert Activity.objects.get(pk=activity.pk).title == "Train 300 teachers"
    assert not violations(page)

    conflict.get_by_label("Keep yours (what you typed)").check()
    conflict.get_by_role("button", name="Save my choices").click()
    htmx_idle(page)

    expect(page.locator(f"#activity-{activity.pk}")).to_contain_text("Train 250 teachers")
    saved = Activity.objects.get(pk=activity.pk)
    assert saved.title == "Train 250 teachers and 50 heads"
    assert saved.description == "In every region."  # theirs, untouched by Alice
    assert saved.timeframe_as_written == "2020, first half"


def test_without_script_the_conflict_view_is_a_page_of_its_own(
    page, live_server, activity, other_browser_without_script
):
    body = StakeholderFactory(plan=activity.plan, name="Ministry of Labour", role="Inspects.")
    url = f"{live_server.url}/plans/{activity.plan_id}/stakeholders/{body.pk}/"
    carl = other_browser_without_script
    carl.goto(url)  # Carl opens the form first, then Alice saves hers
    page.goto(url)
    page.get_by_label("Role").fill("Inspects workplaces.")
    page.get_by_role("button", name="Save the stakeholder").click()
    page.wait_for_url("**/stakeholders/")

    carl.get_by_label("Role").fill("Inspects and refers victims.")
    carl.get_by_role("button", name="Save the stakeholder").click()

    expect(carl.get_by_role("heading", level=1)).to_have_text(activity.plan.title)
    conflict = carl.get_by_test_id("edit-conflict")
    expect(conflict.get_by_test_id("theirs-role")).to_have_text("Inspects workplaces.")
    expect(conflict.get_by_test_id("mine-role")).to_have_text("Inspects and refers victims.")
    expect(conflict.locator(".error-summary")).to_be_focused()  # autofocus, no script
    conflict.get_by_role("button", name="Take all of theirs").click()
    carl.wait_for_url("**/stakeholders/")
    assert Stakeholder.objects.get(pk=body.pk).role == "Inspects workplaces."
