"""An uploaded file kept between its preview and its confirmation: plan imports and
checklist uploads alike.

The file waits on disk, in a private folder, under a random token; the token is
remembered in the uploader's session (under the key of the page's `purpose`), so nobody
else can confirm it, and both expire. The session holds only the token, never the file.

Confirming claims the file by renaming it, which the file system does atomically: of two
confirmations of the same preview (a double click, two tabs, two workers) exactly one
gets the file, and the other learns that it was already confirmed. After the work, the
claimed file is emptied but its name stays until it expires, so a late repeat is told
the same.
"""

import os
import re
import secrets
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from django.conf import settings

LIFETIME_SECONDS = 60 * 60
KEEP_PER_SESSION = 3
WAITING, CLAIMED = ".upload", ".claimed"
TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")


class UploadAlreadyClaimed(Exception):
    """The preview behind this token has already been confirmed."""


def staging_dir() -> Path:
    configured = settings.UPLOAD_STAGING_DIR
    path = Path(configured) if configured else Path(tempfile.gettempdir()) / "napplanner-uploads"
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


@dataclass(frozen=True)
class StagedUpload:
    token: str
    name: str
    kind: str
    path: Path
    # What the preview learnt of the file that the confirmation needs (e.g. its size in
    # activities), kept beside the token.
    meta: dict = field(default_factory=dict)

    def open(self) -> BinaryIO:
        return self.path.open("rb")

    @property
    def data(self) -> bytes:
        return self.path.read_bytes()


def _path(token: str, state: str) -> Path:
    return staging_dir() / f"{token}{state}"


def _sweep(now: float) -> None:
    """Remove the files of every preview that was not confirmed in time, and the marks of
    those that were."""
    for path in staging_dir().iterdir():
        try:
            if now - path.stat().st_mtime > LIFETIME_SECONDS:
                path.unlink(missing_ok=True)
        except OSError:
            continue  # another request removed it first


def _write(path: Path, chunks: Iterable[bytes]) -> None:
    # Written under another name and renamed, so a claim never sees half a file.
    partial = path.with_suffix(".partial")
    with partial.open("wb") as handle:
        for chunk in chunks:
            handle.write(chunk)
    partial.rename(path)


def upload_stage(
    request,
    *,
    purpose: str,
    name: str,
    kind: str = "",
    data: bytes | None = None,
    file=None,
    meta: dict | None = None,
) -> str:
    """Keep `data` (or the uploaded `file`, copied chunk by chunk) for this session; the
    token to confirm it with."""
    now = time.time()
    _sweep(now)
    token = secrets.token_urlsafe(24)
    if file is not None:
        file.seek(0)
        chunks = file.chunks() if hasattr(file, "chunks") else iter(lambda: file.read(1 << 20), b"")
    else:
        chunks = [data or b""]
    _write(_path(token, WAITING), chunks)
    uploads = request.session.get(purpose, {})
    uploads[token] = {"name": name, "kind": kind, "at": now, "meta": meta or {}}
    # A session keeps its few latest previews; older ones are forgotten and removed.
    for old in sorted(uploads, key=lambda t: uploads[t]["at"])[:-KEEP_PER_SESSION]:
        del uploads[old]
        _path(old, WAITING).unlink(missing_ok=True)
    request.session[purpose] = uploads
    return token


def upload_claim(request, *, purpose: str, token: str) -> StagedUpload | None:
    """Take the staged upload behind a token of this session for confirming it: None if
    the token is unknown or expired; raises UploadAlreadyClaimed if it was confirmed."""
    if not TOKEN.fullmatch(token or ""):
        return None
    entry = request.session.get(purpose, {}).get(token)
    claimed = _path(token, CLAIMED)
    if entry is None or time.time() - entry["at"] > LIFETIME_SECONDS:
        if claimed.exists():
            raise UploadAlreadyClaimed(token)
        return None
    try:
        os.rename(_path(token, WAITING), claimed)
    except FileNotFoundError:
        if claimed.exists():
            raise UploadAlreadyClaimed(token) from None
        return None
    return StagedUpload(
        token=token,
        name=entry["name"],
        kind=entry["kind"],
        path=claimed,
        meta=entry.get("meta", {}),
    )


def upload_release(request, *, purpose: str, staged: StagedUpload, confirmed: bool) -> None:
    """The claimed upload has been dealt with: forget it. A confirmed one leaves the mark
    that it was; one that failed leaves nothing, so a repeat is told to upload again."""
    if confirmed:
        staged.path.write_bytes(b"")
    else:
        staged.path.unlink(missing_ok=True)
    upload_forget(request, purpose=purpose, token=staged.token)


def upload_forget(request, *, purpose: str, token: str) -> None:
    uploads = request.session.get(purpose, {})
    if uploads.pop(token, None) is not None:
        _path(token, WAITING).unlink(missing_ok=True)
    if uploads:
        request.session[purpose] = uploads
    else:
        request.session.pop(purpose, None)
