import io

import openpyxl
import pytest
import yaml
from django.urls import reverse

from standards.services import framework_load

pytestmark = pytest.mark.django_db


@pytest.fixture
def framework(small_yaml):
    return framework_load(document=small_yaml, source_name="tiny.yaml").framework


def _url(framework, fmt):
    return reverse("standards:framework_export", args=[framework.code, framework.version, fmt])


def test_it_downloads_yaml(client, cast, framework):
    client.force_login(cast.coordinator)
    response = client.get(_url(framework, "yaml"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="tiny-1.yaml"'
    assert yaml.safe_load(response.content)["framework"]["code"] == "tiny"


def test_it_downloads_xlsx(client, cast, framework):
    client.force_login(cast.reviewer)
    response = client.get(_url(framework, "xlsx"))
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == [
        "Framework",
        "Components",
        "Areas",
        "Principles",
        "Groups",
        "Criteria",
    ]


def test_it_sends_anonymous_visitors_to_sign_in(client, framework):
    assert client.get(_url(framework, "yaml")).status_code == 302
