"""A new coordinator's first plan: from the new-plan page, with the framework's model
structure, to one complete activity (lead, timeframe, budget line, indicator). Every
action a person takes is counted, so the journey cannot grow longer unnoticed."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import htmx_idle
from tests.factories import ComponentFactory, FrameworkFactory

pytestmark = pytest.mark.django_db(transaction=True)

# Measured when the journey was written; lower it when the journey gets shorter.
MOST_STEPS = 22


class Steps:
    """Clicks, typing, choices: each is one step of the person at the keyboard."""

    def __init__(self):
        self.count = 0

    def click(self, locator):
        self.count += 1
        locator.click()

    def fill(self, locator, value):
        self.count += 1
        locator.fill(value)

    def check(self, locator):
        self.count += 1
        locator.check()


@pytest.fixture
def framework():
    framework = FrameworkFactory(
        title="ICMPD Guidelines", code="icmpd-2006", version="2006", is_current=True
    )
    for order, title in enumerate(("Prevention", "Protection", "Prosecution")):
        ComponentFactory(framework=framework, title=title, code=f"C{order}", order=order)
    return framework


def test_a_new_coordinator_reaches_a_complete_activity_in_few_steps(
    live_server, page, sign_in, cast, framework
):
    sign_in(cast.coordinator.username, cast.password)
    steps = Steps()
    steps.click(page.get_by_role("link", name="New plan"))
    expect(page.get_by_label("Plan to copy")).to_be_hidden()
    steps.check(page.get_by_label("The framework's model structure"))
    steps.fill(page.get_by_label("Country"), "Utopia")
    steps.fill(page.get_by_label("Title"), "National Action Plan 2026–2030")
    steps.fill(page.get_by_label("First year"), "2026")
    steps.fill(page.get_by_label("Last year"), "2030")
    steps.click(page.get_by_role("button", name="Create the plan"))

    nav = page.get_by_role("navigation", name="Plan pages")
    expect(nav.get_by_role("link", name="Workspace")).to_have_attribute("aria-current", "page")
    prevention = page.locator("details.ws-chapter", has_text="Prevention")
    steps.click(prevention.get_by_role("button", name="+ Add strategic goal"))
    htmx_idle(page)
    form = prevention.locator(".ws-form")
    steps.fill(
        form.get_by_role("textbox", name=re.compile(r"^Title")),
        "Fewer people are recruited into exploitation",
    )
    steps.click(form.get_by_role("button", name="Save"))
    htmx_idle(page)
    goal = prevention.locator("section.ws-goal", has_text="Fewer people are recruited")
    expect(goal).to_be_visible()

    steps.click(goal.get_by_role("button", name="+ Add specific objective"))
    htmx_idle(page)
    form = goal.locator(".ws-form")
    steps.fill(
        form.get_by_role("textbox", name=re.compile(r"^Title")),
        "Young people know the risks of trafficking",
    )
    steps.click(form.get_by_role("button", name="Save"))
    htmx_idle(page)
    objective = goal.locator("section.ws-objective", has_text="Young people know the risks")
    expect(objective).to_be_visible()

    steps.click(objective.get_by_role("button", name="+ Add activity"))
    htmx_idle(page)
    form = objective.locator(".ws-form")
    expect(form).to_contain_text("Bodies come from the Stakeholders page")
    steps.fill(
        form.get_by_role("textbox", name=re.compile(r"^Title")), "Run a school awareness campaign"
    )
    steps.fill(form.get_by_label("New lead body (not yet listed)"), "Ministry of Education")
    steps.fill(form.get_by_label("Start month"), "2026-03")
    steps.fill(form.get_by_label("End month"), "2027-06")
    steps.fill(form.get_by_label("Add a budget line: amount"), "15000")
    steps.fill(form.get_by_label("Currency"), "EUR")
    steps.fill(
        form.get_by_label("Add an indicator: definition"),
        "Number of pupils reached by the campaign",
    )
    steps.click(form.get_by_role("button", name="Save"))
    htmx_idle(page)
    activity = objective.locator("li.ws-activity", has_text="Run a school awareness campaign")
    expect(activity).to_contain_text("Lead: Ministry of Education")
    expect(activity).to_contain_text("Mar 2026")
    expect(activity).to_contain_text("Budget: 15,000 EUR")
    expect(activity).to_contain_text("1 indicator")

    # The codes were generated: the buttons name the element to a screen reader.
    expect(activity.get_by_role("button", name=re.compile(r"^Edit activity \d"))).to_be_visible()
    assert steps.count <= MOST_STEPS, f"{steps.count} steps, at most {MOST_STEPS} expected"
