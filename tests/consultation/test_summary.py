"""The consultation summary: a page, a Word file and a PDF with the comments per chapter,
the decisions with their reasons, the open ones and the counts per organisation."""

import io

import docx
import pypdf
import pytest
from django.urls import reverse
from django.utils import timezone

from consultation.models import Resolution
from tests import pdf_fetches
from tests.factories import ChapterFactory, CommentFactory

fetched = pdf_fetches.fetched


def _decided(plan, resolution, reason, **kwargs):
    return CommentFactory(
        plan=plan,
        resolution=resolution,
        reason=reason,
        resolved_at=timezone.now(),
        **kwargs,
    )


@pytest.fixture
def heard(cast, consulted):
    """Three comments on the activity of chapter 1 (accepted, declined, open) and one on
    the plan as a whole."""
    on_activity = {
        "element_kind": "activity",
        "element_id": consulted.activity.pk,
        "element_label": "1.1.1 Train",
        "chapter": consulted.chapter,
        "chapter_label": "1 Prevention",
    }
    consultee, partner = cast.consultee, consulted.partner
    accepted, declined = "Shelters added to 1.1.1.", "Covered by the law on <asylum>."
    _decided(consulted, Resolution.ACCEPTED, accepted, author=consultee, **on_activity)
    iom = {"author": partner, "organisation": "IOM Mission"}
    _decided(consulted, Resolution.DECLINED, declined, **iom, **on_activity)
    CommentFactory(plan=consulted, author=consultee, text="Train judges too.", **on_activity)
    CommentFactory(plan=consulted, text="Who coordinates?", **iom)
    return consulted


def test_it_groups_the_comments_by_chapter_with_decisions_and_reasons(client, cast, heard):
    client.force_login(cast.coordinator)
    html = client.get(reverse("consultation:summary", args=[heard.pk])).content.decode()
    assert html.index("The plan as a whole") < html.index("1 Prevention")
    assert "1 accepted, 1 declined, 1 open" in html
    assert "Shelters added to 1.1.1." in html
    assert "Covered by the law on &lt;asylum&gt;." in html  # escaped, never markup
    assert "4 comments: 1 accepted, 1 declined, 2 open." in html


def test_it_counts_the_comments_per_organisation(client, cast, heard):
    client.force_login(cast.consultee)
    html = client.get(reverse("consultation:summary", args=[heard.pk])).content.decode()
    rows = html.split('<th scope="row">')[1:]
    assert rows[0].startswith("IOM Mission</th><td>0</td><td>1</td><td>1</td>")
    assert rows[1].startswith("La Strada</th><td>1</td><td>0</td><td>1</td>")


def test_it_reads_the_summary_in_queries_that_do_not_grow(
    client, cast, heard, django_assert_max_num_queries
):
    for n in range(10):
        chapter = ChapterFactory(plan=heard, code=str(n + 2))
        on_chapter = {"element_id": chapter.pk, "chapter": chapter, "chapter_label": chapter.code}
        CommentFactory(plan=heard, author=cast.consultee, element_kind="chapter", **on_chapter)
    client.force_login(cast.coordinator)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("consultation:summary", args=[heard.pk]))
    assert response.content.decode().count('data-testid="summary-chapter"') == 12


def test_it_downloads_the_summary_as_a_word_document(client, cast, heard):
    client.force_login(cast.coordinator)
    response = client.get(reverse("consultation:summary_docx", args=[heard.pk]))
    assert response["Content-Disposition"].endswith('.docx"')
    document = docx.Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Declined: Covered by the law on <asylum>." in text
    assert "Open: no decision yet." in text
    cells = [c.text for row in document.tables[0].rows for c in row.cells]
    assert cells[4:8] == ["IOM Mission", "0", "1", "1"]


def test_it_renders_the_summary_as_pdf_with_the_print_stylesheet(
    client, cast, heard, download, fetched
):
    client.force_login(cast.consultee)
    response = download(reverse("consultation:summary_pdf", args=[heard.pk]))
    assert response["Content-Type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.getvalue()))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Shelters added to 1.1.1." in text and "Covered by the law on <asylum>." in text
    assert any(url.endswith("print/report.css") for url in fetched.urls)
    assert not fetched.opened
