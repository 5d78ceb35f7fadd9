"""The plan workspace in a real browser: in-place add, edit, delete, reorder by keyboard."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from actionplan import workspace_views
from actionplan.models import Activity
from napplanner.demo import demo_users_create
from tests.e2e.conftest import htmx_idle
from tests.factories import (
    ActivityFactory,
    ChapterFactory,
    PlanFactory,
    SpecificObjectiveFactory,
    StakeholderFactory,
    StrategicGoalFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def workspace(live_server, page, sign_in):
    passwords = demo_users_create()
    editor = get_user_model().objects.get(username="coordinator")
    plan = PlanFactory(title="NAP 2019–2023", editors=[editor])
    chapter = ChapterFactory(plan=plan, code="1", title="Prevention")
    goal = StrategicGoalFactory(plan=plan, chapter=chapter, code="G1")
    objective = SpecificObjectiveFactory(plan=plan, goal=goal, code="O1")
    first = ActivityFactory(plan=plan, objective=objective, code="A1", title="Train teachers")
    second = ActivityFactory(plan=plan, objective=objective, code="A2", title="Train judges")
    StakeholderFactory(plan=plan, name="Ministry of Education")
    sign_in("coordinator", passwords["coordinator"])
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    return plan, objective, first, second


def test_a_coordinator_adds_an_activity_after_fixing_its_dates_and_markup(page, workspace):
    plan, objective, *_ = workspace
    page.get_by_role("button", name="+ Add activity").click()
    htmx_idle(page)
    form = page.locator(".ws-form")
    form.get_by_label("Title").fill("Run a <b>campaign</b> in schools")
    form.get_by_label("Start month").fill("2020-06")
    form.get_by_label("End month").fill("2020-02")
    form.get_by_label("Lead body", exact=True).select_option(label="Ministry of Education")
    form.get_by_role("button", name="Save").click()
    htmx_idle(page)
    feedback = form.locator(".invalid-feedback")
    expect(
        feedback.filter(has_text="The end month cannot be before the start month.")
    ).to_be_visible()
    expect(feedback.filter(has_text="Remove the markup")).to_be_visible()
    expect(form.locator(".error-summary")).to_be_focused()
    expect(form.get_by_label("Title")).to_have_value("Run a <b>campaign</b> in schools")
    assert not Activity.objects.filter(title__contains="campaign").exists()

    form.get_by_label("Title").fill("Run a campaign in schools")
    form.get_by_label("End month").fill("2020-09")
    form.get_by_role("button", name="Save").click()
    htmx_idle(page)
    row = page.locator(".ws-activity", has_text="Run a campaign in schools")
    expect(row).to_contain_text("Lead: Ministry of Education")
    expect(row).to_contain_text("Jun 2020 – Sep 2020")
    expect(page.locator(".ws-form")).to_have_count(0)
    assert Activity.objects.get(title__contains="campaign").objective == objective


def test_a_coordinator_reorders_activities_with_the_keyboard(page, workspace):
    plan, objective, first, second = workspace
    button = page.get_by_role("button", name="Move activity A2 up")
    button.focus()
    page.keyboard.press("Enter")
    rows = page.locator(f"#objective-{objective.pk}-activities > li")
    expect(rows.first).to_contain_text("Train judges")
    expect(page.get_by_role("button", name="Move activity A2 up")).to_be_focused()
    codes = list(objective.activities.order_by("order").values_list("code", flat=True))
    assert codes == ["A2", "A1"]


def test_a_coordinator_edits_and_deletes_in_place(page, workspace):
    plan, objective, first, second = workspace
    page.get_by_role("button", name="Edit activity A1").click()
    htmx_idle(page)
    form = page.locator(".ws-form")
    form.get_by_label("Title").fill("Train 300 teachers")
    form.get_by_role("button", name="Save").click()
    htmx_idle(page)
    expect(page.locator(f"#activity-{first.pk}")).to_contain_text("Train 300 teachers")
    head = page.locator(f"#activity-{first.pk}-head")
    expect(head.get_by_role("button").first).to_be_focused()

    page.get_by_role("button", name="Delete activity A2").click()
    expect(page.get_by_role("alert")).to_contain_text("Delete the activity")
    page.get_by_role("alert").get_by_role("button", name="Delete").click()
    expect(page.locator(f"#activity-{second.pk}")).to_have_count(0)
    assert not Activity.objects.filter(pk=second.pk).exists()


def test_a_budget_line_added_in_the_details_updates_the_total(page, workspace):
    plan, objective, first, second = workspace
    page.locator(f"#activity-{first.pk}").get_by_role("button", name="Details").click()
    htmx_idle(page)
    page.get_by_role("button", name="+ Add budget line").click()
    htmx_idle(page)
    form = page.locator(".ws-form")
    expect(form.locator(":focus")).to_have_count(1)  # settled: htmx has taken the form
    form.get_by_label("Amount").fill("12000")
    form.get_by_label("Currency").fill("EUR")
    form.get_by_role("button", name="Save").click()
    htmx_idle(page)
    expect(page.locator(f"#activity-{first.pk}-head")).to_contain_text("Budget: 12,000 EUR")


def test_chapters_collapse_and_expand(page, workspace):
    chapter = page.locator("details.ws-chapter").first
    expect(chapter).to_have_attribute("open", "")
    page.get_by_role("button", name="Collapse all chapters").click()
    expect(page.get_by_text("Train judges")).to_be_hidden()
    chapter.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Train judges")).to_be_visible()


def test_a_chapter_drawn_closed_loads_when_opened_with_the_keyboard(page, workspace, monkeypatch):
    plan, *_ = workspace
    # Every chapter deferred: the first, drawn open, loads by itself; the second waits.
    monkeypatch.setattr(workspace_views, "DRAWN_ACTIVITIES", 0)
    chapter = ChapterFactory(plan=plan, code="2", title="Prosecution")
    goal = StrategicGoalFactory(plan=plan, chapter=chapter, code="G2")
    objective = SpecificObjectiveFactory(plan=plan, goal=goal, code="O2")
    ActivityFactory(plan=plan, objective=objective, code="A9", title="Train prosecutors")
    page.reload()
    closed = page.locator(f"#chapter-{chapter.pk}")
    expect(closed).not_to_have_attribute("open", "")
    expect(closed.locator("summary")).to_contain_text("1 activity")
    expect(page.get_by_text("Train judges")).to_be_visible()
    expect(page.get_by_text("Train prosecutors")).to_have_count(0)

    closed.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Train prosecutors")).to_be_visible()
    expect(closed.locator("summary")).to_be_focused()
    # What the chapter brought is edited in place like the rest of the tree.
    page.get_by_role("button", name="Edit activity A9").click()
    htmx_idle(page)
    page.locator(".ws-form").get_by_label("Title").fill("Train 40 prosecutors")
    page.locator(".ws-form").get_by_role("button", name="Save").click()
    htmx_idle(page)
    expect(page.locator(f"#chapter-{chapter.pk}")).to_contain_text("Train 40 prosecutors")


def test_the_keyboard_reaches_an_opened_form_closes_it_with_escape_and_hears_saves(page, workspace):
    plan, objective, first, second = workspace
    edit = page.get_by_role("button", name="Edit activity A1")
    edit.focus()
    page.keyboard.press("Enter")
    form = page.locator(".ws-form")
    expect(form.locator(":focus")).to_have_count(1)  # the focus is inside the form

    page.keyboard.press("Escape")
    expect(page.locator(".ws-form")).to_have_count(0)
    head = page.locator(f"#activity-{first.pk}-head")
    expect(head.get_by_role("button").first).to_be_focused()

    page.get_by_role("button", name="Edit activity A1").click()
    htmx_idle(page)
    page.locator(".ws-form").get_by_label("Title").fill("Train 300 teachers")
    page.locator(".ws-form").get_by_role("button", name="Save").click()
    htmx_idle(page)
    expect(page.locator("#ws-status")).to_have_text("Saved.")

    page.get_by_role("button", name="Edit activity A2").click()
    htmx_idle(page)
    page.locator(".ws-form").get_by_label("Start month").fill("2021-06")
    page.locator(".ws-form").get_by_label("End month").fill("2021-01")
    page.locator(".ws-form").get_by_role("button", name="Save").click()
    htmx_idle(page)
    summary = page.locator(".ws-form .error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("End month")
    summary.get_by_role("link").first.click()
    expect(page.locator(".ws-form .is-invalid").first).to_be_focused()


def test_the_details_and_add_buttons_say_whether_what_they_open_is_shown(page, workspace):
    plan, objective, first, second = workspace
    details = page.locator(f"#activity-{first.pk}-head").get_by_role("button", name="Details")
    expect(details).to_have_attribute("aria-expanded", "false")
    details.click()
    htmx_idle(page)
    expect(details).to_have_attribute("aria-expanded", "true")
    add = page.get_by_role("button", name="+ Add budget line")
    expect(add).to_have_attribute("aria-expanded", "false")
    add.click()
    htmx_idle(page)
    expect(add).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Escape")
    expect(add).to_have_attribute("aria-expanded", "false")
    expect(add).to_be_focused()
    page.get_by_role("button", name="Close details").click()
    expect(details).to_have_attribute("aria-expanded", "false")
    expect(details).to_be_focused()
    details.click()  # opens again, and a second press closes
    htmx_idle(page)
    expect(page.get_by_role("button", name="Close details")).to_be_visible()
    details.click()
    expect(details).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_role("button", name="Close details")).to_have_count(0)
