"""Who gets which status from each monitoring URL (see tests/access.py for the world).

Beside the cast of tests/access.py, two focal points: `focal_a` reports for body A, which
leads one activity and partners in another; `focal_b` for body B. Both read the plan."""

import datetime

import pytest

from monitoring.models import ActivityReport
from tests.access import ROLES, Row, _, assert_row, draft_plan, no_such_plan, plan
from tests.factories import ActivityReportFactory, ReportingPeriodFactory
from tests.monitoring.conftest import monitored_plan

MONITORING_ROLES = (*ROLES, "focal_a", "focal_b")


def mrow(name, target, method, *statuses) -> Row:
    if len(statuses) != len(MONITORING_ROLES):
        raise ValueError(f"{name}: {len(statuses)} statuses for {len(MONITORING_ROLES)} roles")
    return Row(f"monitoring:{name}", target, method, statuses)


def _m(world):
    if not hasattr(world, "_monitored"):
        world._monitored = monitored_plan(world.cast, plan=world.plan)
    return world._monitored


def period(world) -> dict:
    return {"plan_id": world.plan.pk, "period_id": _m(world).period.pk}


def published_period(world) -> dict:
    m = _m(world)
    later = ReportingPeriodFactory(
        plan=m.plan,
        label="published",
        start_month=datetime.date(m.plan.period_start + 1, 1, 1),
        status="published",
        published_at=datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC),
    )
    return {"plan_id": world.plan.pk, "period_id": later.pk}


def foreign_period(world) -> dict:
    other = ReportingPeriodFactory(plan=world.other_plan)
    return {"plan_id": world.plan.pk, "period_id": other.pk}


def report_a(world) -> dict:
    m = _m(world)
    return {
        "plan_id": world.plan.pk,
        "period_id": m.period.pk,
        "body_id": m.body_a.pk,
        "activity_id": m.activity_a.pk,
    }


def report_a_closed(world) -> dict:
    target = report_a(world)
    _m(world).period.__class__.objects.filter(pk=target["period_id"]).update(status="closed")
    return target


def not_responsible(world) -> dict:
    """Body B does not work on activity A."""
    m = _m(world)
    return report_a(world) | {"body_id": m.body_b.pk}


def submitted(world) -> dict:
    m = _m(world)
    report = ActivityReportFactory(
        period=m.period, activity=m.activity_a, body=m.body_a, state="submitted"
    )
    return {"plan_id": world.plan.pk, "report_id": report.pk}


def foreign_report(world) -> dict:
    other = ActivityReportFactory(period=ReportingPeriodFactory(plan=world.other_plan))
    return {"plan_id": world.plan.pk, "report_id": other.pk}


def workbook_a(world) -> dict:
    m = _m(world)
    return {"plan_id": world.plan.pk, "period_id": m.period.pk, "body_id": m.body_a.pk}


def foreign_body(world) -> dict:
    from tests.factories import StakeholderFactory

    other = StakeholderFactory(plan=world.other_plan)
    return workbook_a(world) | {"body_id": other.pk}


def focal_point(world) -> dict:
    m = _m(world)
    return {"plan_id": world.plan.pk, "focal_point_id": m.body_b.focal_points.get().pk}


def monitored(world) -> dict:
    _m(world)
    return {"plan_id": world.plan.pk}


