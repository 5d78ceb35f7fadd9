import io

import openpyxl
import pytest
import yaml

from standards.catalogue import catalogue_from_framework
from standards.services import (
    LoadStatus,
    catalogue_parse,
    framework_export_json,
    framework_export_xlsx,
    framework_export_yaml,
    framework_load,
)
from tests.standards.samples import SMALL

pytestmark = pytest.mark.django_db


@pytest.fixture
def icmpd(icmpd_yaml):
    return framework_load(document=icmpd_yaml, source_name="icmpd-2006.yaml").framework


@pytest.mark.parametrize(
    ("export", "name"),
    [
        (lambda f: framework_export_yaml(framework=f).encode(), "again.yaml"),
        (lambda f: framework_export_json(framework=f).encode(), "again.json"),
        (lambda f: framework_export_xlsx(framework=f), "again.xlsx"),
    ],
    ids=["yaml", "json", "xlsx"],
)
def test_exporting_and_loading_again_gives_the_same_catalogue(icmpd, export, name):
    exported = export(icmpd)
    assert catalogue_parse(content=exported, source_name=name) == catalogue_from_framework(icmpd)
    report = framework_load(document=exported, source_name=name)
    assert report.status == LoadStatus.UNCHANGED


def test_an_exported_workbook_loads_as_a_new_version_with_the_same_content(icmpd):
    book = openpyxl.load_workbook(io.BytesIO(framework_export_xlsx(framework=icmpd)))
    for row in book["Framework"].iter_rows():
        if row[0].value == "version":
            row[1].value = "2.0"
    out = io.BytesIO()
    book.save(out)
    report = framework_load(document=out.getvalue(), source_name="icmpd-2.xlsx")
    assert report.status == LoadStatus.NEW_VERSION
    assert report.created == [] and report.changed == [] and report.removed == []
    newer = catalogue_from_framework(report.framework)
    older = catalogue_from_framework(icmpd)
    assert newer.entries() == older.entries()


def test_the_workbook_has_one_row_per_criterion_with_component_and_area(icmpd):
    book = openpyxl.load_workbook(io.BytesIO(framework_export_xlsx(framework=icmpd)))
    rows = list(book["Criteria"].iter_rows(values_only=True))
    header = rows[0]
    by_code = {row[header.index("code")]: row for row in rows[1:]}
    assert len(by_code) == icmpd.criteria.count()
    foreign = by_code["SP.3.2"]
    assert foreign[header.index("component")] == "SP"
    assert foreign[header.index("area")] == "SP.3"
    assert "interpret" in foreign[header.index("keywords_en")]


def test_text_that_looks_like_a_formula_stays_text(small_yaml):
    risky = SMALL.replace("Are there campaigns?", '"=HYPERLINK(\\"http://x\\")"')
    framework = framework_load(document=risky.encode(), source_name="t.yaml").framework
    content = framework_export_xlsx(framework=framework)
    book = openpyxl.load_workbook(io.BytesIO(content))
    cells = [c for row in book["Criteria"].iter_rows() for c in row if c.value]
    formula = next(c for c in cells if str(c.value).startswith("=HYPERLINK"))
    assert formula.data_type == "s"
    assert catalogue_parse(content=content, source_name="t.xlsx") == catalogue_from_framework(
        framework
    )


def test_the_yaml_export_is_the_readable_nested_form(icmpd):
    document = yaml.safe_load(framework_export_yaml(framework=icmpd))
    assert list(document) == ["framework", "components", "principles", "groups"]
    support = document["components"][2]
    assert support["code"] == "SP"
    assert [a["code"] for a in support["areas"]] == ["SP.1", "SP.2", "SP.3", "SP.4", "SP.5"]
    assert "сбор данных" in framework_export_yaml(framework=icmpd)


@pytest.mark.parametrize(
    ("export", "name"),
    [
        (lambda f: framework_export_yaml(framework=f).encode(), "again.yaml"),
        (lambda f: framework_export_json(framework=f).encode(), "again.json"),
        (lambda f: framework_export_xlsx(framework=f), "again.xlsx"),
    ],
    ids=["yaml", "json", "xlsx"],
)
def test_criterion_phrases_travel_with_the_checklist(export, name):
    phrases = '{en: [coordinat*, "study, analysis", working group], ru: [рабочая группа]}'
    document = SMALL.replace(
        "            tier: action_plan\n",
        f"            tier: action_plan\n            keywords: {phrases}\n",
    ).encode()
    framework = framework_load(document=document, source_name="tiny.yaml").framework
    again = catalogue_parse(content=export(framework), source_name=name)
    criterion = next(c for c in again.criteria if c["code"] == "PR.1.1")
    assert criterion["keywords"] == {
        "en": ["coordinat*", "study, analysis", "working group"],
        "ru": ["рабочая группа"],
    }
