"""axe-core (from npm) over the pages each role uses, forms open included: no violation of
WCAG 2.2 A/AA rules at serious or critical impact."""

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from strategy.models import PlanMembership
from tests.assessment.report_data import demo_review_build

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SERIOUS = {"serious", "critical"}


def _violations(page) -> list[str]:
    # Evaluated through the browser's debugging protocol, so the page's own
    # Content-Security-Policy (no inline script) does not stop the checker itself.
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text())
    found = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact,"
        " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)})))",
        TAGS,
    )
    return [f"{v['id']} ({v['impact']}): {v['nodes']}" for v in found if v["impact"] in SERIOUS]


def _pages(review, framework) -> dict[str, list[str]]:
    plan = review.plan
    activity = plan.activities.order_by("pk").first()
    section = plan.sections.order_by("pk").first()
    stakeholder = plan.stakeholders.order_by("pk").first()
    plan_pages = [
        reverse("home"),
        reverse("actionplan:workspace", args=[plan.pk]),
        reverse("strategy:plan_details", args=[plan.pk]),
        reverse("strategy:stakeholders", args=[plan.pk]),
        reverse("actionplan:timeline", args=[plan.pk]),
        reverse("actionplan:resources", args=[plan.pk]),
        reverse("assessment:plan_reviews", args=[plan.pk]),
        reverse("assessment:report", args=[review.pk]),
        reverse("two_factor"),
        reverse("password_change"),
    ]
    return {
        "coordinator": [
            *plan_pages,
            reverse("strategy:plan_create"),
            reverse("actionplan:plan_import"),
            # each kind of form open, as a page of its own
            reverse("actionplan:element_edit", args=[plan.pk, "activity", activity.pk]),
            reverse("actionplan:element_add", args=[plan.pk, "chapter"]),
            reverse("strategy:section_edit", args=[plan.pk, section.pk]),
            reverse("strategy:stakeholder_edit", args=[plan.pk, stakeholder.pk]),
        ],
        "reviewer": [
            *plan_pages,
            reverse("assessment:review_index"),
            reverse("assessment:review_detail", args=[review.pk]),
            # what the review page loads on demand, as pages of their own
            reverse("assessment:rule_findings", args=[review.pk, review.findings.first().rule]),
            reverse("assessment:rating_evidence", args=[review.pk, review.ratings.first().pk]),
            reverse("assessment:suggested_notes", args=[review.pk]),
            reverse("standards:index"),
        ],
        "standards_admin": [
            reverse("home"),
            reverse("standards:index"),
            reverse("standards:manage"),
            reverse("standards:framework_detail", args=[framework.code, framework.version]),
        ],
    }


def _overflow(page) -> str:
    """The page's width beyond the window's on a narrow phone, if any."""
    extra = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    if extra <= 1:
        return ""
    culprits = page.evaluate(
        "() => [...document.querySelectorAll('main *')].filter(e => "
        "e.getBoundingClientRect().right > window.innerWidth + 1 && "
        "!(e.parentElement && e.parentElement.getBoundingClientRect().right > "
        "window.innerWidth + 1)).slice(0, 4).map(e => e.tagName.toLowerCase() + "
        "(e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.'))"
    )
    return f"scrolls sideways by {extra}px at 390px: {culprits}"


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_no_page_of_any_role_has_a_serious_accessibility_violation(
    live_server, page, sign_in, cast, width
):
    page.set_viewport_size({"width": width, "height": 900})
    review = demo_review_build(reviewer=cast.reviewer)
    plan = review.plan
    PlanMembership.objects.create(plan=plan, user=cast.coordinator, role="editor")
    page.goto(f"{live_server.url}{reverse('login')}")
    problems = [f"login: {v}" for v in _violations(page)]
    for role, urls in _pages(review, review.framework).items():
        page.context.clear_cookies()
        sign_in(getattr(cast, role).username, cast.password)
        for url in urls:
            page.goto(f"{live_server.url}{url}")
            problems += [f"{role} {url}: {v}" for v in _violations(page)]
            if width < 400 and (overflow := _overflow(page)):
                problems.append(f"{role} {url}: {overflow}")
    assert not problems, "\n".join(problems)
