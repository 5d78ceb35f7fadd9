"""The plan's pages offer its downloads to whoever may see the plan."""

import pytest
from django.urls import reverse

from strategy.models import PlanStatus

EXPORTS = ("export_xlsx", "export_docx", "plan_pdf", "export_json")


@pytest.mark.parametrize("page", ["actionplan:workspace", "strategy:plan_details"])
def test_it_offers_every_download_on_the_plan_pages(client, cast, plan, page):
    client.force_login(cast.coordinator)
    response = client.get(reverse(page, args=[plan.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    for name in EXPORTS:
        assert html.count(f'href="{reverse(f"actionplan:{name}", args=[plan.pk])}"') == 1


def test_a_reviewer_reading_the_plan_gets_the_downloads_too(client, cast, plan):
    plan.status = PlanStatus.CONSULTATION
    plan.save()
    client.force_login(cast.reviewer)
    response = client.get(reverse("actionplan:workspace", args=[plan.pk]))
    assert reverse("actionplan:export_docx", args=[plan.pk]) in response.content.decode()
    assert client.get(reverse("actionplan:export_docx", args=[plan.pk])).status_code == 200
