import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from napplanner.settings import env_bool, env_int, env_list


def test_env_bool_reads_the_usual_spellings(monkeypatch):
    monkeypatch.setenv("X_FLAG", "yes")
    assert env_bool("X_FLAG", False) is True
    monkeypatch.setenv("X_FLAG", "0")
    assert env_bool("X_FLAG", True) is False
    monkeypatch.delenv("X_FLAG")
    assert env_bool("X_FLAG", True) is True


def test_env_bool_refuses_nonsense(monkeypatch):
    monkeypatch.setenv("X_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="X_FLAG"):
        env_bool("X_FLAG", False)


def test_env_int_refuses_nonsense(monkeypatch):
    monkeypatch.setenv("X_NUM", "ten")
    with pytest.raises(ImproperlyConfigured, match="X_NUM"):
        env_int("X_NUM", 1)


def test_env_list_splits_on_commas(monkeypatch):
    monkeypatch.setenv("X_HOSTS", "a.example, b.example,,")
    assert env_list("X_HOSTS", []) == ["a.example", "b.example"]


def _settings_in_subprocess(env, code="import napplanner.settings as s; print(s.DEBUG)"):
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )


def test_production_refuses_to_serve_without_a_secret_key():
    code = (
        "import django; django.setup();"
        "from django.test import Client; Client().get('/accounts/login/')"
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "napplanner.settings",
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
    }
    result = _settings_in_subprocess(env, code)
    assert result.returncode != 0
    assert "The SECRET_KEY setting must not be empty" in result.stderr


def test_debug_is_off_by_default():
    result = _settings_in_subprocess({"PATH": "/usr/bin:/bin", "DJANGO_SECRET_KEY": "k" * 60})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def _production_value(name, **env):
    code = f"import napplanner.settings as s; print(s.{name})"
    result = _settings_in_subprocess(
        {"PATH": "/usr/bin:/bin", "DJANGO_SECRET_KEY": "k" * 60, **env}, code
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_hsts_preload_is_off_unless_asked_for():
    assert _production_value("SECURE_HSTS_PRELOAD") == "False"
    assert _production_value("SECURE_HSTS_PRELOAD", DJANGO_SECURE_HSTS_PRELOAD="1") == "True"
    assert _production_value("SECURE_HSTS_SECONDS") == "31536000"


def test_sign_in_throttling_reads_its_limits_from_the_environment():
    assert _production_value("AXES_FAILURE_LIMIT") == "5"
    assert _production_value("AXES_FAILURE_LIMIT", DJANGO_LOGIN_FAILURE_LIMIT="3") == "3"
    minutes = _production_value("AXES_COOLOFF_TIME", DJANGO_LOGIN_COOLOFF_MINUTES="30")
    assert float(minutes) == 0.5
