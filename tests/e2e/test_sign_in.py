import pytest
from playwright.sync_api import expect

from napplanner.demo import demo_users_create

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_demo_coordinator_signs_in_and_sees_the_home_page(live_server, page, sign_in):
    passwords = demo_users_create()
    sign_in("coordinator", passwords["coordinator"])
    expect(page.get_by_role("heading", name="National action plans")).to_be_visible()
    expect(page.locator('[data-role="coordinator"]')).to_be_visible()
    expect(page.get_by_role("contentinfo")).to_contain_text("NAP Planner")


def test_a_wrong_password_keeps_the_visitor_out(live_server, page):
    demo_users_create()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("coordinator")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("correct username and password")).to_be_visible()
