"""The Excel matrix carries resources in words in its own column; a workbook made before
that column existed still imports."""

import io

import pytest
from openpyxl import load_workbook

from actionplan.exchange.xlsx_export import import_template_xlsx, plan_export_xlsx
from actionplan.exchange.xlsx_import import plan_import_xlsx
from actionplan.exchange.xlsx_layout import ACTIVITIES_SHEET, ACTIVITY_COLUMNS
from tests.actionplan.exchange.xlsx_workbooks import activity_row, matrix_bytes, to_bytes
from tests.factories import ActivityFactory, PlanFactory

pytestmark = pytest.mark.django_db


def test_it_reads_the_resources_as_written_column(cast):
    data = matrix_bytes([activity_row(resources_as_written="Within the ministry's budget")])
    activity = plan_import_xlsx(file=data, user=cast.coordinator).activities.get()
    assert activity.resources_as_written == "Within the ministry's budget"


def test_it_exports_and_reimports_resources_in_words(cast):
    plan = PlanFactory()
    ActivityFactory(plan=plan, objective__goal__chapter__plan=plan, resources_as_written="Donor")
    copy = plan_import_xlsx(file=plan_export_xlsx(plan=plan), user=cast.coordinator)
    assert copy.activities.get().resources_as_written == "Donor"


def test_it_imports_a_workbook_without_the_column(cast):
    wb = load_workbook(io.BytesIO(matrix_bytes()))
    ws = wb[ACTIVITIES_SHEET]
    keys = [c.key for c in ACTIVITY_COLUMNS]
    ws.delete_cols(keys.index("resources_as_written") + 1)
    activity = plan_import_xlsx(file=to_bytes(wb), user=cast.coordinator).activities.get()
    assert activity.resources_as_written == ""


def test_the_template_has_the_column():
    wb = load_workbook(io.BytesIO(import_template_xlsx()))
    assert "Resources as written" in [cell.value for cell in wb[ACTIVITIES_SHEET][1]]
