"""plan_export_xlsx: an activity matrix a ministry would recognise, safe to open."""

import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from actionplan.exchange.xlsx_export import import_template_xlsx, plan_export_xlsx
from actionplan.exchange.xlsx_layout import ACTIVITY_COLUMNS, STAKEHOLDER_COLUMNS
from actionplan.models import BudgetLine, Responsibility
from tests.factories import (
    ActivityFactory,
    BudgetLineFactory,
    ChapterFactory,
    IndicatorFactory,
    OutputFactory,
    PlanFactory,
    ResponsibilityFactory,
    SpecificObjectiveFactory,
    StakeholderFactory,
    StrategicGoalFactory,
    SubActivityFactory,
)

pytestmark = pytest.mark.django_db


def _open(data: bytes):
    return load_workbook(io.BytesIO(data))


def _rows(ws) -> list[dict]:
    headers = [c.value for c in ws[1]]
    return [dict(zip(headers, r, strict=False)) for r in ws.iter_rows(min_row=2, values_only=True)]


def _activity(plan, **kwargs):
    chapter = ChapterFactory(plan=plan, code="3", title="Prevention of trafficking")
    goal = StrategicGoalFactory(plan=plan, chapter=chapter, code="G1", title="Fewer victims")
    objective = SpecificObjectiveFactory(plan=plan, goal=goal, code="O1", title="Inspectors act")
    output = OutputFactory(plan=plan, objective=objective, code="P1", title="Curriculum")
    return ActivityFactory(
        plan=plan,
        objective=objective,
        output=output,
        code="3.1.1",
        title="Train labour inspectors",
        start_month=datetime.date(2019, 3, 1),
        end_month=datetime.date(2020, 11, 1),
        **kwargs,
    )


def test_it_writes_one_matrix_row_per_activity_with_every_column():
    plan = PlanFactory(country="Azerbaijan", title="NAP", period_start=2019, period_end=2023)
    activity = _activity(plan)
    labour = StakeholderFactory(plan=plan, name="Ministry of Labour")
    ResponsibilityFactory(activity=activity, stakeholder=labour, role="lead")
    for name in ("IOM", "Ministry of Justice"):
        body = StakeholderFactory(plan=plan, name=name)
        ResponsibilityFactory(activity=activity, stakeholder=body, role="partner")
    BudgetLineFactory(activity=activity, amount=Decimal("25000.50"), currency="AZN")
    IndicatorFactory(activity=activity, definition="Inspectors trained", target_value="200")

    wb = _open(plan_export_xlsx(plan=plan))

    assert wb.sheetnames == ["Plan", "Activities", "Stakeholders", "Instructions"]
    assert [c.value for c in wb["Activities"][1]] == [c.header for c in ACTIVITY_COLUMNS]
    [row] = _rows(wb["Activities"])
    assert row["Chapter"] == "3 Prevention of trafficking"
    assert row["Goal"] == "G1 Fewer victims"
    assert row["Output"] == "P1 Curriculum"
    assert (row["Activity code"], row["Activity"]) == ("3.1.1", "Train labour inspectors")
    assert row["Lead body"] == "Ministry of Labour"
    assert sorted(row["Partners"].split("; ")) == ["IOM", "Ministry of Justice"]
    assert (row["Start"], row["End"]) == ("2019-03", "2020-11")
    assert (row["Budget"], row["Currency"], row["Source"]) == (25000.5, "AZN", "state")
    assert (row["Indicator"], row["Target"]) == ("Inspectors trained", "200")
    plan_values = {r[0]: r[1] for r in wb["Plan"].iter_rows(min_row=2, values_only=True)}
    assert plan_values["Country"] == "Azerbaijan"
    assert plan_values["Period"] == "2019-2023"
    names = [r[0] for r in wb["Stakeholders"].iter_rows(min_row=2, values_only=True)]
    assert sorted(names) == ["IOM", "Ministry of Justice", "Ministry of Labour"]