# fmt: off
TABLE = [
    #    URL name            target            method  coord read cons rev  std  out  anon fa   fb
    mrow("dashboard",          monitored,        "get",  200, 200, 404, 200, 404, 404, 302, 200, 200),
    mrow("dashboard",          plan,             "post", 405, _, _,   _,   _,   _,   _,   _,   _),
    mrow("dashboard",          draft_plan,       "get",  200, 404, 404, 404, 404, 404, 302, _,   _),
    mrow("dashboard",          no_such_plan,     "get",  404, _, _,   _,   _,   _,   _,   _,   _),
    mrow("periods",            monitored,        "get",  200, 403, 404, 403, 404, 404, 302, 200, 200),
    mrow("periods",            plan,             "post", 405, _, _,   _,   _,   _,   _,   _,   _),
    mrow("periods",            draft_plan,       "get",  200, 404, 404, 404, 404, 404, 302, _,   _),
    mrow("rhythm",             monitored,        "post", 422, 403, 404, 403, 404, 404, 302, 403, 403),
    mrow("rhythm",             plan,             "get",  405, _, _,   _,   _,   _,   _,   _,   _),
    mrow("period_add",         monitored,        "post", 302, 403, 404, 403, 404, 404, 302, 403, 403),
    mrow("period_add",         plan,             "get",  405, _, _,   _,   _,   _,   _,   _,   _),
    mrow("period_add",         draft_plan,       "post", 302, 404, 404, 404, 404, 404, 302, _,   _),
    mrow("desk",               period,           "get",  200, 403, 404, 403, 404, 404, 302, 200, 200),
    mrow("desk",               period,           "post", 405, _, _,   _,   _,   _,   _,   _,   _),
    mrow("desk",               foreign_period,   "get",  404, _, _,   _,   _,   _,   _,   _,   _),
    mrow("period_lock",        period,           "post", 302, 403, 404, 403, 404, 404, 302, 403, 403),
    mrow("period_lock",        period,           "get",  405, _, _,   _,   _,   _,   _,   _,   _),
    mrow("period_lock",        foreign_period,   "post", 404, _, _,   _,   _,   _,   _,   _,   _),
    mrow("period_pdf",         period,           "get",  202, 403, 404, 403, 404, 404, 302, 403, 403),
    mrow("period_pdf",         published_period, "get",  202, 202, 404, 202, 404, 404, 302, 202, 202),
    mrow("period_pdf",         period,           "post", 405, _, _,   _,   _,   _,   _,   _,   _),
    mrow("period_pdf",         foreign_period,   "get",  404, _, _,   _,   _,   _,   _,   _,   _),
    mrow("report_edit",        report_a,         "get",  200, 403, 404, 403, 404, 404, 302, 200, 403),
    mrow("report_edit",        report_a,         "post", 422, 403, 404, 403, 404, 404, 302, 422, 403),
    mrow("report_edit",        report_a,         "put",  405, _, _,   _,   _,   _,   _,   _,   _),
    mrow("report_edit",        report_a_closed,  "get",  200, _, _,   _,   _,   _,   _,   200, _),
    mrow("report_edit",        report_a_closed,  "post", 403, _, _,   _,   _,   _,   _,   403, _),
    mrow("report_edit",        not_responsible,  "get",  403, _, _,   _,   _,   _,   _,   _,   403),
    mrow("report_review",      submitted,        "post", 302, 403, 404, 403, 404, 404, 302, 403, 403),
    mrow("report_review",      submitted,        "get",  405, _, _,   _,   _,   _,   _,   _,   _),
    mrow("report_review",      foreign_report,   "post", 404, _, _,   _,   _,   _,   _,   _,   _),
    mrow("focal_point_add",    monitored,        "post", 422, 403, 404, 403, 404, 404, 302, 403, 403),
    mrow("focal_point_add",    plan,             "get",  405, _, _,   _,   _,   _,   _,   _,   _),
    mrow("focal_point_delete", focal_point,      "post", 302, 403, 404, 403, 404, 404, 302, 403, 403),
    mrow("focal_point_delete", focal_point,      "get",  405, _, _,   _,   _,   _,   _,   _,   _),
    mrow("workbook_download",  workbook_a,       "get",  200, 403, 404, 403, 404, 404, 302, 200, 403),
    mrow("workbook_download",  workbook_a,       "post", 405, _, _,   _,   _,   _,   _,   _,   _),
    mrow("workbook_download",  foreign_body,     "get",  404, _, _,   _,   _,   _,   _,   _,   _),
    mrow("workbook_import",    workbook_a,       "get",  200, 403, 404, 403, 404, 404, 302, 200, 403),
    mrow("workbook_import",    workbook_a,       "post", 400, 403, 404, 403, 404, 404, 302, 400, 403),
    mrow("workbook_import",    workbook_a,       "put",  405, _, _,   _,   _,   _,   _,   _,   _),
    mrow("workbook_confirm",   workbook_a,       "post", 302, 403, 404, 403, 404, 404, 302, 302, 403),
    mrow("workbook_confirm",   workbook_a,       "get",  405, _, _,   _,   _,   _,   _,   _,   _),
    mrow("monitoring_json",      monitored,        "get",  200, 200, 404, 200, 404, 404, 302, 200, 200),
    mrow("monitoring_json",      plan,             "post", 405, _, _,   _,   _,   _,   _,   _,   _),
    mrow("monitoring_json",      draft_plan,       "get",  200, 404, 404, 404, 404, 404, 302, _,   _),
]
# fmt: on


def _cases():
    return [
        pytest.param(r, role, status, id=f"{r.name}-{r.target.__name__}-{r.method}-{role}")
        for r in TABLE
        for role, status in zip(MONITORING_ROLES, r.statuses, strict=True)
        if status is not None
    ]


@pytest.mark.parametrize(("r", "role", "status"), _cases())
def test_it_answers_each_role_as_the_table_says(client, cast, r, role, status):
    assert_row(client, cast, r, role, status)


def test_it_shows_a_focal_point_only_their_own_bodys_reports_before_publication(
    client, cast, monitored
):
    ActivityReportFactory(
        period=monitored.period,
        activity=monitored.activity_b,
        body=monitored.body_b,
        progress="Interior's secret progress",
    )
    client.force_login(cast.focal_a)
    desk = client.get(f"/plans/{monitored.plan.pk}/monitoring/periods/{monitored.period.pk}/")
    assert "Interior&#x27;s secret progress" not in desk.content.decode()
    assert "Ministry of Interior (lead)" not in desk.content.decode()
    other = client.get(
        f"/plans/{monitored.plan.pk}/monitoring/periods/{monitored.period.pk}"
        f"/bodies/{monitored.body_b.pk}/activities/{monitored.activity_b.pk}/"
    )
    assert other.status_code == 403
    assert ActivityReport.objects.count() == 1
