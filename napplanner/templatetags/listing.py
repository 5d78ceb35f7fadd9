"""Filters that turn a list into text a translated sentence can carry as one variable."""

from django import template

register = template.Library()


@register.filter
def pluck(items, name):
    """The attribute (or key) `name` of every item, in order: `rows|pluck:"title"|join:", "`."""
    return [item[name] if isinstance(item, dict) else getattr(item, name) for item in items]
