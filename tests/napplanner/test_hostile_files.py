"""Hostile files on both upload pages (plan import, checklist upload): each gets a clear
400 that says what is wrong, and nothing is written — never a 500."""

import io
import json
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actionplan.exchange.json_export import plan_export_json
from standards.models import Framework
from standards.services import catalogue_parse
from standards.spreadsheets import workbook_bytes
from strategy.models import Plan
from tests.actionplan.exchange.xlsx_workbooks import activity_row, matrix_bytes
from tests.factories import ActivityFactory
from tests.standards.samples import SMALL

pytestmark = pytest.mark.django_db

PLAN_IMPORT = reverse("actionplan:plan_import")
CHECKLIST_UPLOAD = reverse("standards:upload")

XXE = (
    b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row>'
    b"</sheetData></worksheet>"
)
LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
    + b"".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode() for i in range(9)
    )
    + b']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&j;</t></is></c></row>'
    b"</sheetData></worksheet>"
)


def _rewritten(data: bytes, part: str, transform) -> bytes:
    """The workbook with one of its parts changed (or added, or renamed)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            name = info.filename
            if name == part:
                name, body = transform(name, body)
            target.writestr(name, body)
    return out.getvalue()


def _sheet_part(data: bytes, index: int) -> str:
    names = sorted(n for n in zipfile.ZipFile(io.BytesIO(data)).namelist() if "worksheets/" in n)
    return names[index]


def _hostile_workbooks(data: bytes) -> dict[str, bytes]:
    """Hostile variants of a valid workbook, whichever page it is for."""
    first = _sheet_part(data, 0)
    return {
        "xxe": _rewritten(data, first, lambda n, b: (n, XXE)),
        "billion-laughs": _rewritten(data, first, lambda n, b: (n, LAUGHS)),
        "truncated-xml": _rewritten(data, first, lambda n, b: (n, b[: len(b) // 2])),
        "shared-string-out-of-range": _rewritten(
            data,
            first,
            lambda n, b: (n, re.sub(rb"<c r=\"A1\".*?</c>", MISSING_STRING, b, count=1)),
        ),
        "million-row-dimension": _every_sheet(data, _million_rows),
        "absurd-part-name": _rewritten(
            data,
            "xl/_rels/workbook.xml.rels",
            lambda n, b: (
                n,
                re.sub(
                    rb'Target="[^"]*sheet1\.xml"',
                    b'Target="../../' + b"x/" * 300 + b'sheet.xml"',
                    b,
                ),
            ),
        ),
        "nul-in-xml": _rewritten(
            data, first, lambda n, b: (n, b.replace(b"<sheetData>", b"<sheetData>\x00", 1))
        ),
        "not-a-zip-after-magic": b"PK\x03\x04" + b"\x00" * 200,
    }


# The first cell names the 100,000th shared string; the workbook has a handful.
MISSING_STRING = b'<c r="A1" t="s"><v>99999</v></c>'
ABSURD_TARGET = b'Target="../../' + b"x/" * 300 + b'sheet.xml"'


def _every_sheet(data: bytes, change) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            target.writestr(info.filename, change(body) if "worksheets/" in info.filename else body)
    return out.getvalue()


def _million_rows(sheet: bytes) -> bytes:
    """The sheet says it spans a million rows (the rows themselves are few)."""
    claim = b'<dimension ref="A1:Z1000000"/>'
    if b"<dimension" in sheet:
        return re.sub(rb"<dimension [^>]*/>", claim, sheet, count=1)
    return re.sub(rb"(<worksheet[^>]*>)", rb"\1" + claim, sheet, count=1)


def _with_entry(data: bytes, name: str, body: bytes) -> bytes:
    out = io.BytesIO()
    source = zipfile.ZipFile(io.BytesIO(data))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info.filename))
        target.writestr(name, body)
    return out.getvalue()


def _deep_json(levels: int) -> bytes:
    return b'{"format": "nap-planner/plan", "x": ' + b"[" * levels + b"]" * levels + b"}"


HOSTILE_JSON = {
    "nested-900": (_deep_json(900), "nested more than"),
    "nested-10000": (_deep_json(10_000), "nested more than"),
    "5000-digit-integer": (
        b'{"format": "nap-planner/plan", "version": ' + b"9" * 5000 + b"}",
        "digits",
    ),
    "duplicate-keys": (b'{"format": "a", "format": "b"}', "appears twice"),
    "invalid-utf8": (b'{"title": "\xff\xfe"}', "not UTF-8"),
    "nan": (b'{"format": "nap-planner/plan", "version": NaN}', "not a number JSON allows"),
}

HOSTILE_YAML = {
    "nested-10000.yaml": (b"framework: " + b"[" * 10_000 + b"]" * 10_000, ""),
    "nested-900.yaml": (b"framework: " + b"[" * 900 + b"]" * 900, ""),
    "5000-digit-integer.yaml": (b"framework:\n  year: " + b"9" * 5000 + b"\n", "digits"),
    "invalid-utf8.yaml": (b"framework:\n  title: \xff\xfe\n", "not UTF-8"),
    "nested-900.json": (b'{"framework": ' + b"[" * 900 + b"]" * 900 + b"}", ""),
    "5000-digit-integer.json": (b'{"framework": {"year": ' + b"9" * 5000 + b"}}", "digits"),
}


def _post_plan(client, name: str, data: bytes):
    return client.post(PLAN_IMPORT, {"file": SimpleUploadedFile(name, data)})


def _post_checklist(client, name: str, data: bytes):
    return client.post(CHECKLIST_UPLOAD, {"file": SimpleUploadedFile(name, data)})


PLAN_WORKBOOKS = _hostile_workbooks(matrix_bytes([activity_row(1)]))


@pytest.mark.parametrize("case", sorted(PLAN_WORKBOOKS))
def test_a_hostile_plan_workbook_gets_a_clear_400(client, cast, case):
    client.force_login(cast.coordinator)
    response = _post_plan(client, f"{case}.xlsx", PLAN_WORKBOOKS[case])
    assert response.status_code == 400
    assert response.context["problems"], "the page says what is wrong"
    assert not Plan.objects.exists()


@pytest.mark.parametrize("case", sorted(HOSTILE_JSON))
def test_a_hostile_plan_document_gets_a_clear_400(client, cast, case):
    data, expected = HOSTILE_JSON[case]
    client.force_login(cast.coordinator)
    response = _post_plan(client, f"{case}.json", data)
    assert response.status_code == 400
    messages = " ".join(str(p) for p in response.context["problems"])
    assert expected in messages, messages
    assert not Plan.objects.exists()


def _checklist_workbook() -> bytes:
    return workbook_bytes(catalogue_parse(content=SMALL.encode(), source_name="t.yaml"))


@pytest.mark.parametrize("case", sorted(_hostile_workbooks(_checklist_workbook())))
def test_a_hostile_checklist_workbook_gets_a_clear_400(client, cast, case):
    data = _hostile_workbooks(_checklist_workbook())[case]
    client.force_login(cast.standards_admin)
    response = _post_checklist(client, f"{case}.xlsx", data)
    assert response.status_code == 400
    assert b"alert-danger" in response.content
    assert not Framework.objects.exists()


@pytest.mark.parametrize("name", sorted(HOSTILE_YAML))
def test_a_hostile_checklist_text_file_gets_a_clear_400(client, cast, name):
    data, expected = HOSTILE_YAML[name]
    client.force_login(cast.standards_admin)
    response = _post_checklist(client, name, data)
    assert response.status_code == 400
    assert expected.encode() in response.content
    assert not Framework.objects.exists()


def test_the_json_import_reports_every_problem_of_a_file_in_one_pass(client, cast):
    activity = ActivityFactory()
    document = plan_export_json(plan=activity.plan)
    broken = document["chapters"][0]["goals"][0]["objectives"][0]
    document["plan"]["title"] = "<b>markup</b>"
    document["plan"]["period_end"] = document["plan"]["period_start"] - 1
    for extra in range(6):
        broken["activities"].append({**broken["activities"][0], "title": f"<i>{extra}</i>"})
    client.force_login(cast.coordinator)
    response = _post_plan(client, "many.json", json.dumps(document).encode())
    assert response.status_code == 400
    problems = [str(p) for p in response.context["problems"]]
    assert len(problems) >= 7, problems
