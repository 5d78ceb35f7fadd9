"""A coordinator drafts a plan in the browser, from the new-plan form to the timeline
and the national resource plan."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import ComponentFactory, FrameworkFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def framework():
    framework = FrameworkFactory(title="ICMPD Guidelines", code="icmpd-2006", version="2006")
    for order, title in enumerate(("Supporting framework", "Prevention", "Protection")):
        ComponentFactory(framework=framework, title=title, code=f"C{order}", order=order)
    return framework


def test_a_coordinator_creates_a_plan_from_the_template_and_names_a_stakeholder(
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
    sections = page.get_by_test_id("section-list")
    expect(sections).to_contain_text("Background analysis: Prevention")

    nav = page.get_by_role("navigation", name="Plan pages")
    nav.get_by_role("link", name="Stakeholders").click()
    page.get_by_role("textbox", name=re.compile(r"^Name")).fill("Ministry of Internal Affairs")
    page.get_by_role("button", name="Add the stakeholder").click()
    expect(page.get_by_test_id("stakeholders")).to_contain_text("Ministry of Internal Affairs")
