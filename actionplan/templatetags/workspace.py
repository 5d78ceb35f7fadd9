"""Template tags that keep the workspace light: a plan of 2,000 activities draws some
10,000 buttons, so each is a short string built here rather than a template with
several URL reversals."""

from django import template
from django.utils.html import format_html

from actionplan.elements import element_url_prefix

register = template.Library()


def _element_prefix(context, slug: str) -> str:
    prefixes = context.get("ws_prefixes")
    if prefixes is None:
        return element_url_prefix(context["plan"].pk, slug)
    return prefixes[slug]


@register.simple_tag(takes_context=True)
def ws_element_url(context, slug: str, pk: int) -> str:
    """The element's own URL; its edit/, delete/, move/ and panel/ URLs are beneath it."""
    return f"{_element_prefix(context, slug)}{pk}/"


EDIT_BUTTONS = (
    '<button type="button" data-ws="edit" aria-label="Edit {what}">Edit</button>'
    '<button type="button" data-ws="delete" aria-label="Delete {what}">Delete</button>'
)
MOVE_BUTTONS = (
    '<button type="button" data-ws="up" aria-label="Move {what} up">↑</button>'
    '<button type="button" data-ws="down" aria-label="Move {what} down">↓</button>'
)


@register.simple_tag(takes_context=True)
def ws_controls(context, what: str, movable: bool = True):
    """Edit, delete and move buttons for the element block around them (data-el); the
    page's script sends them, so each button is a few attributes only."""
    if not context.get("can_edit"):
        return ""
    tree = context.get("tree")
    markup = EDIT_BUTTONS
    if movable and not (tree and tree.filtered):
        markup += MOVE_BUTTONS
    # One format_html per element, escaping `what` wherever it appears.
    return format_html('<span class="ws-controls">' + markup + "</span>", what=what)


@register.simple_tag(takes_context=True)
def ws_add(context, slug: str, what: str, parent: str = "", parent_id: int | None = None):
    """An "Add …" button and the slot its form opens in."""
    if not context.get("can_edit"):
        return ""
    tree = context.get("tree")
    if tree and tree.filtered:
        return ""
    url = f"{_element_prefix(context, slug)}add/"
    if parent:
        url += f"?{parent}={parent_id}"
    return format_html(
        '<div class="ws-add-slot"></div><button type="button" class="btn btn-sm btn-link"'
        ' hx-get="{}" hx-target="previous .ws-add-slot" hx-swap="innerHTML">+ Add {}</button>',
        url,
        what,
    )


class PartialNode(template.Node):
    """Draws another template's nodes in the current context: an include without its new
    render state. The tree draws thousands of partials, and {% include %} cost a third of
    the page's time; these partials keep no render state (no cycle, no blocks)."""

    def __init__(self, name: str):
        self.name = name

    def render(self, context):
        partial = context.template.engine.get_template(self.name)
        return partial.nodelist.render(context)


@register.tag
def ws_partial(parser, token):
    """{% ws_partial "actionplan/_activity_head.html" %}"""
    try:
        _tag, name = token.split_contents()
    except ValueError:
        raise template.TemplateSyntaxError("ws_partial takes one quoted template name") from None
    if name[0] not in "\"'" or name[-1] != name[0]:
        raise template.TemplateSyntaxError("ws_partial takes one quoted template name")
    return PartialNode(name[1:-1])
