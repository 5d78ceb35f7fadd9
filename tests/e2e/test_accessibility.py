"""axe-core (from npm) over the pages each role uses, forms open included: no violation of
WCAG 2.2 A/AA rules at serious or critical impact."""

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from actionplan.models import PlanImportJob
from assessment.services import review_create, review_finalise
from strategy.models import PlanMembership
from tests.assessment.report_data import demo_review_build
from tests.conftest import _user
from tests.e2e.conftest import htmx_idle
from tests.factories import (
    BudgetLineFactory,
    IndicatorFactory,
    OutputFactory,
    ResponsibilityFactory,
    SubActivityFactory,
)
from tests.monitoring.conftest import monitored_plan

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
    activity = plan.activities.in_plan_order().first()
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
        reverse("actionplan:plan_history", args=[plan.pk]),
        reverse("monitoring:dashboard", args=[plan.pk]),
        reverse("consultation:summary", args=[plan.pk]),
    ]
    return {
        "coordinator": [
            *plan_pages,
            reverse("strategy:plan_create"),
            reverse("actionplan:plan_import"),
            reverse("password_change_done"),
            reverse("change_digest"),
            reverse("monitoring:periods", args=[plan.pk]),
            # each kind of form open, as a page of its own (what a plain request gets)
            reverse("actionplan:element_edit", args=[plan.pk, "activity", activity.pk]),
            reverse("actionplan:element_add", args=[plan.pk, "chapter"]),
            reverse("strategy:section_create", args=[plan.pk]),
            reverse("strategy:section_edit", args=[plan.pk, section.pk]),
            reverse("strategy:stakeholder_edit", args=[plan.pk, stakeholder.pk]),
            # the confirmations of deletes (an element itself, its details and a chapter
            # are shown in the workspace, where a plain request for them leads)
            reverse("actionplan:element_delete", args=[plan.pk, "activity", activity.pk]),
            reverse("strategy:section_delete", args=[plan.pk, section.pk]),
            reverse("strategy:stakeholder_delete", args=[plan.pk, stakeholder.pk]),
        ],
        "reviewer": [
            *plan_pages,
            reverse("assessment:review_create", args=[plan.pk]),
            reverse("assessment:review_index"),
            reverse("assessment:review_detail", args=[review.pk]),
            # what the review page loads on demand, as pages of their own
            reverse("assessment:rule_findings", args=[review.pk, review.findings.first().rule]),
            reverse("assessment:rating_evidence", args=[review.pk, review.ratings.first().pk]),
            reverse("assessment:suggested_notes", args=[review.pk]),
            reverse("assessment:review_history", args=[review.pk]),
            reverse("assessment:review_compare", args=[review.pk, _earlier_round(review).pk]),
            reverse("standards:index"),
        ],
        "standards_admin": [
            reverse("home"),
            reverse("standards:index"),
            reverse("standards:manage"),
            reverse("standards:framework_detail", args=[framework.code, framework.version]),
        ],
    }


def _earlier_round(review):
    """A finalised round of the same plan, for the comparison page."""
    earlier = review_create(plan=review.plan, framework=review.framework, user=review.created_by)
    review_finalise(review=earlier, user=review.created_by)
    return earlier


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


def _visited(live_server, page, sign_in, cast, pages: dict[str, list[str]], width) -> list[str]:
    """Each role of `pages` signs in and visits its pages: what answers wrongly, fails axe
    or scrolls sideways on a phone."""
    problems = []
    for role, urls in pages.items():
        page.context.clear_cookies()
        sign_in(getattr(cast, role).username, cast.password)
        for url in urls:
            response = page.goto(f"{live_server.url}{url}")
            if not response.ok or page.url != f"{live_server.url}{url}":
                problems.append(f"{role} {url}: answered {response.status} at {page.url}")
            problems += [f"{role} {url}: {v}" for v in _violations(page)]
            if width < 400 and (overflow := _overflow(page)):
                problems.append(f"{role} {url}: {overflow}")
    return problems


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
    problems += _visited(live_server, page, sign_in, cast, _pages(review, review.framework), width)
    assert not problems, "\n".join(problems)


