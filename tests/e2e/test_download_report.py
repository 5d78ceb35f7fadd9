"""A reviewer opens the report of the demo review in the browser and downloads its PDF."""

import pypdf
import pytest
from playwright.sync_api import expect

from tests.assessment.report_data import demo_review_build

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_reviewer_reads_the_report_and_downloads_the_pdf(live_server, page, sign_in, cast):
    review = demo_review_build(reviewer=cast.reviewer)
    sign_in(cast.reviewer.username, cast.password)

    page.goto(f"{live_server.url}/reviews/{review.pk}/")
    page.get_by_role("link", name="View report").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(review.title)
    expect(page.get_by_role("heading", name="Coverage at a glance")).to_be_visible()
    expect(page.get_by_role("img", name="Coverage per component")).to_be_visible()

    # The PDF is made in the background: the page follows it, then offers the file.
    page.get_by_role("link", name="Download PDF").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The review report as PDF")
    offer = page.get_by_role("link", name="Download the review report as PDF")
    expect(offer).to_be_visible(timeout=180_000)
    expect(page.get_by_role("status")).to_contain_text("Ready")
    with page.expect_download(timeout=60_000) as download_info:
        offer.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    reader = pypdf.PdfReader(download.path())
    assert len(reader.pages) > 1
    assert "Introduction and goals of the review" in reader.pages[2].extract_text()
