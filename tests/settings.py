"""Settings for the test suite: the project's settings with a test secret and faster
password hashing. DATABASE_URL still chooses the database (SQLite or PostgreSQL)."""

import os
import tempfile

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-" + "x" * 50)
os.environ.setdefault("DJANGO_DEBUG", "0")

from napplanner.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# The live server's threads must not keep connections open, or PostgreSQL refuses to drop
# the test database at the end of the run.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405

# Tasks run at once, inside the request that queues them (on commit).
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "renderings"],
    }
}

# Renderings and staged uploads go to a folder of this run's own.
MEDIA_ROOT = tempfile.mkdtemp(prefix="nap-tests-media-")

# SQLite: the test database is a file rather than shared-cache memory. In shared-cache
# memory a live-server thread that writes while another reads fails at once with "table is
# locked"; a file database waits for the lock (the busy timeout) as production does.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"].setdefault("TEST", {})["NAME"] = os.path.join(  # noqa: F405
        tempfile.mkdtemp(prefix="nap-tests-db-"), "test.sqlite3"
    )
