"""The collection workbook: downloaded per body and period, filled in, read back with a
preview, and written only on confirmation."""

import io

import openpyxl
from django.urls import reverse

from monitoring.models import ActivityReport
from tests.factories import ActivityReportFactory


def _url(name, m, body=None):
    return reverse(f"monitoring:{name}", args=[m.plan.pk, m.period.pk, (body or m.body_a).pk])


def _download(client, m):
    response = client.get(_url("workbook_download", m))
    assert response.status_code == 200
    return openpyxl.load_workbook(io.BytesIO(response.content))


def _upload(client, m, wb, name="filled.xlsx"):
    buffer = io.BytesIO()
    wb.save(buffer)
    buffer.seek(0)
    buffer.name = name
    return client.post(_url("workbook_import", m), {"file": buffer})


def test_it_lists_only_the_bodys_activities_and_locks_what_the_plan_says(client, cast, monitored):
    client.force_login(cast.focal_a)
    wb = _download(client, monitored)
    reports = wb["Reports"]
    codes = [reports.cell(row=r, column=2).value for r in range(2, reports.max_row + 1)]
    assert sorted(codes) == sorted([monitored.activity_a.code, monitored.activity_b.code])
    assert reports.protection.sheet
    assert reports.cell(row=2, column=3).protection.locked
    assert not reports.cell(row=2, column=5).protection.locked
    (validation,) = reports.data_validations.dataValidation
    assert "Delayed" in validation.formula1
    assert wb["Spending"].cell(row=2, column=6).value == "EUR"


def test_it_previews_then_writes_the_reports_on_confirmation(client, cast, monitored):
    client.force_login(cast.focal_a)
    wb = _download(client, monitored)
    wb["Reports"].cell(row=2, column=5).value = "On track"
    wb["Reports"].cell(row=2, column=7).value = "=cmd|' /C calc'!A0 progress"
    wb["Spending"].cell(row=2, column=7).value = 300
    response = _upload(client, monitored, wb)
    assert response.status_code == 200, [str(p) for p in response.context["problems"]]
    assert not ActivityReport.objects.exists()
    token = response.context["confirm_form"].initial["token"]
    response = client.post(_url("workbook_confirm", monitored), {"token": token})
    assert response.status_code == 302
    report = ActivityReport.objects.get()
    assert (report.state, report.status) == ("submitted", "on_track")
    assert report.spendings.get().amount == 300
    assert report.progress.startswith("=cmd")  # kept as the text it is, never a formula
    exported = _download(client, monitored)["Reports"].cell(row=2, column=7)
    assert exported.data_type == "s" and exported.quotePrefix
    again = client.post(_url("workbook_confirm", monitored), {"token": token})
    assert again.status_code == 302 and ActivityReport.objects.count() == 1


def test_it_names_the_sheet_row_and_column_of_each_problem_and_writes_nothing(
    client, cast, monitored
):
    client.force_login(cast.focal_a)
    wb = _download(client, monitored)
    activity_row = next(
        r
        for r in range(2, wb["Reports"].max_row + 1)
        if wb["Reports"].cell(row=r, column=1).value == monitored.activity_a.pk
    )
    wb["Reports"].cell(row=activity_row, column=5).value = "Delayed"
    wb["Spending"].cell(row=2, column=7).value = "-20"
    response = _upload(client, monitored, wb)
    assert response.status_code == 400
    problems = [str(p) for p in response.context["problems"]]
    assert any(p.startswith("Spending sheet, row 2, column “Amount spent”") for p in problems)
    wb["Spending"].cell(row=2, column=7).value = "20"
    response = _upload(client, monitored, wb)
    problems = [str(p) for p in response.context["problems"]]
    assert problems == [
        f"Reports sheet, row {activity_row}, column “Reason”: "
        "Say why the activity is delayed or cancelled."
    ]
    assert not ActivityReport.objects.exists()


def test_it_refuses_a_file_that_is_no_workbook(client, cast, monitored):
    client.force_login(cast.focal_a)
    upload = io.BytesIO(b"not a zip")
    upload.name = "reports.xlsx"
    response = client.post(_url("workbook_import", monitored), {"file": upload})
    assert response.status_code == 400
    assert "not an Excel workbook" in response.content.decode()


def test_it_refuses_to_overwrite_an_approved_report(client, cast, monitored):
    ActivityReportFactory(
        period=monitored.period,
        activity=monitored.activity_a,
        body=monitored.body_a,
        state="approved",
    )
    client.force_login(cast.focal_a)
    wb = _download(client, monitored)
    for row in range(2, wb["Reports"].max_row + 1):
        wb["Reports"].cell(row=row, column=5).value = "Completed"
    response = _upload(client, monitored, wb)
    assert response.status_code == 400
    assert "approved this report already" in " ".join(str(p) for p in response.context["problems"])
