import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_every_signed_in_user_finds_the_standards_in_the_navigation(client, cast):
    client.force_login(cast.outsider)
    content = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("standards:index")}"' in content
    assert reverse("standards:manage") not in content


def test_a_standards_admin_finds_the_management_page_on_the_home_page(client, cast):
    client.force_login(cast.standards_admin)
    content = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("standards:manage")}"' in content
