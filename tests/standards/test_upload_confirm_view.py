import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from standards.models import Criterion, Framework
from standards.services import framework_load
from standards.views import PENDING
from tests.standards.samples import SMALL

pytestmark = pytest.mark.django_db
URL = reverse("standards:upload_confirm")


def _preview(client, content=SMALL):
    response = client.post(
        reverse("standards:upload"), {"file": SimpleUploadedFile("tiny.yaml", content.encode())}
    )
    return response.context["token"]


def test_it_loads_the_previewed_checklist(client, cast):
    client.force_login(cast.standards_admin)
    token = _preview(client)
    response = client.post(URL, {"token": token})
    assert response.status_code == 302
    assert response.url == reverse("standards:framework_detail", args=["tiny", "1"])
    assert Criterion.objects.filter(framework__code="tiny").count() == 3
    assert PENDING not in client.session


def test_it_refuses_a_token_that_is_not_the_previewed_file(client, cast):
    client.force_login(cast.standards_admin)
    _preview(client)
    response = client.post(URL, {"token": "0" * 32}, follow=True)
    assert b"no checklist waiting for confirmation" in response.content
    assert not Framework.objects.exists()


def test_it_validates_again_on_confirmation(client, cast, small_yaml):
    client.force_login(cast.standards_admin)
    changed = SMALL.replace("Are there campaigns?", "Campaigns?")
    token = _preview(client, changed)
    # Meanwhile someone loads the same version with other content.
    framework_load(document=small_yaml, source_name="tiny.yaml")
    response = client.post(URL, {"token": token})
    assert response.status_code == 400
    assert b"already loaded with different content" in response.content
    assert Criterion.objects.get(code="PR.1.1").question == "Are there campaigns?"


def test_it_loads_the_checklist_once_when_confirmed_twice(client, cast):
    client.force_login(cast.standards_admin)
    token = _preview(client)
    client.post(URL, {"token": token})

    response = client.post(URL, {"token": token}, follow=True)

    assert response.status_code == 200
    assert "already been loaded once" in response.content.decode()
    assert Framework.objects.count() == 1


def test_it_loads_once_when_two_tabs_confirm_at_the_same_moment(client, cast, monkeypatch):
    client.force_login(cast.standards_admin)
    token = _preview(client)
    tab = Client()
    tab.force_login(cast.standards_admin)
    session = tab.session
    session[PENDING] = client.session[PENDING]
    session.save()
    seen = {}

    def load_while_the_other_tab_confirms(**kwargs):
        seen["response"] = tab.post(URL, {"token": token}, follow=True)
        return framework_load(**kwargs)

    monkeypatch.setattr("standards.views.framework_load", load_while_the_other_tab_confirms)

    response = client.post(URL, {"token": token})

    assert response.status_code == 302
    assert Framework.objects.count() == 1
    assert "already been loaded once" in seen["response"].content.decode()
