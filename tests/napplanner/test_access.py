"""Who gets which status from the project's own URLs (see tests/access.py), and a check
that every URL of the project has a row in some app's table."""

import pytest

from napplanner.models import Rendering
from tests.access import _, assert_row, cases, nothing, row, url_names
from tests.actionplan.test_access import TABLE as ACTIONPLAN
from tests.assessment.test_access import TABLE as ASSESSMENT
from tests.consultation.test_access import TABLE as CONSULTATION
from tests.monitoring.test_access import TABLE as MONITORING
from tests.standards.test_access import TABLE as STANDARDS
from tests.strategy.test_access import TABLE as STRATEGY


def rendering(world) -> dict:
    made = Rendering.objects.create(kind="plan-pdf", subject_id=world.plan.pk, fingerprint="a")
    return {"rendering_id": made.pk}


def draft_rendering(world) -> dict:
    made = Rendering.objects.create(
        kind="plan-pdf", subject_id=world.draft_plan.pk, fingerprint="b"
    )
    return {"rendering_id": made.pk}


def review_rendering(world) -> dict:
    """The report of `plan`'s review: not for the plan's consultee."""
    made = Rendering.objects.create(kind="review-pdf", subject_id=world.review.pk, fingerprint="c")
    return {"rendering_id": made.pk}


def consultation_rendering(world) -> dict:
    made = Rendering.objects.create(
        kind="consultation-pdf", subject_id=world.plan.pk, fingerprint="d"
    )
    return {"rendering_id": made.pk}


# fmt: off
TABLE = [
    #   URL name                target   method    coord read cons rev  std  out  anon
    row("home",                 nothing, "get",    200, 200, 200, 200, 200, 200, 302),
    row("home",                 nothing, "post",   405, _,   _,   _,   _,   _,   _),
    row("login",                nothing, "get",    302, 302, 302, 302, 302, 302, 200),
    row("login",                nothing, "post",   302, 302, 302, 302, 302, 302, 200),
    row("logout",               nothing, "post",   302, 302, 302, 302, 302, 302, 302),
    row("logout",               nothing, "get",    405, _,   _,   _,   _,   _,   _),
    row("password_change",      nothing, "get",    200, 200, 200, 200, 200, 200, 302),
    row("password_change",      nothing, "post",   200, 200, 200, 200, 200, 200, 302),
    row("password_change",      nothing, "delete", 405, _,   _,   _,   _,   _,   _),
    row("password_change_done", nothing, "get",    200, 200, 200, 200, 200, 200, 302),
    row("password_change_done", nothing, "post",   405, _,   _,   _,   _,   _,   _),
    row("admin:index",          nothing, "get",    302, 302, 302, 302, 302, 302, 302),
    row("two_factor",           nothing, "get",    200, 200, 200, 200, 200, 200, 302),
    row("two_factor",           nothing, "post",   200, 200, 200, 200, 200, 200, 302),
    row("two_factor",           nothing, "put",    405, _,   _,   _,   _,   _,   _),
    row("two_factor_verify",    nothing, "get",    302, 302, 302, 302, 302, 302, 302),
    row("two_factor_verify",    nothing, "delete", 405, _,   _,   _,   _,   _,   _),
    row("rendering_status",     rendering, "get",  200, 200, 200, 200, 404, 404, 302),
    row("rendering_status",     rendering, "post", 405, _,   _,   _,   _,   _,   _),
    row("rendering_status",     draft_rendering, "get", 200, 404, 404, 404, 404, 404, 302),
    row("rendering_status",     review_rendering, "get", 200, 200, 404, 200, 404, 404, 302),
    row("rendering_status",     consultation_rendering, "get", 200, 200, 200, 200, 404, 404, 302),
    row("rendering_try_again",  rendering, "post", 302, 302, 302, 302, 404, 404, 302),
    row("rendering_try_again",  rendering, "get",  405, _,   _,   _,   _,   _,   _),
    row("rendering_try_again",  draft_rendering, "post", 302, 404, 404, 404, 404, 404, 302),
]
# fmt: on

# Django's admin guards its own pages (staff only); its index stands for them above.
NOT_OURS = ("admin:",)


@pytest.mark.parametrize(("r", "role", "status"), cases(TABLE))
def test_it_answers_each_role_as_the_table_says(client, cast, r, role, status):
    assert_row(client, cast, r, role, status)


def test_it_has_an_access_row_for_every_url():
    tables = TABLE + STANDARDS + STRATEGY + ACTIONPLAN + CONSULTATION + ASSESSMENT + MONITORING
    covered = {r.name for r in tables}
    missing = {name for name in url_names() if not name.startswith(NOT_OURS)} - covered
    assert not missing, f"URLs without an access row: {sorted(missing)}"
