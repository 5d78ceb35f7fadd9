"""Reading files people upload: JSON and YAML that cannot exhaust the parser.

Python's parsers fail on hostile input in ways that are not errors a person can act on:
nesting a few thousand levels deep raises `RecursionError` (in the parser or, at a few
hundred levels, in whatever walks the result next), an integer of thousands of digits
raises Python's digit-limit `ValueError`, and bytes that are not UTF-8 raise a decode error
with an offset into the raw file. These helpers turn each into `UntrustedInputError` with
a message that names the place, and refuse trees deeper than any plan or checklist needs,
so that nothing after them can recurse too far.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from django.utils.translation import gettext as _

# A plan document is about a dozen levels deep (plan → chapters → goals → objectives →
# activities → budget lines → fields); a checklist fewer. Far below Python's recursion limit.
MAX_DEPTH = 32
# Amounts, years and counts need a handful of digits; 100 is generous and far below the
# 4,300 at which Python refuses to convert.
MAX_NUMBER_DIGITS = 100


class UntrustedInputError(ValueError):
    """The file cannot be read; `str()` says why in words for the person who sent it.
    A syntax error also tells where (`line`, `column`) and what (`reason`)."""

    def __init__(self, message: str, *, line: int = 0, column: int = 0, reason: str = ""):
        super().__init__(message)
        self.line, self.column, self.reason = line, column, reason


def decode_utf8(data: bytes) -> str:
    """The text of an uploaded file, which must be UTF-8 (a byte-order mark is allowed)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise UntrustedInputError(
            _("The file is not UTF-8 text: line %(line)s has bytes that are not UTF-8.")
            % {"line": line}
        ) from None


def check_depth(tree, *, max_depth: int = MAX_DEPTH) -> None:
    """Refuse a parsed tree nested deeper than `max_depth`, walking it without recursion."""
    stack = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children = node.values()
        elif isinstance(node, list | tuple):
            children = node
        else:
            continue
        if depth > max_depth:
            raise UntrustedInputError(
                _("The file is nested more than %(depth)s levels deep; no plan or checklist is.")
                % {"depth": max_depth}
            )
        stack.extend((child, depth + 1) for child in children)


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise UntrustedInputError(
            _("The file holds a number of %(digits)s digits; numbers may have at most %(max)s.")
            % {"digits": len(text.lstrip("-")), "max": MAX_NUMBER_DIGITS}
        )
    return int(text)


def _bounded_float(text: str) -> float:
    if len(text) > MAX_NUMBER_DIGITS:
        raise UntrustedInputError(
            _("The file holds a number of %(digits)s characters; numbers may have at most %(max)s.")
            % {"digits": len(text), "max": MAX_NUMBER_DIGITS}
        )
    return float(text)


def _refuse_constant(name: str):
    raise UntrustedInputError(
        _("The file holds %(name)s, which is not a number JSON allows.") % {"name": name}
    )


def _no_duplicate_keys(pairs: list[tuple[str, object]]) -> dict:
    seen: dict = {}
    for key, value in pairs:
        if key in seen:
            raise UntrustedInputError(
                _("The key “%(key)s” appears twice in the same object; keep one.") % {"key": key}
            )
        seen[key] = value
    return seen


def parse_json(
    data: bytes | str,
    *,
    max_depth: int = MAX_DEPTH,
    object_pairs_hook: Callable[[list[tuple[str, object]]], dict] = _no_duplicate_keys,
):
    """Parse JSON from an upload: UTF-8, bounded depth and numbers, no duplicate keys."""
    text = decode_utf8(data) if isinstance(data, bytes) else data
    try:
        tree = json.loads(
            text,
            object_pairs_hook=object_pairs_hook,
            parse_int=_bounded_int,
            parse_float=_bounded_float,
            parse_constant=_refuse_constant,
        )
    except RecursionError:
        raise UntrustedInputError(
            _("The file is nested more than %(depth)s levels deep; no plan or checklist is.")
            % {"depth": max_depth}
        ) from None
    except json.JSONDecodeError as exc:
        raise UntrustedInputError(
            _("The file is not valid JSON: %(reason)s at line %(line)s, column %(column)s.")
            % {"reason": exc.msg, "line": exc.lineno, "column": exc.colno},
            line=exc.lineno,
            column=exc.colno,
            reason=exc.msg,
        ) from None
    check_depth(tree, max_depth=max_depth)
    return tree


def guard_recursion(parse: Callable[[], object], *, max_depth: int = MAX_DEPTH):
    """Run a parser of nested text (e.g. a YAML loader) and check what it returns; a
    `RecursionError` or a digit-limit `ValueError` inside it becomes a clear refusal."""
    try:
        tree = parse()
    except RecursionError:
        raise UntrustedInputError(
            _("The file is nested more than %(depth)s levels deep; no plan or checklist is.")
            % {"depth": max_depth}
        ) from None
    except ValueError as exc:
        if "digits" not in str(exc):
            raise
        raise UntrustedInputError(
            _("The file holds a number with more digits than any plan or checklist needs.")
        ) from None
    check_depth(tree, max_depth=max_depth)
    return tree


def _workbook_damage() -> tuple[type[BaseException], ...]:
    import zipfile
    import zlib

    from defusedxml import DefusedXmlException

    # What openpyxl raises from inside a part of an .xlsx while it reads a read-only sheet
    # lazily: XML that is malformed or cut off (SyntaxError covers expat's and lxml's
    # errors), entities refused by defusedxml, a part the workbook points at but lacks, a
    # shared string that does not exist, a damaged or cut-off archive member.
    return (
        SyntaxError,
        DefusedXmlException,
        KeyError,
        IndexError,
        EOFError,
        UnicodeDecodeError,
        zipfile.BadZipFile,
        zlib.error,
    )


WORKBOOK_DAMAGE = _workbook_damage()
