"""The review report: its structure in the PDF, pictures in both formats, user text kept
inert, and an honest report for a plan without activities."""

import io

import pypdf
import pytest

from assessment.report import report_context, report_html, report_pdf
from napplanner import pdf
from tests import pdf_fetches
from tests.assessment.report_data import demo_review_build, review_build

fetched = pdf_fetches.fetched  # the fixture, shared with the other print tests
pytestmark = pytest.mark.django_db

SECTION_TITLES = [
    "Introduction and goals of the review",
    "Coverage at a glance",
    "Background of the plan",
    "International standards used",
    "The plan's chapters and the components",
    "Guiding principles",
    "Structure of the strategy and the action plan",
    "Supporting framework",
    "Prevention",
    "Support and protection of victims and victim-witnesses",
    "Investigation and prosecution",
    "Timeline of the activities",
    "Funding and the national resource plan",
    "Recommendations",
    "Content-related recommendations",
    "Annexes",
]
HOSTILE = (
    ' <img src="http://evil.example/x.png"> file:///etc/passwd'
    " <style>body{background:url(file:///etc/passwd)}</style>"
    ' <span style="background:url(http://evil.example/y.png)">ə</span>'
)


@pytest.fixture
def demo_pdf(cast):
    review = demo_review_build(reviewer=cast.reviewer)
    return review, pypdf.PdfReader(io.BytesIO(report_pdf(review)))


def _reader(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def _text(reader: pypdf.PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def _outline_titles(outline) -> list[str]:
    titles = []
    for item in outline:
        titles.extend(_outline_titles(item) if isinstance(item, list) else [item.title])
    return titles


def test_it_prints_the_demo_review_in_the_seed_order_after_a_cover_and_contents(demo_pdf):
    review, reader = demo_pdf
    text = _text(reader)
    assert "Azerbaijan" in reader.pages[0].extract_text()
    assert "2014–2018" in reader.pages[0].extract_text()
    assert "Contents" in reader.pages[1].extract_text()
    # Every section heading is on the page its bookmark points to, pages in order.
    pages = {}
    for item in reader.outline:
        if not isinstance(item, list) and item.title in SECTION_TITLES:
            pages[item.title] = reader.get_destination_page_number(item)
    assert list(pages) == SECTION_TITLES
    assert list(pages.values()) == sorted(pages.values()) and min(pages.values()) >= 2
    for title, number in pages.items():
        assert title in reader.pages[number].extract_text().splitlines()
    body = text[text.index("Introduction and goals of the review\n") :]
    for annex in ("Annex 1. Legal basis", "Annex 2. Model template", "Annex 4. How to develop"):
        assert annex in body


def test_it_numbers_the_pages_and_bookmarks_every_section(demo_pdf):
    review, reader = demo_pdf
    pages = len(reader.pages)
    assert pages > 5
    assert f"Page {pages} of {pages}" in reader.pages[-1].extract_text()
    titles = _outline_titles(reader.outline)
    assert [t for t in titles if t in SECTION_TITLES] == SECTION_TITLES
    assert "What the standard asks" in titles
    assert "Annex 4. How to develop SMART indicators" in titles


def test_it_gives_contents_entries_their_page_numbers(demo_pdf):
    review, reader = demo_pdf
    contents = reader.pages[1].extract_text()
    annexes_page = next(
        n
        for n, page in enumerate(reader.pages, 1)
        if "Annex 1. Legal basis" in page.extract_text() and n > 2
    )
    assert any(
        line.startswith("Annexes") and line.rstrip().endswith(str(annexes_page))
        for line in contents.splitlines()
    )


def test_it_writes_the_title_reviewers_and_language_into_the_pdf(demo_pdf):
    review, reader = demo_pdf
    assert reader.metadata.title == review.title
    assert reader.metadata.author == "rita-reviewer"
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_it_draws_every_chart_in_the_page_and_the_pdf(cast):
    review = review_build(reviewer=cast.reviewer)
    html = report_html(review)
    charts = [
        "Coverage per component",
        "Coverage per area",
        "Budget by component (AZN)",
        "Budget by funding source and status (AZN)",
    ]
    for name in charts:
        assert f'role="img" aria-label="{name}"' in html
        assert f"<title>{name}</title>" in html
    assert 'id="coverage-components-data"' in html  # the table alternative
    # The timeline prints as a table of bars: WeasyPrint lays SVG text out glyph by glyph.
    assert f'<table class="gantt" aria-label="Timeline of activities: {review.plan.title}">' in html
    assert "National resource plan, AZN" in html
    page = html.split("<body>", 1)[1]
    assert page.count("<svg") == len(charts)

    text = _text(_reader(report_pdf(review)))
    assert "33 / 100" in text and "Covered by complete activities" in text  # coverage
    assert "1.1 Set up a national database 1" in text and "Q3" in text  # timeline
    assert "Pledged" in text and "Unfunded" in text  # budget legends
    assert "SF Supporting framework" in text


def test_it_watermarks_a_draft_and_not_a_final_report(cast):
    draft = review_build(reviewer=cast.reviewer)
    assert 'class="watermark"' in report_html(draft)
    assert all("DRAFT" in p.extract_text() for p in _reader(report_pdf(draft)).pages)

    final = review_build(reviewer=cast.reviewer, final=True)
    assert 'class="watermark"' not in report_html(final)
    text = _text(_reader(report_pdf(final)))
    assert "DRAFT" not in text and "Final (version of 2 November 2026)" in text


def test_it_shows_markup_in_user_text_as_text_and_fetches_nothing(cast, fetched):
    review = review_build(reviewer=cast.reviewer, text=HOSTILE)
    html = report_html(review)
    assert "<img src=" not in html and "<style>" not in html and "<span style" not in html
    assert "&lt;img src=&quot;http://evil.example/x.png&quot;&gt;" in html

    text = _text(_reader(report_pdf(review)))
    assert '<img src="http://evil.example/x.png">' in text
    assert "file:///etc/passwd" in text
    assert fetched.opened == []
    assert fetched.urls, "the stylesheet and fonts are fetched through the spy"
    assert all(url.startswith(f"{pdf.STATIC_ORIGIN}/static/") for url in fetched.urls)


def test_it_says_there_is_nothing_to_assess_when_the_plan_has_no_activities(cast):
    review = review_build(reviewer=cast.reviewer, activities=0)
    text = _text(_reader(report_pdf(review)))
    assert "Nothing to assess in the action plan" in text
    assert "The plan has no activities, so there is no timeline to show." in text
    assert "Supporting framework" in text and "Annexes" in text


def test_it_reads_the_report_in_queries_that_do_not_grow_with_the_plan(
    cast, django_assert_max_num_queries
):
    small = review_build(reviewer=cast.reviewer, activities=2)
    with django_assert_max_num_queries(70) as small_queries:
        report_context(small)
    large = review_build(reviewer=cast.reviewer, activities=25)
    with django_assert_max_num_queries(len(small_queries.captured_queries)):
        report_context(large)
