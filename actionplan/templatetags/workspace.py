"""Template tags that keep the workspace light: a plan of 2,000 activities draws some
10,000 buttons, so URLs are reversed once per page and partials are drawn without the
cost of {% include %}. The markup itself is in the partial templates."""

from django import template
from django.template.base import token_kwargs

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


@register.simple_tag(takes_context=True)
def ws_add_url(context, slug: str, parent: str = "", parent_id: int | None = None) -> str:
    """The URL of the form adding an element of kind `slug` under the parent named."""
    url = f"{_element_prefix(context, slug)}add/"
    return f"{url}?{parent}={parent_id}" if parent else url


class PartialNode(template.Node):
    """Draws another template's nodes in the current context: an include without its new
    render state. The tree draws thousands of partials, and {% include %} cost a third of
    the page's time; these partials keep no render state (no cycle, no blocks)."""

    def __init__(self, name: str, extra: dict):
        self.name = name
        self.extra = extra

    def render(self, context):
        partial = context.template.engine.get_template(self.name)
        if not self.extra:
            return partial.nodelist.render(context)
        values = {key: value.resolve(context) for key, value in self.extra.items()}
        with context.push(**values):
            return partial.nodelist.render(context)


@register.tag
def ws_partial(parser, token):
    """{% ws_partial "actionplan/_activity_head.html" %}, or with values for the partial:
    {% ws_partial "actionplan/_controls.html" what="goal G1" fixed=True %}"""
    bits = token.split_contents()
    message = "ws_partial takes one quoted template name, then name=value pairs"
    if len(bits) < 2:
        raise template.TemplateSyntaxError(message)
    name, rest = bits[1], bits[2:]
    if name[0] not in "\"'" or name[-1] != name[0]:
        raise template.TemplateSyntaxError(message)
    extra = token_kwargs(rest, parser)  # takes the pairs it reads out of `rest`
    if rest:
        raise template.TemplateSyntaxError(message)
    return PartialNode(name[1:-1], extra)