def _element_ids(plan) -> dict[str, int]:
    """One element of each kind above the plan's first activity (its chapter is drawn
    open), with the parts an activity's details show, created where the plan has none."""
    activity = plan.activities.in_plan_order().first()
    objective = activity.objective
    goal = objective.goal
    chapter = goal.chapter
    output = objective.outputs.order_by("pk").first() or OutputFactory(
        plan=plan, objective=objective
    )
    sub = activity.sub_activities.first() or SubActivityFactory(activity=activity)
    line = activity.budget_lines.first() or BudgetLineFactory(activity=activity)
    indicator = activity.indicators.first() or IndicatorFactory(activity=activity, plan=plan)
    duty = activity.responsibilities.first() or ResponsibilityFactory(
        activity=activity, stakeholder=plan.stakeholders.first()
    )
    return {
        "chapter": chapter.pk,
        "goal": goal.pk,
        "objective": objective.pk,
        "output": output.pk,
        "activity": activity.pk,
        "subactivity": sub.pk,
        "budgetline": line.pk,
        "indicator": indicator.pk,
        "responsibility": duty.pk,
    }


def _workspace_forms(ids) -> list[tuple[str, str, str]]:
    """(what, where, button name) for every in-place form: the edit form of each kind and
    the add form under each kind of parent. The details of the activity are opened
    first, since sub-activities, bodies, budget lines and indicators live there."""
    edit = [
        (f"edit {kind}", f"#{kind}-{pk}-head", "Edit ")
        for kind, pk in ids.items()
        if kind not in {"subactivity", "budgetline", "indicator", "responsibility"}
    ]
    chapter, goal, objective = (f"#{k}-{ids[k]}" for k in ("chapter", "goal", "objective"))
    add = [
        ("add chapter", "#main", "+ Add chapter"),
        ("add goal", chapter, "+ Add strategic goal"),
        ("add objective", goal, "+ Add specific objective"),
        ("add activity", objective, "+ Add activity"),
    ]
    panel = f"#activity-{ids['activity']}-panel"
    details = [
        (f"edit {kind}", f"#{kind}-{ids[kind]}-head", "Edit ")
        for kind in ("subactivity", "budgetline", "indicator")
    ] + [
        ("add sub-activity", panel, "+ Add sub-activity"),
        ("add responsible body", panel, "+ Add responsible body"),
        ("add budget line", panel, "+ Add budget line"),
        ("add indicator", panel, "+ Add indicator"),
    ]
    return [*edit, *add, ("details", f"#activity-{ids['activity']}-head", "Details"), *details]


def _checked(page, what: str, width: int) -> list[str]:
    # The pointer leaves the button it pressed and the buttons' colour transition (0.15 s)
    # ends, so the colours checked are the ones the page settles on.
    page.mouse.move(0, 0)
    page.wait_for_timeout(200)
    problems = [f"{what}: {v}" for v in _violations(page)]
    if width < 400 and (overflow := _overflow(page)):
        problems.append(f"{what}: {overflow}")
    return problems


