import pytest
from django.urls import reverse

from standards.models import Framework
from tests.factories import FrameworkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def versions():
    old = FrameworkFactory(code="icmpd-2006", version="1.0", is_current=False)
    new = FrameworkFactory(code="icmpd-2006", version="2.0")
    return old, new


def _url(framework):
    return reverse("standards:framework_make_current", args=[framework.code, framework.version])


def test_it_makes_an_earlier_version_current(client, cast, versions):
    old, new = versions
    client.force_login(cast.standards_admin)
    response = client.post(_url(old), follow=True)
    assert response.redirect_chain[-1][0] == reverse("standards:manage")
    assert b"icmpd-2006@1.0 is now the current version" in response.content
    assert Framework.objects.get(is_current=True) == old
    new.refresh_from_db()
    assert not new.is_current
