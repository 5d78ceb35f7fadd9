"""A digest of database rows: what a rendering's fingerprint is made of."""

import hashlib
from collections.abc import Iterable

from django.db.models import QuerySet


def rows_digest(querysets: Iterable[QuerySet]) -> str:
    """SHA-256 over every column of every row, in primary-key order: any change to what
    the querysets select changes it. Rows are read as tuples, never as model objects, so a
    plan of thousands of activities digests in a fraction of a second."""
    digest = hashlib.sha256()
    for queryset in querysets:
        digest.update(queryset.model._meta.label.encode())
        for row in queryset.order_by("pk").values_list().iterator(chunk_size=2000):
            digest.update(repr(row).encode())
    return digest.hexdigest()
