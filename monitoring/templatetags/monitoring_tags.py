from django import template

from monitoring.selectors import reminders_for

register = template.Library()


@register.inclusion_tag("monitoring/_reminders.html", takes_context=True)
def monitoring_reminders(context):
    """The reports the user's bodies owe, and the bodies late in the plans they coordinate."""
    return {"reminders": reminders_for(user=context["request"].user)}
