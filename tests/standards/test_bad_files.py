"""A corpus of bad checklist files: each is refused with a message naming where the
problem is (line or sheet and row) and which field, and nothing is written."""

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from standards.documents import MAX_BYTES, CatalogueInvalid
from standards.models import Area, Component, Criterion, Framework, Principle
from standards.services import catalogue_parse, framework_load
from standards.spreadsheets import workbook_bytes
from tests.standards.samples import SMALL

pytestmark = pytest.mark.django_db

BAD_FILES = Path(__file__).parent / "bad_files"

EXPECTED = {
    "alias-bomb.yaml": "line 2: YAML aliases (*a) are not allowed",
    "areas-not-a-list.yaml": "line 10, components[0].areas, field 'areas': must be a list",
    "broken-syntax.yaml": "line 9, column 13: broken YAML:",
    "broken.json": "line 4, column 1: broken JSON: Expecting value",
    "code-shared-across-kinds.yaml": "line 19, principles[0], field 'code': 'PR.1' is used "
    "more than once",
    "component-without-code.yaml": "line 7, components[0], field 'code': required",
    "duplicate-area-code.yaml": "line 13, components[0].areas[1], field 'code': 'PR.1' is "
    "used more than once in the file",
    "duplicate-key.json": "line 1, column 62: broken JSON: duplicate key 'title'",
    "duplicate-key.yaml": "line 9, column 5: broken YAML: duplicate key 'title'",
    "empty.yaml": "the file is empty",
    "framework-code-with-spaces.yaml": "line 2, framework, field 'code': use lower-case",
    "keywords-as-list.yaml": "line 13, components[0].areas[0], field 'keywords': must map "
    "languages to lists",
    "list-at-top-level.yaml": "line 1: the file must be a mapping",
    "missing-components.yaml": "field 'components': required",
    "missing-framework.yaml": "field 'framework': required",
    "not-utf8.yaml": "the file is not UTF-8 text",
    "only-comments.yaml": "the file is empty",
    "phrase-empty.yaml": "line 13, components[0].areas[0], field 'keywords': keywords.en, "
    "phrase 2: empty",
    "phrase-stray-star.yaml": "line 13, components[0].areas[0], field 'keywords': keywords.en, "
    "phrase 2: '*aware': '*' marks a stem and goes only at the end of a word",
    "phrase-twice.yaml": "line 13, components[0].areas[0], field 'keywords': keywords.en: "
    "'Campaigns' matches the same words as 'campaign'; keep one",
    "question-missing.yaml": "line 15, components[0].areas[0].criteria[0], field 'question': "
    "required",
    "text-named-xlsx.xlsx": "the file is not an XLSX spreadsheet",
    "title-too-long.yaml": "line 8, components[0], field 'title': at most 300 characters",
    "unknown-area-key.yaml": "line 13, components[0].areas[0], field 'keyword': unknown key; "
    "an area may have",
    "unknown-key.json": "line 4, components[0], field 'colour': unknown key",
    "unknown-tier.yaml": "line 17, components[0].areas[0].criteria[0], field 'tier': 'strat' "
    "is not one of strategy, action_plan, indicator, plan",
    "unhashable-key.yaml": "line 3, column 5: broken YAML: a key must be a plain word",
    "unknown-top-level-key.yaml": "line 32, field 'chapters': unknown key",
    "version-as-number.yaml": "line 3, framework, field 'version': must be text, not a "
    'decimal number; write it as text, e.g. "1.0"',
    "weight-as-text.yaml": "line 31, groups[0].criteria[0], field 'weight': must be a whole "
    "number, not text",
    "wrong-extension.txt": "the file must end in .yaml, .yml, .json or .xlsx",
    "year-out-of-range.yaml": "line 5, framework, field 'year': must be between 1900 and 2200",
}


def assert_refused(content: bytes, name: str, expected: str) -> None:
    with pytest.raises(CatalogueInvalid) as refused:
        framework_load(document=content, source_name=name)
    messages = [str(problem) for problem in refused.value.problems]
    assert any(expected in message for message in messages), messages
    for model in (Framework, Component, Area, Principle, Criterion):
        assert not model.objects.exists()


