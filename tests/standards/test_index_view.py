import pytest
from django.urls import reverse

from tests.factories import FrameworkFactory

pytestmark = pytest.mark.django_db
URL = reverse("standards:index")


def test_it_lists_current_checklists_and_earlier_versions(client, cast):
    FrameworkFactory(code="icmpd-2006", version="1.0", title="ICMPD Guidelines", is_current=False)
    FrameworkFactory(code="icmpd-2006", version="2.0", title="ICMPD Guidelines 2")
    client.force_login(cast.coordinator)
    response = client.get(URL)
    assert response.status_code == 200
    assert [f.label for f in response.context["current"]] == ["icmpd-2006@2.0"]
    assert [f.label for f in response.context["older"]] == ["icmpd-2006@1.0"]
    assert reverse("standards:framework_detail", args=["icmpd-2006", "1.0"]).encode() in (
        response.content
    )


def test_it_offers_management_only_to_standards_admins(client, cast):
    client.force_login(cast.reviewer)
    assert reverse("standards:manage").encode() not in client.get(URL).content
    client.force_login(cast.standards_admin)
    assert reverse("standards:manage").encode() in client.get(URL).content


def test_it_escapes_titles(client, cast):
    FrameworkFactory(title="<script>alert(1)</script>")
    client.force_login(cast.outsider)
    content = client.get(URL).content
    assert b"<script>alert" not in content and b"&lt;script&gt;" in content


def test_its_query_count_does_not_grow_with_the_versions(
    client, cast, django_assert_max_num_queries
):
    for n in range(10):
        FrameworkFactory(code=f"standard-{n}")
    client.force_login(cast.reviewer)
    with django_assert_max_num_queries(5):
        assert client.get(URL).status_code == 200
