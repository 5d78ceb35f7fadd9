"""Plan text is plain text wherever it is shown (pages, PDF, Word, Excel), so markup in it
is a mistake to point out, not content to keep. The rule sits on the model fields, so
every way in — forms, the JSON and Excel imports — refuses it with the field's name."""

import re

from django.core.exceptions import ValidationError

# An HTML tag or comment: "<" directly followed by a letter, "/" or "!". Plain
# comparisons such as "< 5 %" or "<5 years" stay allowed.
MARKUP = re.compile(r"<\s*[/!]?[a-zA-Z][^>]*>|<!--")

MARKUP_MESSAGE = "Remove the markup (text in angle brackets such as <b>): plain text only."


def validate_plain_text(value) -> None:
    if isinstance(value, str) and MARKUP.search(value):
        raise ValidationError(MARKUP_MESSAGE, code="markup")


PLAIN_TEXT = [validate_plain_text]