def test_the_corpus_is_complete():
    assert sorted(p.name for p in BAD_FILES.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_it_refuses_a_bad_file_with_a_clear_message(name):
    assert_refused((BAD_FILES / name).read_bytes(), name, EXPECTED[name])


def test_it_refuses_a_huge_file():
    huge = SMALL + "# " + "x" * MAX_BYTES + "\n"
    assert_refused(huge.encode(), "huge.yaml", "the limit is 2,097,152")


# --- spreadsheets ---------------------------------------------------------------------


def _workbook(change=None) -> bytes:
    content = workbook_bytes(catalogue_parse(content=SMALL.encode(), source_name="t.yaml"))
    if change is None:
        return content
    book = openpyxl.load_workbook(io.BytesIO(content))
    change(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _cell(book, sheet, column, code):
    rows = list(book[sheet].iter_rows())
    header = [c.value for c in rows[0]]
    row = next(r for r in rows if r[header.index("code")].value == code)
    return row[header.index(column)]


def test_a_valid_workbook_loads():
    assert framework_load(document=_workbook(), source_name="t.xlsx").written


def test_it_refuses_a_workbook_with_a_missing_column():
    def drop_question(book):
        book["Criteria"].delete_cols([c.value for c in book["Criteria"][1]].index("question") + 1)

    assert_refused(
        _workbook(drop_question), "t.xlsx", "sheet Criteria, row 1, field 'question': missing"
    )


def test_it_refuses_an_area_under_a_missing_component():
    def move(book):
        _cell(book, "Areas", "component", "PR.1").value = "XX"

    assert_refused(
        _workbook(move),
        "t.xlsx",
        "sheet Areas, row 2, field 'component': there is no component 'XX' in the file",
    )


def test_it_refuses_a_criterion_with_two_parents():
    def two(book):
        _cell(book, "Criteria", "principle", "PR.1.1").value = "P.HR"

    assert_refused(_workbook(two), "t.xlsx", "sheet Criteria, row 2, field 'area': a criterion")


def test_it_refuses_a_criterion_whose_component_is_not_its_areas():
    def wrong(book):
        _cell(book, "Criteria", "component", "PR.1.1").value = "SF"

    assert_refused(
        _workbook(wrong),
        "t.xlsx",
        "sheet Criteria, row 2, field 'component': area PR.1 belongs to component PR, not SF",
    )


def test_it_refuses_a_wrong_type_in_a_cell():
    def text_weight(book):
        _cell(book, "Criteria", "weight", "IN.S").value = "heavy"

    assert_refused(
        _workbook(text_weight), "t.xlsx", "sheet Criteria, row 4, field 'weight': must be a whole"
    )


def test_it_refuses_a_formula():
    def formula(book):
        _cell(book, "Criteria", "question", "IN.S").value = "=1+1"

    assert_refused(_workbook(formula), "t.xlsx", "sheet Criteria, row 4: formulas are not allowed")


def test_it_refuses_a_workbook_without_the_criteria_sheet():
    assert_refused(
        _workbook(lambda book: book.remove(book["Criteria"])),
        "t.xlsx",
        "sheet Criteria: missing sheet",
    )


def test_it_refuses_an_unknown_column():
    def extra(book):
        book["Areas"].cell(row=1, column=20, value="colour")

    assert_refused(_workbook(extra), "t.xlsx", "sheet Areas, row 1, column 20, field 'colour'")


def test_it_refuses_too_many_rows():
    def many(book):
        for n in range(5001):
            book["Components"].append([f"C{n}", "Title"])

    assert_refused(_workbook(many), "t.xlsx", "the limit is 5,000")


def test_it_refuses_a_zip_that_is_not_a_workbook():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "hello")
    assert_refused(out.getvalue(), "t.xlsx", "the file is not an XLSX spreadsheet")


def test_it_refuses_a_workbook_that_unpacks_to_too_much():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/huge.xml", b"\0" * (60 * 1024 * 1024))
    assert_refused(out.getvalue(), "t.xlsx", "the spreadsheet unpacks to")
