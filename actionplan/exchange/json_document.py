"""The plan document format (``nap-planner/plan``, version 1): its schema, parsing, and
the error type every import step reports through.

Errors name the place in the document as a JSON path (``$.chapters[0].goals[1].title``)
so a person can find the line to fix in any editor.
"""

import codecs
import datetime
import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import BinaryIO

import fastjsonschema
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from fastjsonschema import JsonSchemaException
from jsonschema import Draft202012Validator

from napplanner.untrusted import UntrustedInputError, parse_json

FORMAT = "nap-planner/plan"
VERSION = 1
SCHEMA_PATH = Path(__file__).parent / "schema" / "plan-v1.schema.json"
MAX_REPORTED = 50
# What a plan document file may weigh. The JSON export of the largest plan a workbook may
# hold (xlsx_layout.MAX_ACTIVITIES activities, with long texts) stays well below it, so
# every plan the application exports imports back (tests/actionplan/exchange/
# test_json_limits.py holds the two to each other).
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class DocumentIssue:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class PlanDocumentError(Exception):
    """The document cannot be imported; nothing has been written."""

    def __init__(self, issues: Iterable[DocumentIssue]):
        self.issues = list(issues)
        super().__init__(self.summary())

    def summary(self) -> str:
        shown = [str(issue) for issue in self.issues[:MAX_REPORTED]]
        hidden = len(self.issues) - len(shown)
        if hidden > 0:
            shown.append(
                ngettext("… and %(count)s more problem.", "… and %(count)s more problems.", hidden)
                % {"count": hidden}
            )
        return "\n".join(shown)


def json_path(parts: Iterable[str | int]) -> str:
    path = "$"
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


@cache
def plan_schema() -> dict:
    with SCHEMA_PATH.open(encoding="utf-8") as handle:
        return json.load(handle)


@cache
def _validator() -> Draft202012Validator:
    # Resolving a $ref costs more than checking what it points to; the schema has no
    # cycles, so validate against a copy with every reference written out in place.
    schema = plan_schema()
    return Draft202012Validator(_dereferenced(schema, schema["$defs"]))


@cache
def _fast_validator():
    # Compiled to Python, so a valid plan of thousands of activities is checked in a
    # fraction of the time; the schema uses nothing beyond draft 7.
    schema = plan_schema()
    flat = _dereferenced(schema, schema["$defs"])
    flat["$schema"] = "http://json-schema.org/draft-07/schema#"
    return fastjsonschema.compile(flat)


def _dereferenced(node, definitions: dict):
    if isinstance(node, list):
        return [_dereferenced(item, definitions) for item in node]
    if not isinstance(node, dict):
        return node
    if set(node) == {"$ref"}:
        name = node["$ref"].removeprefix("#/$defs/")
        return _dereferenced(definitions[name], definitions)
    return {k: _dereferenced(v, definitions) for k, v in node.items() if k != "$defs"}


def document_load(raw: bytes | str | BinaryIO) -> dict:
    """Parse the text of a plan document; refuse what is not a JSON object. A file is
    decoded as it is read, so a large document is never held as bytes and text at once."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise _not_utf8(exc.start) from exc
    elif not isinstance(raw, str):
        raw = _text_read(raw)
    if not raw.strip():
        raise PlanDocumentError([DocumentIssue("$", _("The file is empty."))])
    try:
        document = parse_json(raw)
    except UntrustedInputError as exc:
        raise PlanDocumentError([DocumentIssue("$", str(exc))]) from exc
    if not isinstance(document, dict):
        raise PlanDocumentError([DocumentIssue("$", "A plan document is a JSON object.")])
    return document


def _not_utf8(byte: int) -> PlanDocumentError:
    message = _("The file is not UTF-8 text (byte %(byte)s).") % {"byte": byte}
    return PlanDocumentError([DocumentIssue("$", message)])


def _text_read(file: BinaryIO) -> str:
    file.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    parts, offset = [], 0
    while chunk := file.read(1 << 20):
        try:
            parts.append(decoder.decode(chunk))
        except UnicodeDecodeError as exc:
            raise _not_utf8(offset + exc.start) from exc
        offset += len(chunk)
    try:
        parts.append(decoder.decode(b"", final=True))
    except UnicodeDecodeError as exc:
        raise _not_utf8(offset + exc.start) from exc
    return "".join(parts)


def document_check_schema(document: dict) -> None:
    """Check the format and version first (the clearest message for a foreign file), then
    the whole schema, reporting every violation with its path."""
    if not isinstance(document, dict):
        raise PlanDocumentError([DocumentIssue("$", "A plan document is a JSON object.")])
    if document.get("format") != FORMAT:
        raise PlanDocumentError(
            [DocumentIssue("$.format", f'This is not a NAP Planner plan: expected "{FORMAT}".')]
        )
    if document.get("version") != VERSION:
        found = json.dumps(document.get("version"))
        message = _(
            "Version %(found)s is not supported: this application reads version %(version)s."
        ) % {"found": found, "version": VERSION}
        raise PlanDocumentError([DocumentIssue("$.version", message)])
    issues = []
    try:
        _fast_validator()(document)
    except JsonSchemaException:
        # The fast check stops at the first violation; this one names them all.
        issues = [
            DocumentIssue(json_path(error.absolute_path), _message(error))
            for error in _validator().iter_errors(document)
        ]
    issues += _nul_characters(document, [])
    if issues:
        raise PlanDocumentError(issues)


def _message(error) -> str:
    # The validator quotes the offending value first, which may be a whole chapter.
    quoted, message = repr(error.instance), error.message
    if error.validator == "maxLength":
        # The same limit a form states, so a workbook's cell reads as it would in a form.
        message += f": at most {error.validator_value} characters"
    if len(quoted) > 80 and message.startswith(quoted):
        message = f"{quoted[:60]}…{quoted[-1]} {message[len(quoted) :].lstrip()}"
    return message if len(message) <= 500 else message[:499] + "…"


def _nul_characters(value, parts: list) -> list[DocumentIssue]:
    """PostgreSQL cannot store the NUL character in text; say where it is."""
    if isinstance(value, str) and "\x00" in value:
        return [DocumentIssue(json_path(parts), _("Text cannot contain the NUL character."))]
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return []
    return [issue for key, item in items for issue in _nul_characters(item, [*parts, key])]


def month_parse(value: str | None) -> datetime.date | None:
    if not value:
        return None
    year, month = value.split("-")
    return datetime.date(int(year), int(month), 1)


def month_format(value: datetime.date | None) -> str | None:
    return value.strftime("%Y-%m") if value else None