def _submitted_with_errors(page, what: str, width: int, form) -> list[str]:
    form.locator("[type=submit]").first.click()
    htmx_idle(page)
    page.wait_for_selector(".error-summary, .is-invalid, [role=alert]")
    return _checked(page, f"{what} with errors", width)


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_no_form_opened_in_place_has_a_serious_accessibility_violation(
    live_server, page, sign_in, cast, width
):
    page.set_viewport_size({"width": width, "height": 900})
    review = demo_review_build(reviewer=cast.reviewer)
    plan = review.plan
    PlanMembership.objects.create(plan=plan, user=cast.coordinator, role="editor")
    ids = _element_ids(plan)
    sign_in(cast.coordinator.username, cast.password)
    page.goto(f"{live_server.url}{reverse('actionplan:workspace', args=[plan.pk])}")
    problems = []
    for what, where, name in _workspace_forms(ids):
        button = page.locator(where).get_by_role("button", name=name).first
        button.click()
        htmx_idle(page)
        if what == "details":
            continue
        form = page.locator(".ws-form").first
        form.wait_for()
        problems += _checked(page, f"workspace, {what} form", width)
        if what == "add activity":
            # Empty, the form comes back with its error summary and messages.
            problems += _submitted_with_errors(page, f"workspace, {what}", width, form)
        page.locator(".ws-form [data-ws-cancel]").first.click()
        htmx_idle(page)
        expect(page.locator(".ws-form")).to_have_count(0)

    page.goto(f"{live_server.url}{reverse('strategy:plan_details', args=[plan.pk])}")
    page.get_by_label("Title").fill("")
    problems += _submitted_with_errors(
        page, "plan details", width, page.get_by_test_id("plan-details-form")
    )
    page.goto(f"{live_server.url}{reverse('strategy:stakeholders', args=[plan.pk])}")
    problems += _submitted_with_errors(
        page, "stakeholder form", width, page.get_by_test_id("stakeholder-form")
    )

    page.context.clear_cookies()
    sign_in(cast.reviewer.username, cast.password)
    page.goto(f"{live_server.url}{reverse('assessment:review_detail', args=[review.pk])}")
    notes = page.locator("form", has=page.get_by_role("button", name="Add note"))
    notes.get_by_label("Scope").select_option("component")
    notes.get_by_label("Text").fill("Name the lead body of every activity.")
    problems += _submitted_with_errors(page, "review note form", width, notes)
    override = page.locator("form.rating-override").first
    override.locator("select").select_option(index=1)
    problems += _submitted_with_errors(page, "rating override form", width, override)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_no_page_of_a_consultee_or_a_focal_point_has_a_serious_accessibility_violation(
    live_server, page, sign_in, cast, width
):
    """The two roles given on one plan: a consultee reading a plan in consultation and
    commenting on it, and a focal point reporting for a body."""
    page.set_viewport_size({"width": width, "height": 900})
    cast.focal_a, cast.focal_b = _user("fiona-focal"), _user("felix-focal")
    monitored = monitored_plan(cast)
    plan = monitored.plan
    PlanMembership.objects.create(
        plan=plan, user=cast.consultee, role="consultee", organisation="A shelter network"
    )
    plan_pages = [
        reverse("home"),
        reverse("actionplan:workspace", args=[plan.pk]),
        reverse("strategy:plan_details", args=[plan.pk]),
        reverse("actionplan:timeline", args=[plan.pk]),
        reverse("actionplan:resources", args=[plan.pk]),
    ]
    pages = {
        "consultee": [
            *plan_pages,
            reverse("consultation:summary", args=[plan.pk]),
            reverse("consultation:plan_thread", args=[plan.pk]),
        ],
        "focal_a": [
            *plan_pages,
            reverse("monitoring:dashboard", args=[plan.pk]),
            reverse("monitoring:desk", args=[plan.pk, monitored.period.pk]),
            reverse(
                "monitoring:report_edit",
                args=[plan.pk, monitored.period.pk, monitored.body_a.pk, monitored.activity_a.pk],
            ),
        ],
    }
    problems = _visited(live_server, page, sign_in, cast, pages, width)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_the_sign_in_steps_and_an_import_in_progress_have_no_serious_violation(
    live_server, page, sign_in, cast, settings, width
):
    """The pages met on the way in (the code step of two-factor sign-in, the lockout
    after too many wrong passwords) and the page that follows a background import."""
    page.set_viewport_size({"width": width, "height": 900})
    settings.AXES_FAILURE_LIMIT = 2
    problems = []

    def check(what: str) -> None:
        problems.extend(f"{what}: {v}" for v in _violations(page))
        if width < 400 and (overflow := _overflow(page)):
            problems.append(f"{what}: {overflow}")

    job = PlanImportJob.objects.create(
        user=cast.coordinator, name="plan.xlsx", kind="xlsx", status="queued"
    )
    sign_in(cast.coordinator.username, cast.password)
    page.goto(f"{live_server.url}{reverse('actionplan:import_job', args=[job.pk])}")
    check("import in progress")

    page.context.clear_cookies()
    TOTPDevice.objects.create(user=cast.reviewer, name="phone", confirmed=True)
    page.goto(f"{live_server.url}{reverse('login')}")
    page.get_by_label("Username").fill(cast.reviewer.username)
    page.get_by_label("Password").fill(cast.password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}{reverse('two_factor_verify')}**")
    check("two-factor code")

    page.context.clear_cookies()
    for _attempt in range(3):
        page.goto(f"{live_server.url}{reverse('login')}")
        page.get_by_label("Username").fill(cast.standards_admin.username)
        page.get_by_label("Password").fill("not the password")
        page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("try again in", exact=False).first).to_be_visible()
    check("locked out")
    assert not problems, "\n".join(problems)
