"""A reviewer opens the demo plan, starts a review, dismisses a finding, overrides a rating
with a justification and adds a recommendation — every edit saved at once."""

from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from playwright.sync_api import expect

from assessment.models import Finding, Note, Rating
from napplanner.roles import REVIEWER
from strategy.models import Plan
from tests.e2e.conftest import htmx_idle
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a long reviewer passphrase"


@pytest.fixture
def demo_plan():
    call_command(
        "load_standard", str(ROOT / "fixtures/standards/icmpd-2006.yaml"), stdout=StringIO()
    )
    out = StringIO()
    call_command("import_plan", str(ROOT / "fixtures/plans/azerbaijan-2014-2018.json"), stdout=out)
    return Plan.objects.get(pk=int(out.getvalue().split()[-1]))


@pytest.fixture
def reviewer():
    user = UserFactory(username="rita", password=PASSWORD)
    user.groups.add(Group.objects.get(name=REVIEWER))
    return user


def test_a_reviewer_reviews_the_demo_plan(live_server, page, sign_in, demo_plan, reviewer):
    sign_in("rita", PASSWORD)
    page.get_by_role("link", name=demo_plan.title, exact=True).click()
    expect(page.get_by_role("heading", name=demo_plan.title).first).to_be_visible()

    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Review a plan").click()
    page.get_by_role("link", name="Start a review").first.click()
    page.get_by_role("button", name="Start review").click()
    expect(page.get_by_role("heading", name="Findings")).to_be_visible()

    finding = page.locator('li[data-rule="no-monitoring-activities"]')
    finding.get_by_label("Reason to dismiss").fill("Parliament monitors the plan each year.")
    finding.get_by_role("button", name="Dismiss").click()
    htmx_idle(page)
    dismissed = page.locator('li[data-rule="no-monitoring-activities"]')
    expect(dismissed).to_contain_text("Dismissed: Parliament monitors the plan each year.")

    rating = page.locator('[data-code="IP.6"]')
    rating.get_by_label("Level").select_option("mentioned")
    rating.get_by_label("Justification").fill("The criminal code chapter covers corruption.")
    rating.get_by_role("button", name="Save level").click()
    rating = page.locator('[data-code="IP.6"]')
    expect(rating).to_contain_text("computed: Not covered")
    expect(page.get_by_test_id("level-IP.6")).to_have_text("Mentioned only")

    notes = page.locator("#notes-list")
    notes.get_by_label("Text", exact=True).fill("Plan activities related to data collection.")
    notes.get_by_role("button", name="Add note").click()
    expect(page.locator("#notes-list textarea").first).to_have_value(
        "Plan activities related to data collection."
    )

    page.reload()  # everything was saved at once
    expect(page.locator('li[data-rule="no-monitoring-activities"]')).to_contain_text("Dismissed")
    assert Finding.objects.get(rule="no-monitoring-activities").dismissed
    rating = Rating.objects.get(code="IP.6")
    assert (rating.override_level, rating.computed_level) == ("mentioned", "not_covered")
    assert Note.objects.get().kind == "recommendation"


def test_a_reviewer_loads_long_lists_on_demand(live_server, page, sign_in, demo_plan, reviewer):
    from assessment.models import Review
    from assessment.services import review_create

    review = review_create(plan=demo_plan, framework=demo_plan.framework, user=reviewer)
    sign_in("rita", PASSWORD)
    page.goto(f"{live_server.url}/reviews/{review.pk}/")

    card = page.locator('li[data-rule="activity-whole-period"]')
    expect(card.locator('li[id^="finding-"]')).to_have_count(10)
    card.get_by_role("link", name="more elements").click()
    htmx_idle(page)
    total = review.findings.filter(rule="activity-whole-period", is_current=True).count()
    expect(card.locator('li[id^="finding-"]')).to_have_count(total)
    card.get_by_label("Reason to dismiss").fill("Runs throughout by design.")
    loaded = card.locator('li[id^="finding-"]').last
    loaded.get_by_role("button", name="Dismiss").click()
    htmx_idle(page)
    expect(card.locator('li[id^="finding-"]').last).to_contain_text(
        "Dismissed: Runs throughout by design."
    )

    suggestions = page.locator("#suggested-notes")
    suggestions.scroll_into_view_if_needed()
    expect(suggestions.get_by_role("button", name="Accept into notes").first).to_be_visible()
    suggestions.get_by_role("button", name="Accept into notes").first.click()
    htmx_idle(page)
    expect(page.locator('#notes-list li[id^="note-"]')).to_have_count(1)

    review = Review.objects.get(pk=review.pk)
    assert review.findings.filter(rule="activity-whole-period", dismissed=True).count() == 1
    assert review.notes.count() == 1
