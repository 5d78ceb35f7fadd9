"""`manage.py review PLAN_ID --format html|pdf --output FILE [--review ID]`."""

from io import StringIO

import pypdf
import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from assessment.models import Finding, Rating, Review
from tests.assessment.report_data import review_build

pytestmark = pytest.mark.django_db


def _review(plan_id, *args):
    out = StringIO()
    call_command("review", str(plan_id), *args, stdout=out)
    return out.getvalue()


def test_it_writes_the_pdf_of_a_fresh_assessment_and_saves_nothing(plan, activity, tmp_path):
    users = get_user_model().objects.count()
    target = tmp_path / "report.pdf"
    said = _review(plan.pk, "--format", "pdf", "--output", str(target))
    assert str(target) in said
    reader = pypdf.PdfReader(target)
    assert len(reader.pages) > 1
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Automated assessment (command line)" in text and "DRAFT" in text
    assert not Review.objects.exists() and not Finding.objects.exists()
    assert not Rating.objects.exists()
    assert get_user_model().objects.count() == users


def test_it_writes_the_html_of_a_saved_review(cast, tmp_path):
    review = review_build(reviewer=cast.reviewer)
    target = tmp_path / "report.html"
    _review(review.plan_id, "--format", "html", "--output", str(target), "--review", str(review.pk))
    html = target.read_text()
    assert html.startswith("<!doctype html>") and "print/report.css" in html
    assert "<title>Review of the NAP</title>" in html
    assert "A separate chapter on children" in html  # the review's own notes


def test_it_needs_an_output_file_and_a_review_of_that_plan(cast, tmp_path):
    review = review_build(reviewer=cast.reviewer)
    with pytest.raises(CommandError, match="--output"):
        _review(review.plan_id, "--format", "pdf")
    other = review_build(reviewer=cast.reviewer)
    with pytest.raises(CommandError, match="has no review"):
        _review(
            review.plan_id,
            "--format",
            "pdf",
            "--output",
            str(tmp_path / "x.pdf"),
            "--review",
            str(other.pk),
        )
    assert not (tmp_path / "x.pdf").exists()
