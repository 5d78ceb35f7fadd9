"""A spy on the print pipeline's URL fetcher: every URL a rendering asks for, and a
guard that nothing is opened through urllib (the network or the file system)."""

import urllib.request
from types import SimpleNamespace

import pytest

from napplanner import pdf


@pytest.fixture
def fetched(monkeypatch):
    seen = SimpleNamespace(urls=[], opened=[])
    original = pdf.StaticFilesFetcher.fetch

    def spy(self, url, headers=None):
        seen.urls.append(url)
        return original(self, url, headers)

    def no_network(self, target, *args, **kwargs):
        # The renderer swallows a fetcher's exceptions, so record rather than raise.
        seen.opened.append(target)
        raise OSError("no network in tests")

    monkeypatch.setattr(pdf.StaticFilesFetcher, "fetch", spy)
    monkeypatch.setattr(urllib.request.OpenerDirector, "open", no_network)
    return seen
