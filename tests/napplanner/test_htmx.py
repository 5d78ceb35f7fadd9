from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory
from django_htmx.middleware import HtmxDetails

from napplanner.htmx import partial_or_redirect


def _request(*, htmx: bool):
    headers = {"HX-Request": "true"} if htmx else {}
    request = RequestFactory().post("/", headers=headers)
    request.htmx = HtmxDetails(request)
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_it_draws_the_partial_for_htmx():
    response = partial_or_redirect(
        _request(htmx=True), "strategy/_section_list.html", {"sections": []}, redirect_to="/x/"
    )
    assert response.status_code == 200


def test_it_sends_a_plain_request_to_the_page_with_the_error():
    request = _request(htmx=False)
    drawn = []
    response = partial_or_redirect(
        request,
        "strategy/_section_list.html",
        lambda: drawn.append(1) or {},
        redirect_to="/plans/1/#notes",
        error="Say why.",
    )
    assert (response.status_code, response.url) == (302, "/plans/1/#notes")
    assert [str(m) for m in get_messages(request)] == ["Say why."]
    assert drawn == [], "the context of a partial nobody sees is not read"


def test_it_draws_the_page_for_a_plain_request_when_one_is_named():
    request = _request(htmx=False)
    response = partial_or_redirect(
        request, "missing-partial.html", {"sections": []}, page="strategy/_section_list.html"
    )
    assert response.status_code == 200
