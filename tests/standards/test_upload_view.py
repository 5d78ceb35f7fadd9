import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from standards.models import Framework
from standards.services import framework_load
from standards.views import PENDING
from tests.standards.samples import SMALL

pytestmark = pytest.mark.django_db
URL = reverse("standards:upload")


def _file(content=SMALL, name="tiny.yaml"):
    return SimpleUploadedFile(name, content.encode())


def test_it_previews_a_valid_checklist_without_loading_it(client, cast):
    client.force_login(cast.standards_admin)
    response = client.post(URL, {"file": _file()})
    assert response.status_code == 200
    report = response.context["report"]
    assert report.status == "new" and "PR.1.1" in report.created
    assert b"Confirm and load" in response.content
    assert "4 entries have no phrases in a language" in response.content.decode()
    assert [entry["name"] for entry in client.session[PENDING].values()] == ["tiny.yaml"]
    assert not Framework.objects.exists()


def test_it_previews_what_a_new_version_changes(client, cast, small_yaml):
    framework_load(document=small_yaml, source_name="tiny.yaml")
    client.force_login(cast.standards_admin)
    newer = SMALL.replace('version: "1"', 'version: "2"').replace("Are there", "Do we have")
    response = client.post(URL, {"file": _file(newer)})
    content = response.content.decode()
    assert "Compared with tiny@1" in content
    assert 'PR.1.1 <span class="text-muted">(question)</span>' in content
    assert Framework.objects.count() == 1


def test_it_lists_every_problem_and_keeps_nothing(client, cast):
    client.force_login(cast.standards_admin)
    bad = SMALL.replace('version: "1"', "version: 1.0").replace("tier: action_plan", "tier: x")
    response = client.post(URL, {"file": _file(bad)})
    assert response.status_code == 400
    content = response.content.decode()
    assert "2 problems" in content
    assert "line 3, framework, field &#x27;version&#x27;" in content
    assert "field &#x27;tier&#x27;: &#x27;x&#x27; is not one of" in content
    assert PENDING not in client.session
    assert not Framework.objects.exists()


def test_it_escapes_markup_from_the_file(client, cast):
    client.force_login(cast.standards_admin)
    hostile = SMALL.replace("title: Tiny guidelines", "title: <b>Tiny</b>")
    response = client.post(URL, {"file": _file(hostile)})
    assert b"<b>Tiny</b>" not in response.content and b"&lt;b&gt;Tiny" in response.content


def test_it_requires_a_file(client, cast):
    client.force_login(cast.standards_admin)
    response = client.post(URL, {})
    assert response.status_code == 400
    assert b"This field is required" in response.content
