"""The monitoring report of a period as a PDF, through the shared print pipeline."""

import io

import pypdf
from django.urls import reverse

from monitoring.services import period_publish
from tests.factories import ActivityReportFactory


def test_it_prints_the_period_with_charts_delays_and_the_annex_per_body(
    client, cast, monitored, download
):
    ActivityReportFactory(
        period=monitored.period,
        activity=monitored.activity_a,
        body=monitored.body_a,
        state="approved",
        status="delayed",
        reason="The trainer left",
    )
    period_publish(period=monitored.period)
    client.force_login(cast.coordinator2)
    response = download(
        reverse("monitoring:period_pdf", args=[monitored.plan.pk, monitored.period.pk])
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.getvalue()))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "The trainer left" in text
    assert "Annex: reports per body" in text
    assert "Ministry of Labour" in text
    assert reader.metadata.title.startswith("Monitoring report")
