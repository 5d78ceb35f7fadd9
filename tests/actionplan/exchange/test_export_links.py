"""The workspace offers the plan's downloads to whoever may see the plan."""

from django.urls import reverse

from strategy.models import PlanStatus


def test_it_offers_the_downloads_on_the_workspace(client, cast, plan):
    client.force_login(cast.coordinator)
    response = client.get(reverse("actionplan:workspace", args=[plan.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    for name in ("export_docx", "export_json", "export_xlsx", "plan_pdf"):
        assert f'href="{reverse(f"actionplan:{name}", args=[plan.pk])}"' in html


def test_a_reviewer_reading_the_plan_gets_the_downloads_too(client, cast, plan):
    plan.status = PlanStatus.CONSULTATION
    plan.save()
    client.force_login(cast.reviewer)
    response = client.get(reverse("actionplan:workspace", args=[plan.pk]))
    assert reverse("actionplan:export_docx", args=[plan.pk]) in response.content.decode()
    assert client.get(reverse("actionplan:export_docx", args=[plan.pk])).status_code == 200
