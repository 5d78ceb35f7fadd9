"""GET /plans/<id>/export.docx"""

import io

import docx
from django.urls import reverse


def _url(plan):
    return reverse("actionplan:export_docx", args=[plan.pk])


def test_it_downloads_a_word_file(client, cast, plan):
    client.force_login(cast.coordinator)
    response = client.get(_url(plan))
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert response["Content-Disposition"].endswith('-2019-2023.docx"')
    document = docx.Document(io.BytesIO(response.content))
    assert document.paragraphs[0].text == plan.title


def test_it_sends_anonymous_visitors_to_sign_in(client, plan):
    assert client.get(_url(plan)).status_code == 302
