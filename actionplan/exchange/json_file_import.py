"""The import page's adapter for JSON plan documents: the same preview-then-confirm
steps as for a workbook; problems name the document's JSON path."""

import os
from functools import partial

from django.utils.translation import gettext as _

from actionplan.exchange.json_document import (
    MAX_DOCUMENT_BYTES,
    PlanDocumentError,
    document_load,
)
from actionplan.exchange.plan_import import (
    ImportPreview,
    ImportRejected,
    SourceDocument,
    plan_file_import,
    plan_file_preview,
)
from napplanner.problems import Problem, file_problem
from strategy.models import Plan


def _at_path(path: str, message: str) -> Problem:
    return Problem(path, "", message)


def _size(file) -> int:
    if isinstance(file, bytes):
        return len(file)
    file.seek(0, os.SEEK_END)
    return file.tell()


def json_document_read(file) -> SourceDocument:
    """The document in a JSON file (bytes, or a file read as it is parsed)."""
    if _size(file) > MAX_DOCUMENT_BYTES:
        message = _("The file is larger than %(size)s MB.") % {
            "size": MAX_DOCUMENT_BYTES // (1024 * 1024)
        }
        raise ImportRejected([file_problem(message)])
    try:
        document = document_load(file)
    except PlanDocumentError as exc:
        raise ImportRejected([_at_path(i.path, i.message) for i in exc.issues]) from exc
    return SourceDocument(document=document, problem_at=_at_path)


def plan_import_json_preview(*, file, user) -> ImportPreview:
    return plan_file_preview(read=partial(json_document_read, file), user=user)


def plan_import_json_file(*, file, user, name: str = "") -> Plan:
    return plan_file_import(read=partial(json_document_read, file), user=user, name=name)
