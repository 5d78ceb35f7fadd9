"""Every word a user reads in a template goes through Django's translation tags.

Each template under templates/ is split with Django's own template lexer. What lies
inside {% translate %} / {% blocktranslate %} (and template comments) is set aside; every
other template tag or variable becomes a placeholder without letters. The rest is read as
HTML: any text node, and any user-facing attribute (aria-label, title, placeholder, alt,
the value of an input button), that still contains a letter was written in English only
and cannot be translated. Literal arguments of the filters that print words (`default`,
`default_if_none`, `yesno`), and the values passed to a partial under a name that is
printed (`what`, `caption`, `heading`...), are checked as well; write them as `_("...")`.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.template.base import DebugLexer, TokenType

TEMPLATES_DIR = Path(settings.BASE_DIR) / "templates"

# Words that are the same in every language: the product's name.
NOT_TRANSLATED = ("NAP Planner",)

USER_FACING_ATTRIBUTES = {"aria-label", "title", "placeholder", "alt"}
BUTTON_INPUT_TYPES = {"submit", "button", "reset"}
TRANSLATING_BLOCKS = {"blocktranslate": "endblocktranslate", "blocktrans": "endblocktrans"}
SKIPPED_BLOCKS = {"comment": "endcomment", "verbatim": "endverbatim"}
PLACEHOLDER = "\x1a"
LETTER = re.compile(r"[^\W\d_]")
WORDY_FILTER_LITERAL = re.compile(r"""\|\s*(default|default_if_none|yesno)\s*:\s*(["'])(.*?)\2""")
# Values a template passes on to be printed: {% include ... with caption="..." %}.
SHOWN_ARGUMENT = re.compile(
    r"""\b(what|caption|first_column|heading|advice|label|title)=(["'])(.*?)\2"""
)


def has_letters(text):
    for token in NOT_TRANSLATED:
        text = text.replace(token, "")
    return bool(LETTER.search(text))


def first_line_with_letters(text, first_line):
    for offset, line in enumerate(text.split("\n")):
        if has_letters(line):
            return first_line + offset, line.strip()
    return first_line, text.strip()


def markup_without_template_language(source):
    """The template with every translated or non-text part replaced by a placeholder of
    the same line count."""
    parts, closing = [], None
    for token in DebugLexer(source).tokenize():
        start, end = token.position
        raw = source[start:end]
        command = token.contents.split()[0] if token.contents.split() else ""
        if closing is not None:
            if token.token_type == TokenType.BLOCK and command == closing:
                closing = None
            parts.append(PLACEHOLDER + "\n" * raw.count("\n"))
            continue
        if token.token_type == TokenType.TEXT:
            parts.append(raw)
            continue
        if token.token_type == TokenType.VAR and parts and parts[-1].endswith(("<", "</")):
            parts.append("tag")  # a tag whose name a variable gives: <{{ wrapper }}>
            continue
        if token.token_type == TokenType.BLOCK:
            closing = TRANSLATING_BLOCKS.get(command) or SKIPPED_BLOCKS.get(command)
        # A word a filter prints stays in the markup, to be judged where it is printed.
        literals = [*WORDY_FILTER_LITERAL.finditer(raw), *SHOWN_ARGUMENT.finditer(raw)]
        words = " ".join(match.group(3) for match in literals)
        parts.append(PLACEHOLDER + words + PLACEHOLDER + "\n" * raw.count("\n"))
    return "".join(parts)


class UntranslatedText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems, self.raw_text_element = [], None

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.raw_text_element = tag
        attrs = dict(attrs)
        line = self.getpos()[0]
        for name, value in attrs.items():
            user_facing = name in USER_FACING_ATTRIBUTES or (
                name == "value" and tag == "input" and attrs.get("type") in BUTTON_INPUT_TYPES
            )
            if user_facing and value and has_letters(value):
                self.problems.append((line, f'{name}="{value}"'))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.raw_text_element = None

    def handle_endtag(self, tag):
        if tag == self.raw_text_element:
            self.raw_text_element = None

    def handle_data(self, data):
        if self.raw_text_element is None and has_letters(data):
            self.problems.append(first_line_with_letters(data, self.getpos()[0]))


def untranslated(source):
    """(line, text) for every piece of user-facing English left outside translation."""
    parser = UntranslatedText()
    parser.feed(markup_without_template_language(source))
    parser.close()
    return sorted(parser.problems)


def template_names():
    return sorted(str(path.relative_to(TEMPLATES_DIR)) for path in TEMPLATES_DIR.rglob("*.html"))


@pytest.mark.parametrize("name", template_names())
def test_it_translates_every_word_of_each_template(name):
    problems = untranslated((TEMPLATES_DIR / name).read_text(encoding="utf-8"))
    assert not problems, "\n".join(f"templates/{name}:{line}: {text}" for line, text in problems)


def test_it_finds_english_text_attributes_and_filter_words():
    source = (
        '<p class="lead" title="Plan">{{ n }} items</p>\n'
        '<input type="submit" value="Save" name="save">\n'
        '{{ status|default:"None" }}\n'
        '<div>{% include "_table.html" with caption="By source" testid="by-source" %}</div>'
    )
    assert [line for line, _ in untranslated(source)] == [1, 1, 2, 3, 4]


def test_it_accepts_translated_symbols_scripts_and_comments():
    source = (
        '{% load i18n %}<h1 class="x">{% translate "Plan" %} · {{ n }}&nbsp;%</h1>\n'
        '<button aria-label="{% blocktranslate trimmed %}Edit {{ what }}'
        '{% endblocktranslate %}">↑</button>\n'
        "<script>let words = 'ok';</script><style>p { color: red }</style>\n"
        "<!-- a note -->{# a note #}{% comment %}notes{% endcomment %}NAP Planner\n"
        '{{ status|default:"—" }}<p data-testid="{{ testid|default:\'problems\' }}"></p>\n'
        '<{{ wrapper|default:"div" }} class="x"></{{ wrapper|default:"div" }}>'
    )
    assert untranslated(source) == []
