"""A standards admin uploads a checklist, checks the preview, confirms and browses it."""

import pytest
from playwright.sync_api import expect

from tests.standards.samples import SMALL

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_standards_admin_uploads_previews_confirms_and_browses(
    cast, sign_in, live_server, tmp_path
):
    checklist = tmp_path / "tiny.yaml"
    checklist.write_text(SMALL)
    page = sign_in(cast.standards_admin.username, cast.password)

    page.get_by_role("link", name="Maintain the international-standard checklists").click()
    expect(page.get_by_role("heading", name="Manage checklists")).to_be_visible()
    page.get_by_label("Checklist file").set_input_files(str(checklist))
    page.get_by_role("button", name="Check and preview").click()

    expect(page.get_by_role("heading", name="Preview: Tiny guidelines")).to_be_visible()
    expect(page.get_by_test_id("created")).to_contain_text("PR.1.1")
    page.get_by_role("button", name="Confirm and load").click()

    expect(page.get_by_role("heading", name="Tiny guidelines", exact=True)).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("loaded tiny@1 as new")
    expect(page.get_by_role("heading", name="PR.1 Awareness-raising")).to_be_visible()
    expect(page.get_by_text("Are there campaigns?")).to_be_visible()

    page.get_by_role("link", name="Standards", exact=True).click()
    expect(page.get_by_test_id("current-frameworks")).to_contain_text("tiny@1")
