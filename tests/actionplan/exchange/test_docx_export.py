"""The Word export: the seed's model templates, real heading styles, a contents field,
and user text kept as text."""

import io

import docx
import pytest
from docx.enum.section import WD_ORIENT

from actionplan.exchange.docx_export import plan_export_docx
from strategy.models import Section
from tests.factories import ActivityFactory, SectionFactory, StakeholderFactory


def _open(plan):
    return docx.Document(io.BytesIO(plan_export_docx(plan=plan)))


def _headings(document, level):
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def test_it_follows_the_model_templates_with_word_headings(complete_plan):
    document = _open(complete_plan)
    assert _headings(document, 1) == ["National strategy", "Action plan"]
    strategy = _headings(document, 2)
    for title in (
        "Preamble",
        "Background analysis",
        "Stakeholders and their roles",
        "Strategic goals and specific objectives",
        "Legal basis",
        "1. Protection",
    ):
        assert title in strategy
    level3 = _headings(document, 3)
    assert "Support and protection today (Support and protection)" in level3
    assert "Specific objective 1.1.1: Every region has a shelter" in level3


def test_it_opens_with_a_table_of_contents_field(complete_plan):
    document = _open(complete_plan)
    instructions = [e.text for e in document.element.body.iter() if e.tag.endswith("instrText")]
    assert any(text.startswith('TOC \\o "1-3"') for text in instructions)
    assert document.settings.element.xpath("w:updateFields")


def test_it_has_a_table_per_objective_with_the_action_plan_columns(complete_plan):
    document = _open(complete_plan)
    stakeholders, objective = document.tables[:2]
    assert [c.text for c in stakeholders.rows[0].cells] == [
        "Institution",
        "Abbreviation",
        "Kind",
        "Role",
    ]
    assert [c.text for c in objective.rows[0].cells] == [
        "No.",
        "Output / activity / sub-activity",
        "Lead body",
        "Partners",
        "Timeline",
        "Budget",
        "Indicators",
    ]
    # The activity text gets the widest column, the number the narrowest.
    widths = [column.width for column in objective.columns]
    assert max(widths) == widths[1] and min(widths) == widths[0]
    rows = [[c.text for c in row.cells] for row in objective.rows[1:]]
    assert rows[0][1] == "Output: Four shelters"
    activity = rows[1]
    assert activity[1] == "Open a shelter in the north & then, < 50 km from the border"
    assert activity[2] == "MoI" and activity[3] == "Clean Hands"
    assert activity[4] == "03/2019 – 06/2020"
    assert "125,000.50 EUR (State budget, secured)" in activity[5]
    assert "0.00 AZN (Donor: European Union, pledged)" in activity[5]
    assert "baseline: 0 (2018); target: 200 (2020)" in activity[6]
    assert rows[2][1] == "– Find a building"
    assert rows[-1][1] == "Vague activity"


def test_the_action_plan_is_printed_landscape(complete_plan):
    document = _open(complete_plan)
    assert document.sections[0].orientation == WD_ORIENT.PORTRAIT
    assert document.sections[-1].orientation == WD_ORIENT.LANDSCAPE


def test_it_keeps_markup_as_text_and_drops_what_xml_cannot_hold(complete_plan):
    SectionFactory(
        plan=complete_plan,
        kind=Section.Kind.PREAMBLE,
        title="<w:p>Injected</w:p>",
        body="Line one\x07\nline two\x0b &amp; <script>",
    )
    StakeholderFactory(plan=complete_plan, name="Body \x1b[31m & <Co>")
    document = _open(complete_plan)
    texts = [p.text for p in document.paragraphs]
    assert "<w:p>Injected</w:p>" in _headings(document, 3)
    assert "Line one\nline two &amp; <script>" in texts
    names = [row.cells[0].text for row in document.tables[0].rows]
    assert "Body [31m & <Co>" in names


def test_it_exports_an_empty_plan(db):
    from tests.factories import PlanFactory

    document = _open(PlanFactory(title="Empty plan"))
    assert _headings(document, 1) == ["National strategy", "Action plan"]


def test_it_says_when_an_objective_has_no_activities(complete_plan):
    texts = [p.text for p in _open(complete_plan).paragraphs]
    assert "No activities are planned for this objective yet." in texts


@pytest.mark.parametrize("size", [5, 60])
def test_it_issues_a_fixed_number_of_queries(complete_plan, size, django_assert_max_num_queries):
    objective = complete_plan.objectives.first()
    for _ in range(size):
        ActivityFactory(plan=complete_plan, objective=objective)
    with django_assert_max_num_queries(30):
        plan_export_docx(plan=complete_plan)


def test_it_ends_the_action_plan_with_the_national_resource_plan(complete_plan):
    document = _open(complete_plan)
    assert "National resource plan" in _headings(document, 2)
    assert {"Budget in AZN", "Budget in EUR"} <= set(_headings(document, 3))
    sources = [
        [c.text for c in row.cells]
        for table in document.tables
        if table.rows[0].cells[0].text == "Funding source"
        for row in table.rows
    ]
    assert ["State budget", "125,000.50", "0.00", "0.00", "125,000.50"] in sources
    assert ["Donor: European Union", "0.00", "0.00", "0.00", "0.00"] in sources
    texts = [p.text for p in document.paragraphs]
    assert "1 of 2 activities have no budget line and state no resources." in texts
