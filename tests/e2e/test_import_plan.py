"""A reviewer receives a plan written in Excel: downloads the template, fills it in,
uploads it, checks the preview, confirms, and sees the plan."""

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from strategy.models import Plan

pytestmark = pytest.mark.django_db(transaction=True)

PLAN_VALUES = {
    "Country": "Azerbaijan",
    "Title": "National Action Plan against trafficking 2014-2018",
    "Period": "2014-2018",
    "Coordinating body": "Ministry of Internal Affairs",
}
ROWS = [
    {
        "Chapter": "3 Prevention",
        "Goal": "G1 Fewer people are trafficked for labour exploitation",
        "Objective": "O1.1 Labour inspectors identify victims",
        "Activity code": "3.1.1",
        "Activity": "Train labour inspectors in victim identification",
        "Lead body": "Ministry of Labour",
        "Partners": "IOM; Baku City Police",
        "Start": "2015-03",
        "End": "11/2016",
        "Budget": 25000,
        "Currency": "AZN",
        "Source": "state",
        "Indicator": "Number of labour inspectors trained",
        "Target": "200",
    },
    {
        "Chapter": "3 Prevention",
        "Goal": "G1 Fewer people are trafficked for labour exploitation",
        "Objective": "O1.2 The public knows the hotline",
        "Activity code": "3.2.1",
        "Activity": "Run a hotline awareness campaign",
        "Lead body": "ministry of labour",
        "Start": "2015",
        "End": "2016",
    },
]


def _fill(template_path, out_path):
    wb = load_workbook(template_path)
    plan_sheet = wb["Plan"]
    for row in plan_sheet.iter_rows(min_row=2):
        if row[0].value in PLAN_VALUES:
            row[1].value = PLAN_VALUES[row[0].value]
    activities = wb["Activities"]
    headers = [cell.value for cell in activities[1]]
    for values in ROWS:
        activities.append([values.get(header) for header in headers])
    wb["Stakeholders"].append(["Ministry of Labour", "government", "Labour inspection"])
    wb["Stakeholders"].append(["IOM", "international", ""])
    wb.save(out_path)


def test_a_reviewer_imports_a_plan_from_the_excel_template(
    live_server, page, sign_in, cast, tmp_path
):
    sign_in(cast.reviewer.username, cast.password)

    page.get_by_role("link", name="Import a plan").click()
    expect(page.get_by_role("heading", name="Import a plan")).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Excel template").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    template = tmp_path / download.suggested_filename
    download.save_as(template)
    filled = tmp_path / "azerbaijan-nap.xlsx"
    _fill(template, filled)

    page.locator("input[type=file][name=file]").set_input_files(filled)
    page.get_by_role("button", name="Preview the import").click()

    preview = page.get_by_test_id("import-preview")
    expect(preview).to_contain_text("Preview: National Action Plan against trafficking")
    expect(preview.locator('[data-count="activities"]')).to_have_text("2")
    expect(preview.locator('[data-count="objectives"]')).to_have_text("2")
    expect(page.get_by_test_id("new-bodies")).to_contain_text("Baku City Police")
    assert Plan.objects.count() == 0

    page.get_by_role("button", name="Create the plan").click()

    expect(page.get_by_role("heading", name=PLAN_VALUES["Title"])).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("Imported")
    plan = Plan.objects.get()
    assert plan.activities.count() == 2
    assert sorted(plan.stakeholders.values_list("name", flat=True)) == [
        "Baku City Police",
        "IOM",
        "Ministry of Labour",
    ]
