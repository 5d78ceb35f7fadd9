"""The import template download."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db

URL = reverse("actionplan:import_template")


@pytest.mark.parametrize("who", ["coordinator", "reviewer"])
def test_it_downloads_the_template(client, cast, who):
    client.force_login(getattr(cast, who))

    response = client.get(URL)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    assert load_workbook(io.BytesIO(response.content)).sheetnames[-1] == "Instructions"
