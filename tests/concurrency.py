"""Two people editing the same object: read a form out of a page as a browser would send
it, change some fields, post it; shared by the tests of every edit form."""

from html.parser import HTMLParser

from django.test import Client
from django.urls import reverse

from napplanner.concurrency import VERSION_FIELD


class _Forms(HTMLParser):
    """Every form of a page: its action and the values a browser would submit."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._form = None
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = {"action": attrs.get("action") or "", "fields": [], "buttons": []}
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input" and attrs.get("name"):
            kind = attrs.get("type", "text")
            if kind == "submit":
                self._form["buttons"].append((attrs["name"], attrs.get("value", "")))
            elif kind not in ("checkbox", "radio") or "checked" in attrs:
                self._form["fields"].append((attrs["name"], attrs.get("value", "")))
        elif tag == "button" and attrs.get("name"):
            self._form["buttons"].append((attrs["name"], attrs.get("value", "")))
        elif tag == "textarea":
            self._textarea = [attrs["name"], ""]
        elif tag == "select":
            self._select = attrs["name"]
        elif tag == "option" and self._select and "selected" in attrs:
            self._form["fields"].append((self._select, attrs.get("value", "")))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None:
            value = self._textarea[1]
            # A browser drops the one newline that may follow <textarea>.
            self._form["fields"].append((self._textarea[0], value.removeprefix("\n")))
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form":
            self._form = None


def form_data(html: str, action: str = "") -> dict[str, list[str]]:
    """What the form posting to `action` (else the one carrying a version) would send."""
    parser = _Forms()
    parser.feed(html)
    for form in parser.forms:
        names = [name for name, _value in form["fields"]]
        if (action and form["action"] == action) or (not action and VERSION_FIELD in names):
            data: dict[str, list[str]] = {}
            for name, value in form["fields"]:
                if name != "csrfmiddlewaretoken":
                    data.setdefault(name, []).append(value)
            return data
    raise AssertionError(f"No form posting to {action or 'a versioned object'} in the page.")


def editor(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def load(client: Client, page_url: str, action: str = "", **extra) -> dict[str, list[str]]:
    response = client.get(page_url, **extra)
    assert response.status_code == 200, response.status_code
    return form_data(response.content.decode(), action)


def changed(data: dict[str, list[str]], **values) -> dict[str, list[str]]:
    return {**data, **{name: [value] for name, value in values.items()}}


def resolve(client: Client, conflict_response, action: str, resolution: str, **choices):
    """Answer the conflict view: press `resolution` (mine, theirs or choice), with a
    choice per field (keep_<field>="theirs")."""
    data = form_data(conflict_response.content.decode(), action)
    for name, value in choices.items():
        data[name.replace("keep_", "keep-", 1)] = [value]
    data["resolution"] = [resolution]
    return client.post(action, data)


def workspace_edit_url(plan, slug: str, pk: int) -> str:
    return reverse("actionplan:element_edit", args=[plan.pk, slug, pk])
