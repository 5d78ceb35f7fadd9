"""An uploaded plan file kept between its preview and its confirmation.

The file waits in a private temporary folder under a random token; the token is
remembered in the uploader's session only, so nobody else can confirm it, and both the
file and the token expire. On confirmation the file is read and validated again.
"""

import secrets
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SESSION_KEY = "plan_import_uploads"
LIFETIME_SECONDS = 60 * 60
KEEP_PER_SESSION = 3


def staging_dir() -> Path:
    path = Path(tempfile.gettempdir()) / "napplanner-plan-imports"
    path.mkdir(mode=0o700, exist_ok=True)
    return path


@dataclass(frozen=True)
class StagedUpload:
    token: str
    name: str
    kind: str
    data: bytes


def _sweep(now: float) -> None:
    """Remove the files of every session whose preview was never confirmed in time."""
    for path in staging_dir().glob("*.upload"):
        try:
            if now - path.stat().st_mtime > LIFETIME_SECONDS:
                path.unlink(missing_ok=True)
        except OSError:
            continue  # another request removed it first


def upload_stage(request, *, data: bytes, name: str, kind: str) -> str:
    now = time.time()
    _sweep(now)
    token = secrets.token_urlsafe(24)
    (staging_dir() / f"{token}.upload").write_bytes(data)
    uploads = request.session.get(SESSION_KEY, {})
    uploads[token] = {"name": name, "kind": kind, "at": now}
    # A session keeps its few latest previews; older ones are forgotten and removed.
    for old in sorted(uploads, key=lambda t: uploads[t]["at"])[:-KEEP_PER_SESSION]:
        upload_discard(request, old, uploads=uploads)
    request.session[SESSION_KEY] = uploads
    return token


def upload_take(request, token: str) -> StagedUpload | None:
    """The staged upload behind a token of this session, or None if unknown or expired."""
    entry = request.session.get(SESSION_KEY, {}).get(token)
    if entry is None or time.time() - entry["at"] > LIFETIME_SECONDS:
        return None
    try:
        data = (staging_dir() / f"{token}.upload").read_bytes()
    except OSError:
        return None
    return StagedUpload(token=token, name=entry["name"], kind=entry["kind"], data=data)


def upload_discard(request, token: str, *, uploads: dict | None = None) -> None:
    own = uploads if uploads is not None else request.session.get(SESSION_KEY, {})
    if own.pop(token, None) is not None:
        (staging_dir() / f"{token}.upload").unlink(missing_ok=True)
    if uploads is None:
        request.session[SESSION_KEY] = own
