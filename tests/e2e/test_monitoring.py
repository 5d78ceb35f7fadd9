"""A focal point reports on their body's activity (status, progress, an indicator's value,
money spent); the coordinator approves the report and publishes the period; the dashboard
then shows it to every reader of the plan."""

import pytest
from playwright.sync_api import expect

from tests.monitoring.conftest import cast as cast  # noqa: F401 (the cast with focal points)
from tests.monitoring.conftest import monitored_plan

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_focal_point_reports_and_the_coordinator_publishes_it(
    live_server, page, sign_in, cast, context
):
    m = monitored_plan(cast)
    sign_in(cast.focal_a.username, cast.password)
    page.get_by_test_id("reminders").get_by_role("link").first.click()
    page.get_by_test_id("duties").get_by_role("link", name=m.activity_a.code).click()
    page.get_by_label("Status").select_option(label="Delayed")
    page.get_by_role("button", name="Submit to the coordinator").click()
    expect(page.get_by_label("Reason")).to_have_attribute("aria-invalid", "true")
    page.get_by_label("Reason").fill("The trainer left the ministry.")
    page.get_by_label("Progress").fill("The curriculum is drafted.")
    page.get_by_label("Date measured").fill("2019-06-30")
    page.get_by_label("Value reached", exact=False).fill("12")
    page.get_by_label("Spent on", exact=False).fill("400")
    page.get_by_role("button", name="Submit to the coordinator").click()
    expect(page.get_by_text("The report was submitted to the coordinator.")).to_be_visible()
    page.get_by_role("button", name="Sign out").click()

    sign_in(cast.coordinator.username, cast.password)
    page.goto(f"{live_server.url}/plans/{m.plan.pk}/monitoring/periods/{m.period.pk}/")
    expect(page.get_by_test_id("completeness")).to_contain_text("Ministry of Labour")
    page.get_by_test_id("approve").click()
    expect(page.get_by_text("The report was approved.")).to_be_visible()
    page.get_by_test_id("publish").click()
    expect(page.get_by_text("is published")).to_be_visible()
    page.get_by_role("navigation", name="Plan pages").get_by_role("link", name="Monitoring").click()
    expect(page.get_by_test_id("delays")).to_contain_text("The trainer left the ministry.")
    expect(page.get_by_test_id("trend").locator("svg title").first).to_have_text(
        "Reported status of activities per period"
    )
    expect(page.get_by_test_id("indicators")).to_contain_text("12")
    expect(page.get_by_test_id("budget")).to_contain_text("400.00 EUR")
