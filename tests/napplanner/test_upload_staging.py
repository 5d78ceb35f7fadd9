"""An upload waits between preview and confirmation in a private folder, for a while,
and is confirmed at most once."""

import io
import os
import time
from types import SimpleNamespace

import pytest

from napplanner import upload_staging
from napplanner.upload_staging import (
    KEEP_PER_SESSION,
    UploadAlreadyClaimed,
    upload_claim,
    upload_forget,
    upload_release,
    upload_stage,
)

PURPOSE = "test_uploads"


@pytest.fixture(autouse=True)
def private_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(upload_staging.tempfile, "gettempdir", lambda: str(tmp_path))
    return tmp_path / "napplanner-uploads"


def _request():
    return SimpleNamespace(session={})


def _stage(request, data=b"x", name="plan.xlsx"):
    return upload_stage(request, purpose=PURPOSE, data=data, name=name, kind="xlsx")


def test_it_gives_the_upload_back_to_the_same_session_only():
    request = _request()
    token = _stage(request, b"workbook")

    assert upload_claim(_request(), purpose=PURPOSE, token=token) is None
    staged = upload_claim(request, purpose=PURPOSE, token=token)

    assert (staged.data, staged.name, staged.kind) == (b"workbook", "plan.xlsx", "xlsx")


def test_it_keeps_an_uploaded_file_without_reading_it_whole():
    request = _request()
    token = upload_stage(request, purpose=PURPOSE, file=io.BytesIO(b"plan"), name="p.json")

    assert upload_claim(request, purpose=PURPOSE, token=token).data == b"plan"


def test_it_stages_in_the_folder_the_settings_name(tmp_path, settings):
    settings.UPLOAD_STAGING_DIR = str(tmp_path / "shared")
    token = _stage(_request())

    assert (tmp_path / "shared" / f"{token}.upload").read_bytes() == b"x"


def test_it_keeps_the_folder_private(private_dir):
    _stage(_request())

    assert private_dir.stat().st_mode & 0o077 == 0


def test_it_lets_only_one_of_two_confirmations_claim_the_upload():
    request = _request()
    token = _stage(request)
    first = upload_claim(request, purpose=PURPOSE, token=token)

    with pytest.raises(UploadAlreadyClaimed):
        upload_claim(request, purpose=PURPOSE, token=token)
    assert first.data == b"x"


def test_it_still_says_claimed_after_the_upload_is_released():
    request = _request()
    token = _stage(request)
    staged = upload_claim(request, purpose=PURPOSE, token=token)
    upload_release(request, purpose=PURPOSE, staged=staged, confirmed=True)

    with pytest.raises(UploadAlreadyClaimed):
        upload_claim(request, purpose=PURPOSE, token=token)
    assert PURPOSE not in request.session


def test_it_forgets_an_upload_whose_confirmation_failed(private_dir):
    request = _request()
    token = _stage(request)
    staged = upload_claim(request, purpose=PURPOSE, token=token)
    upload_release(request, purpose=PURPOSE, staged=staged, confirmed=False)

    assert upload_claim(request, purpose=PURPOSE, token=token) is None
    assert list(private_dir.iterdir()) == []


def test_it_removes_the_file_when_forgotten(private_dir):
    request = _request()
    token = _stage(request)

    upload_forget(request, purpose=PURPOSE, token=token)

    assert upload_claim(request, purpose=PURPOSE, token=token) is None
    assert list(private_dir.iterdir()) == []


def test_it_refuses_a_token_that_names_another_file():
    assert upload_claim(_request(), purpose=PURPOSE, token="../../etc/passwd") is None


def test_it_forgets_old_previews_of_a_session(private_dir):
    request = _request()
    tokens = [_stage(request, name=f"{n}.xlsx") for n in range(KEEP_PER_SESSION + 2)]

    assert upload_claim(request, purpose=PURPOSE, token=tokens[0]) is None
    assert upload_claim(request, purpose=PURPOSE, token=tokens[-1]) is not None
    assert len(list(private_dir.iterdir())) == KEEP_PER_SESSION


def test_it_sweeps_files_nobody_confirmed_in_time(private_dir):
    abandoned = _stage(_request())
    path = private_dir / f"{abandoned}.upload"
    old = time.time() - upload_staging.LIFETIME_SECONDS - 60
    os.utime(path, (old, old))

    _stage(_request(), b"y", name="other.xlsx")

    assert not path.exists()
