"""The print pipeline: HTML rendered by Django templates in, a PDF out (WeasyPrint).

Reports carry text that users typed. Templates escape it, but a renderer that follows
URLs is a second line to guard: WeasyPrint would otherwise fetch any `http://`,
`file://` or `data:` URL it meets in markup or CSS. The fetcher below serves the
project's own static files (print stylesheet, fonts) and refuses everything else, so
a PDF never reads another file of the server or reaches the network.
"""

import mimetypes
import os
import posixpath
import re
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.utils._os import safe_join
from django.utils.safestring import SafeString, mark_safe
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

# Documents are rendered with this base URL, so `{% static %}` paths (`/static/…`)
# resolve to an origin that exists nowhere: nothing under it is fetched over a network,
# the fetcher answers it from the static files on disk.
STATIC_ORIGIN = "https://static.napplanner.invalid"
BASE_URL = f"{STATIC_ORIGIN}/"

# Fonts are not in every mimetypes table; WeasyPrint checks stylesheets' type only.
_CONTENT_TYPES = {".css": "text/css; charset=utf-8", ".ttf": "font/ttf", ".svg": "image/svg+xml"}


# WeasyPrint reads an <svg>'s style attribute as presentation attributes, so the
# browser's `height:auto` there becomes an SVG height of "auto" and breaks the drawing's
# size; the print stylesheet sizes charts instead.
_SVG_ROOT_STYLE = re.compile(r'(<svg\b[^>]*?)\s+style="[^"]*"')


class URLRefused(ValueError):
    """A document asked for a URL outside the project's static files."""


def _static_prefixes() -> list[str]:
    static_url = settings.STATIC_URL
    if urlsplit(static_url).scheme:  # static files served from another host
        return [static_url]
    return [STATIC_ORIGIN + "/" + static_url.lstrip("/")]


def static_path_for(url: str) -> str:
    """The path of `url` inside the static files, or URLRefused."""
    if urlsplit(url).query:
        raise URLRefused(f"Refused {url!r}: static URLs have no query.")
    for prefix in _static_prefixes():
        if url.startswith(prefix):
            relative = unquote(urlsplit(url[len(prefix) :]).path)
            break
    else:
        raise URLRefused(f"Refused {url!r}: only the project's static files are read.")
    normal = posixpath.normpath(relative)
    if not relative or "\\" in relative or normal.startswith(("/", "..")) or normal == ".":
        raise URLRefused(f"Refused {url!r}: the path leaves the static files.")
    return normal


def static_file_for(url: str) -> str:
    """The file on disk that answers `url`: from the apps' and project's static folders
    (development), else from STATIC_ROOT (after collectstatic, hashed names included)."""
    path = static_path_for(url)
    found = finders.find(path)
    if found:
        return found
    if settings.STATIC_ROOT:
        try:
            candidate = safe_join(str(settings.STATIC_ROOT), path)
        except SuspiciousFileOperation:
            raise URLRefused(f"Refused {url!r}: the path leaves the static files.") from None
        if os.path.isfile(candidate):
            return candidate
    raise URLRefused(f"Refused {url!r}: no such static file.")


class StaticFilesFetcher(URLFetcher):
    """Serves `STATIC_ORIGIN/static/…` from disk; raises for every other URL. WeasyPrint
    logs a refused URL and leaves the resource out: the document still renders."""

    def fetch(self, url, headers=None):
        filename = static_file_for(url)
        extension = posixpath.splitext(filename)[1].lower()
        content_type = _CONTENT_TYPES.get(extension) or (
            mimetypes.guess_type(filename)[0] or "application/octet-stream"
        )
        with open(filename, "rb") as handle:
            body = handle.read()
        return URLFetcherResponse(url, body, {"Content-Type": content_type})


def svg_for_print(svg: SafeString) -> SafeString:
    """An inline SVG chart without the style attribute on its root element."""
    # Safe to mark: removing an attribute from already safe markup adds nothing to it.
    return mark_safe(_SVG_ROOT_STYLE.sub(r"\1", str(svg), count=1))  # noqa: S308


def html_to_pdf(html: str, *, title: str, author: str, language: str) -> bytes:
    """Render a complete HTML document to PDF bytes.

    Headings become PDF bookmarks (WeasyPrint's `bookmark-level`); the title, author and
    language given here are written to the PDF's metadata whatever the markup says.
    """
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFilesFetcher()).render()
    document.metadata.title = title
    document.metadata.authors = [author] if author else []
    document.metadata.lang = language
    document.metadata.generator = f"NAP Planner {settings.VERSION}"
    return document.write_pdf()
