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


@pytest.mark.parametrize("role", ["coordinator", "reviewer", "outsider"])
def test_it_refuses_everyone_but_standards_admins(client, cast, versions, role):
    client.force_login(getattr(cast, role))
    assert client.post(_url(versions[0])).status_code == 403
    assert Framework.objects.get(is_current=True) == versions[1]


def test_it_answers_404_for_an_unknown_version(client, cast, versions):
    client.force_login(cast.standards_admin)
    url = reverse("standards:framework_make_current", args=["icmpd-2006", "9"])
    assert client.post(url).status_code == 404


def test_it_refuses_get(client, cast, versions):
    client.force_login(cast.standards_admin)
    assert client.get(_url(versions[0])).status_code == 405
