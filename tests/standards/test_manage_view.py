import pytest
from django.urls import reverse

from tests.factories import FrameworkFactory

pytestmark = pytest.mark.django_db
URL = reverse("standards:manage")


def test_it_shows_the_upload_form_and_every_version(client, cast):
    FrameworkFactory(code="icmpd-2006", version="1.0", is_current=False)
    FrameworkFactory(code="icmpd-2006", version="2.0")
    client.force_login(cast.standards_admin)
    response = client.get(URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert 'type="file"' in content and "Checklist file" in content
    assert reverse("standards:framework_export", args=["icmpd-2006", "1.0", "xlsx"]) in content
    assert reverse("standards:framework_export", args=["icmpd-2006", "2.0", "yaml"]) in content


def test_its_query_count_does_not_grow_with_the_versions(
    client, cast, django_assert_max_num_queries
):
    for n in range(10):
        FrameworkFactory(code=f"standard-{n}")
    client.force_login(cast.standards_admin)
    with django_assert_max_num_queries(5):
        assert client.get(URL).status_code == 200