def test_it_adds_a_row_per_extra_budget_line_sub_activity_or_indicator():
    plan = PlanFactory()
    activity = _activity(plan)
    SubActivityFactory(activity=activity, code="1", title="Draft the module")
    SubActivityFactory(activity=activity, code="", title="Pilot the module")
    BudgetLineFactory(activity=activity, source=BudgetLine.Source.STATE)
    BudgetLineFactory(activity=activity, source=BudgetLine.Source.DONOR, donor_name="EU")
    BudgetLineFactory(activity=activity, source=BudgetLine.Source.OTHER)

    rows = _rows(_open(plan_export_xlsx(plan=plan))["Activities"])

    assert len(rows) == 3
    assert {r["Activity code"] for r in rows} == {"3.1.1"}
    assert {r["Goal"] for r in rows} == {"G1 Fewer victims"}
    assert [r["Source"] for r in rows] == ["state", "donor", "other"]
    assert [r["Sub-activity"] for r in rows] == ["1 Draft the module", "Pilot the module", None]


def test_it_writes_user_text_that_looks_like_a_formula_as_text():
    plan = PlanFactory(title='=HYPERLINK("http://evil.example","click")')
    activity = _activity(plan)
    activity.title = "+cmd|' /C calc'!A0"
    activity.save()
    body = StakeholderFactory(plan=plan, name="@SUM(1+1)", role="-2+3")
    ResponsibilityFactory(activity=activity, stakeholder=body, role="lead")
    SubActivityFactory(activity=activity, title="\tTabbed", code="")
    IndicatorFactory(activity=activity, definition="\r=1+1", baseline_value="-5")

    wb = _open(plan_export_xlsx(plan=plan))

    cells = [cell for ws in wb for row in ws.iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    by_text = {c.value: c for c in cells if isinstance(c.value, str)}
    for typed in (
        "+cmd|' /C calc'!A0",
        "@SUM(1+1)",
        "-2+3",
        '=HYPERLINK("http://evil.example","click")',
    ):
        cell = by_text[typed]  # read back exactly as typed: no visible apostrophe
        assert cell.data_type == "s"
        assert cell.quotePrefix
    assert not [text for text in by_text if text.startswith("'")]


def test_it_is_formatted_for_print():
    plan = PlanFactory()
    _activity(plan)

    ws = _open(plan_export_xlsx(plan=plan))["Activities"]

    assert ws.freeze_panes == "A2"
    assert all(cell.font.b for cell in ws[1])
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
    assert ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$1:$1"
    assert ws.auto_filter.ref == "A1:X2"
    assert ws.column_dimensions["F"].width == 40
    assert ws["F2"].alignment.wrap_text


def test_it_reads_the_plan_in_the_same_number_of_queries_whatever_its_size(
    django_assert_max_num_queries,
):
    small, large = PlanFactory(), PlanFactory()
    for plan, n in ((small, 1), (large, 12)):
        for _ in range(n):
            activity = _activity(plan)
            ResponsibilityFactory(activity=activity)
            BudgetLineFactory(activity=activity)
            IndicatorFactory(activity=activity)
            SubActivityFactory(activity=activity)
    for plan in (small, large):
        with django_assert_max_num_queries(9):
            plan_export_xlsx(plan=plan)


def test_it_offers_a_template_with_instructions_for_every_column():
    wb = _open(import_template_xlsx())

    assert wb.sheetnames == ["Plan", "Activities", "Stakeholders", "Instructions"]
    assert wb["Activities"].max_row == 1
    explained = {r[0] for r in wb["Instructions"].iter_rows(values_only=True)}
    for column in (*ACTIVITY_COLUMNS, *STAKEHOLDER_COLUMNS):
        assert column.header in explained
    text = " ".join(str(v) for r in wb["Instructions"].iter_rows(values_only=True) for v in r)
    assert "YYYY-MM" in text and "state, donor or other" in text
    labels = [r[0] for r in wb["Plan"].iter_rows(min_row=2, values_only=True)]
    assert labels[:3] == ["Country", "Title", "Period"]


def test_it_keeps_the_lead_body_in_its_own_column():
    plan = PlanFactory()
    activity = _activity(plan)
    ResponsibilityFactory(activity=activity, role=Responsibility.Role.PARTNER)

    [row] = _rows(_open(plan_export_xlsx(plan=plan))["Activities"])

    assert row["Lead body"] is None
    assert row["Partners"]
