"""A coordinator drafts a plan in the browser, from the new-plan form to the timeline
and the national resource plan."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import htmx_idle
from tests.factories import (
    ActivityFactory,
    ComponentFactory,
    FrameworkFactory,
    PlanFactory,
    SpecificObjectiveFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def framework():
    framework = FrameworkFactory(title="ICMPD Guidelines", code="icmpd-2006", version="2006")
    for order, title in enumerate(("Supporting framework", "Prevention", "Protection")):
        ComponentFactory(framework=framework, title=title, code=f"C{order}", order=order)
    return framework


def test_a_coordinator_drafts_a_plan_and_sees_it_in_the_timeline_and_resource_plan(
    live_server, page, sign_in, cast, framework
):
    sign_in(cast.coordinator.username, cast.password)
    page.get_by_role("link", name="New plan").click()
    page.get_by_label("The framework's model structure").check()
    page.get_by_label("Country").fill("Utopia")
    page.get_by_label("Title").fill("National Action Plan 2025–2029")
    page.get_by_label("First year").fill("2025")
    page.get_by_label("Last year").fill("2029")
    page.get_by_label("Framework", exact=True).select_option(label=str(framework))
    page.get_by_role("button", name="Create the plan").click()
    expect(page.get_by_role("heading", name="National Action Plan 2025–2029")).to_be_visible()
    nav = page.get_by_role("navigation", name="Plan pages")
    expect(nav.get_by_role("link", name="Workspace")).to_have_attribute("aria-current", "page")
    nav.get_by_role("link", name="Details and sections").click()
    sections = page.get_by_test_id("section-list")
    expect(sections).to_contain_text("Background analysis: Prevention")

    nav.get_by_role("link", name="Stakeholders").click()
    page.get_by_role("textbox", name=re.compile(r"^Name")).fill("Ministry of Internal Affairs")
    page.get_by_role("button", name="Add the stakeholder").click()
    expect(page.get_by_test_id("stakeholders")).to_contain_text("Ministry of Internal Affairs")

    nav.get_by_role("link", name="Workspace").click()
    prevention = page.locator("details.ws-chapter", has_text="Prevention")
    prevention.get_by_role("button", name="+ Add strategic goal").click()
    htmx_idle(page)
    form = prevention.locator(".ws-form")
    form.get_by_label("Code").fill("G1")
    form.get_by_role("textbox", name=re.compile(r"^Title")).fill(
        "Fewer people are recruited into exploitation"
    )
    form.get_by_role("button", name="Save").click()
    htmx_idle(page)
    goal = prevention.locator("section.ws-goal", has_text="Fewer people are recruited")
    expect(goal).to_be_visible()

    goal.get_by_role("button", name="+ Add specific objective").click()
    htmx_idle(page)
    form = goal.locator(".ws-form")
    form.get_by_label("Code").fill("O1")
    form.get_by_role("textbox", name=re.compile(r"^Title")).fill(
        "Young people in border regions know the risks of trafficking"
    )
    form.get_by_role("button", name="Save").click()
    htmx_idle(page)
    objective = goal.locator("section.ws-objective", has_text="Young people in border regions")
    expect(objective).to_be_visible()

    for code, title, start, end in [
        ("A1", "Run a school awareness campaign", "2025-03", "2026-06"),
        ("A2", "Train 200 teachers to spot recruitment", "2026-01", "2027-12"),
    ]:
        objective.get_by_role("button", name="+ Add activity").click()
        htmx_idle(page)
        form = objective.locator(".ws-form")
        form.get_by_label("Code").fill(code)
        form.get_by_role("textbox", name=re.compile(r"^Title")).fill(title)
        form.get_by_label("Lead body", exact=True).select_option(
            label="Ministry of Internal Affairs"
        )
        form.get_by_label("Start month").fill(start)
        form.get_by_label("End month").fill(end)
        form.get_by_role("button", name="Save").click()
        htmx_idle(page)
        expect(objective.locator("li.ws-activity", has_text=title)).to_be_visible()

    campaign = objective.locator("li.ws-activity", has_text="Run a school awareness campaign")
    expect(campaign).to_contain_text("Lead: Ministry of Internal Affairs")
    campaign.get_by_role("button", name="Details").click()
    htmx_idle(page)
    campaign.get_by_role("button", name="+ Add budget line").click()
    htmx_idle(page)
    form = campaign.locator(".ws-form")
    form.get_by_label("Amount").fill("15000")
    form.get_by_label("Currency").fill("EUR")
    form.get_by_role("button", name="Save").click()
    htmx_idle(page)
    expect(campaign).to_contain_text("Budget: 15,000 EUR")
    campaign.get_by_role("button", name="+ Add indicator").click()
    htmx_idle(page)
    form = campaign.locator(".ws-form")
    form.get_by_label("Definition").fill("Number of pupils reached by the campaign")
    form.get_by_role("button", name="Save").click()
    htmx_idle(page)
    expect(campaign).to_contain_text("1 indicator")

    campaign.get_by_role("button", name="Move activity A1 down").click()
    activities = objective.locator("li.ws-activity")
    expect(activities.first).to_contain_text("Train 200 teachers")

    nav = page.get_by_role("navigation", name="Plan pages")
    nav.get_by_role("link", name="Timeline").click()
    expect(page.get_by_test_id("timeline-chart").locator("svg")).to_be_visible()
    rows = page.get_by_test_id("timeline-table").filter(has_text="Prevention").locator("tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("A2 Train 200 teachers")
    expect(rows.nth(1)).to_contain_text("Mar 2025")

    nav.get_by_role("link", name="Resource plan").click()
    expect(page.get_by_test_id("currency-EUR")).to_contain_text("Budget in EUR: 15,000.00")
    expect(page.get_by_test_id("unbudgeted")).to_contain_text("A2 Train 200 teachers")


def test_a_coordinator_continues_an_earlier_plan_into_a_new_period(
    live_server, page, sign_in, cast
):
    earlier = PlanFactory(
        country="Utopia",
        title="NAP 2014–2018",
        period_start=2014,
        period_end=2018,
        editors=[cast.coordinator],
    )
    objective = SpecificObjectiveFactory(goal__chapter__plan=earlier, goal__plan=earlier)
    ActivityFactory(
        objective=objective,
        code="5.1",
        title="Amend the Criminal Code",
        start_month=datetime.date(2014, 3, 1),
        end_month=datetime.date(2015, 6, 1),
    )
    sign_in(cast.coordinator.username, cast.password)
    page.get_by_role("link", name="New plan").click()
    expect(page.get_by_label("Plan to copy")).to_be_hidden()
    page.get_by_label("A copy of an earlier plan").check()
    page.get_by_label("Plan to copy").select_option(label=str(earlier))
    page.get_by_label("Country").fill("Utopia")
    page.get_by_label("Title").fill("NAP 2019–2023")
    page.get_by_label("First year").fill("2019")
    page.get_by_label("Last year").fill("2023")
    page.get_by_role("button", name="Create the plan").click()
    expect(page.get_by_role("heading", name="NAP 2019–2023")).to_be_visible()
    nav = page.get_by_role("navigation", name="Plan pages")
    nav.get_by_role("link", name="Details and sections").click()
    expect(page.get_by_test_id("plan-details-form").get_by_label("Previous plan")).to_have_value(
        str(earlier.pk)
    )

    nav.get_by_role("link", name="Timeline").click()
    row = page.get_by_test_id("timeline-table").locator("tr", has_text="Amend the Criminal Code")
    expect(row).to_contain_text("Mar 2019")
    expect(row).to_contain_text("Jun 2020")
