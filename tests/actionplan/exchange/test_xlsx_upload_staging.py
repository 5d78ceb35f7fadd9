"""An upload waits between preview and confirmation in a private folder, for a while."""

import os
import time
from types import SimpleNamespace

import pytest

from actionplan.exchange import upload_staging
from actionplan.exchange.upload_staging import (
    KEEP_PER_SESSION,
    upload_discard,
    upload_stage,
    upload_take,
)


@pytest.fixture(autouse=True)
def private_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(upload_staging.tempfile, "gettempdir", lambda: str(tmp_path))
    return tmp_path / "napplanner-plan-imports"


def _request():
    return SimpleNamespace(session={})


def test_it_gives_the_upload_back_to_the_same_session_only():
    request = _request()
    token = upload_stage(request, data=b"workbook", name="plan.xlsx", kind="xlsx")

    staged = upload_take(request, token)

    assert (staged.data, staged.name, staged.kind) == (b"workbook", "plan.xlsx", "xlsx")
    assert upload_take(_request(), token) is None


def test_it_keeps_the_folder_private(private_dir):
    upload_stage(_request(), data=b"x", name="plan.xlsx", kind="xlsx")

    assert private_dir.stat().st_mode & 0o077 == 0


def test_it_removes_the_file_when_discarded(private_dir):
    request = _request()
    token = upload_stage(request, data=b"x", name="plan.xlsx", kind="xlsx")

    upload_discard(request, token)

    assert upload_take(request, token) is None
    assert list(private_dir.iterdir()) == []


def test_it_forgets_old_previews_of_a_session(private_dir):
    request = _request()
    tokens = [
        upload_stage(request, data=b"x", name=f"{n}.xlsx", kind="xlsx")
        for n in range(KEEP_PER_SESSION + 2)
    ]

    assert upload_take(request, tokens[0]) is None
    assert upload_take(request, tokens[-1]) is not None
    assert len(list(private_dir.iterdir())) == KEEP_PER_SESSION


def test_it_sweeps_files_nobody_confirmed_in_time(private_dir):
    abandoned = upload_stage(_request(), data=b"x", name="plan.xlsx", kind="xlsx")
    path = private_dir / f"{abandoned}.upload"
    old = time.time() - upload_staging.LIFETIME_SECONDS - 60
    os.utime(path, (old, old))

    upload_stage(_request(), data=b"y", name="other.xlsx", kind="xlsx")

    assert not path.exists()
