"""The shared print pipeline: metadata, bookmarks, shipped fonts, and a URL fetcher that
reads the project's static files and nothing else."""

import io

import pypdf
import pytest

from napplanner import pdf
from tests import pdf_fetches

fetched = pdf_fetches.fetched  # the fixture, shared with the other print tests

STYLESHEET = '<link rel="stylesheet" href="/static/print/report.css">'


def _document(body: str, lang: str = "en") -> str:
    return f'<!doctype html><html lang="{lang}"><head>{STYLESHEET}</head><body>{body}</body></html>'


def _read(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def test_it_writes_title_author_and_language_to_the_metadata():
    data = pdf.html_to_pdf(
        _document("<p>Body</p>"), title="Review of NAP", author="Rita Reviewer", language="az"
    )
    reader = _read(data)
    assert reader.metadata.title == "Review of NAP"
    assert reader.metadata.author == "Rita Reviewer"
    assert reader.trailer["/Root"]["/Lang"] == "az"


def test_it_makes_bookmarks_from_section_headings():
    body = "<h1>Cover title</h1><h2>Introduction</h2><h3>Goals</h3><h2>Annexes</h2>"
    reader = _read(pdf.html_to_pdf(_document(body), title="t", author="a", language="en"))
    outline = reader.outline
    assert [item.title for item in outline if not isinstance(item, list)] == [
        "Introduction",
        "Annexes",
    ]
    assert outline[1][0].title == "Goals"


def test_it_prints_azerbaijani_and_cyrillic_letters_with_the_shipped_font():
    text = "Azərbaycan ğ ı ö ş ç ü — Национальный план"
    data = pdf.html_to_pdf(_document(f"<p>{text}</p>"), title="t", author="", language="az")
    reader = _read(data)
    page = reader.pages[0]
    assert text in page.extract_text()
    fonts = [font.get_object()["/BaseFont"] for font in page["/Resources"]["/Font"].values()]
    assert any("NAP-Sans" in name for name in fonts)


def test_it_numbers_the_pages():
    body = "".join(f"<p>Paragraph {n}</p>" for n in range(200))
    reader = _read(pdf.html_to_pdf(_document(body), title="t", author="", language="en"))
    assert len(reader.pages) > 1
    assert f"Page 2 of {len(reader.pages)}" in reader.pages[1].extract_text()


def test_it_fetches_only_the_static_files_the_document_links(fetched):
    body = (
        '<img src="http://example.org/tracker.png"><img src="file:///etc/passwd">'
        '<img src="data:image/png;base64,iVBORw0KGgo="><img src="/static/../../etc/passwd">'
        '<p style="background: url(https://example.org/x.css)">text</p>'
    )
    pdf.html_to_pdf(_document(body), title="t", author="", language="en")
    assert fetched.opened == []
    served = [url for url in fetched.urls if url.startswith(pdf.STATIC_ORIGIN + "/static/")]
    assert f"{pdf.STATIC_ORIGIN}/static/print/report.css" in served
    assert any(url.endswith("DejaVuSansCondensed.ttf") for url in served)
    assert "http://example.org/tracker.png" in fetched.urls
    for url in fetched.urls:
        if url not in served or ".." in url:
            with pytest.raises(pdf.URLRefused):
                pdf.static_file_for(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org/static/print/report.css",
        "https://static.napplanner.invalid.example.org/static/print/report.css",
        "file:///etc/passwd",
        "data:text/css,body{}",
        "https://static.napplanner.invalid/etc/passwd",
        "https://static.napplanner.invalid/static/../../etc/passwd",
        "https://static.napplanner.invalid/static/%2e%2e/%2e%2e/etc/passwd",
        "https://static.napplanner.invalid/static/print/report.css?x=1",
        "https://static.napplanner.invalid/static/print/missing.css",
    ],
)
def test_it_refuses_every_url_outside_the_static_files(url):
    with pytest.raises(pdf.URLRefused):
        pdf.StaticFilesFetcher().fetch(url)


def test_it_serves_a_static_file_with_its_type():
    response = pdf.StaticFilesFetcher().fetch(f"{pdf.STATIC_ORIGIN}/static/print/report.css")
    assert response.content_type == "text/css"
    assert b"@page" in response.read()
