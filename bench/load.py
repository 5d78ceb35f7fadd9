"""Load on the app as `make serve` runs it: gunicorn (3 workers, 30 s timeout) and one
`db_worker` on 127.0.0.1, a throwaway database with the demo plan, a review of it and a
generated plan, then 8 signed-in users for 60 s over the workspace, timeline, resources,
review page and exports while three PDFs render in the background.

    .venv/bin/python bench/load.py [--seconds 60] [--users 8] [--activities 1000]

Prints p50/p90/p99 per page, the errors, when each PDF was ready and whether a gunicorn
worker timed out. The database is a SQLite file unless DATABASE_URL names a PostgreSQL
server (see harness.py); the users sign in through the login form. Everything it starts
stops when it ends, and it only ever talks to 127.0.0.1.
"""

import argparse
import http.cookiejar
import os
import re
import secrets
import signal
import socket
import statistics
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path
from urllib.parse import quote

import harness

# isort: split
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection

from actionplan.synthetic import plan_generate
from assessment.services import review_create
from napplanner.roles import COORDINATOR, REVIEWER
from strategy.models import Plan, PlanMembership

HOST = "127.0.0.1"
BIN = harness.ROOT / ".venv" / "bin"
PAGE_GOAL = 1.0  # seconds, p90 of every page


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--users", type=int, default=8)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--activities", type=int, default=1000, help="of the generated plan")
    parser.add_argument("--think", type=float, default=0.0, help="pause between requests, s")
    args = parser.parse_args()
    with harness.database():
        print("Preparing the database…", flush=True)
        subjects = _prepare(users=args.users, activities=args.activities)
        database_url = _database_url()
        connection.close()  # the server's processes use the database from now on
        with _served(database_url, workers=args.workers) as server:
            sessions = [_sign_in(server.base, name, subjects.password) for name in subjects.users]
            pages = _pages(subjects)
            run = Run(deadline=time.monotonic() + args.seconds)
            run.times.update({name: [] for name, _, _ in pages})
            pdfs = threading.Thread(target=_follow_pdfs, args=(sessions[0], subjects, run))
            pdfs.start()
            users = [
                threading.Thread(target=_browse, args=(s, pages[i:] + pages[:i], run, args.think))
                for i, s in enumerate(sessions)
            ]
            print(f"{len(users)} users for {args.seconds:.0f} s…", flush=True)
            for thread in users:
                thread.start()
            for thread in [*users, pdfs]:
                thread.join()
        _report(run, server, args)


# --- the data ---------------------------------------------------------------------------


@dataclass
class Subjects:
    users: list[str]
    password: str
    demo: Plan
    big: Plan
    review_id: int


def _prepare(*, users: int, activities: int) -> Subjects:
    """The standards, the demo plans and a generated one, a review of the demo plan, and
    the users, each an editor of the plans and a reviewer of the review."""
    standards = sorted((harness.ROOT / "fixtures" / "standards").glob("*.yaml"))
    call_command("load_standard", *map(str, standards), stdout=StringIO())
    password = secrets.token_urlsafe(16)
    # The server checks passwords with the project's hasher, not the test settings' fast one.
    hashed = PBKDF2PasswordHasher().encode(password, PBKDF2PasswordHasher().salt())
    names = [f"load-user-{n}" for n in range(1, users + 1)]
    accounts = []
    for name in names:
        user = harness.user_create(name, role=COORDINATOR)
        user.groups.add(Group.objects.get(name=REVIEWER))
        user.password = hashed
        user.save()
        accounts.append(user)
    for path in sorted((harness.ROOT / "fixtures" / "plans").glob("*.json")):
        call_command("import_plan", str(path), "--editor", names[0], stdout=StringIO())
    demo = Plan.objects.order_by("pk").first()
    big = plan_generate(activities=activities, seed=activities)
    for plan in Plan.objects.all():
        for user in accounts:
            PlanMembership.objects.get_or_create(
                plan=plan, user=user, defaults={"role": PlanMembership.Role.EDITOR}
            )
    framework = demo.framework or harness.standard_load()
    review = review_create(plan=demo, framework=framework, user=accounts[0])
    review.reviewers.add(*accounts)
    return Subjects(names, password, demo, big, review.pk)


def _database_url() -> str:
    """The throwaway database's URL, for the server's processes."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    credentials = f"{quote(db['USER'])}:{quote(db['PASSWORD'])}@" if db["USER"] else ""
    return f"postgres://{credentials}{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"


# --- the server -------------------------------------------------------------------------


@dataclass
class Server:
    base: str
    log: Path


@contextmanager
def _served(database_url: str, *, workers: int):
    """gunicorn and one db_worker as `make serve` starts them, stopped on the way out."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "napplanner.settings",
        "DATABASE_URL": database_url,
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_DEBUG": "0",
        "DJANGO_ALLOWED_HOSTS": HOST,
        # Plain HTTP on the loopback: no redirect to HTTPS, cookies sent without TLS.
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_MEDIA_ROOT": str(harness.SCRATCH / "media"),
    }
    manage = [str(BIN / "python"), str(harness.ROOT / "manage.py")]
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], env=env, check=True)
    port = _free_port()
    log = harness.SCRATCH / "gunicorn.log"
    web = [
        str(BIN / "gunicorn"), "napplanner.wsgi", "--chdir", str(harness.ROOT),
        "--bind", f"{HOST}:{port}", "--workers", str(workers), "--timeout", "30",
        "--error-logfile", str(log),
    ]  # fmt: skip
    worker_log = (harness.SCRATCH / "db_worker.log").open("w")
    worker = subprocess.Popen(
        ["nice", "-n", "10", *manage, "db_worker", "--queue-name", "*", "--no-reload"],
        env=env, stdout=worker_log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    server = subprocess.Popen(web, env=env)
    try:
        base = f"http://{HOST}:{port}"
        _wait_until_up(base, server)
        yield Server(base, log)
    finally:
        for process in (server, worker):
            _stop(process)
        worker_log.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _request(url: str, **options) -> urllib.request.Request:
    """A request to the server under test, and never anywhere else."""
    if not url.startswith(f"http://{HOST}:"):
        raise ValueError(f"{url} is not on {HOST}")
    return urllib.request.Request(url, **options)  # noqa: S310 (the scheme is checked)


def _wait_until_up(base: str, server: subprocess.Popen) -> None:
    opener = urllib.request.build_opener()
    for _ in range(120):
        if server.poll() is not None:
            raise SystemExit("gunicorn did not start; see its log above.")
        try:
            opener.open(_request(f"{base}/accounts/login/"), timeout=5).close()
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("gunicorn did not answer within a minute.")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# --- the users --------------------------------------------------------------------------


@dataclass
class Session:
    base: str
    opener: urllib.request.OpenerDirector

    def get(self, path: str, **headers) -> tuple[int, bytes]:
        request = _request(self.base + path, headers=headers)
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()


def _sign_in(base: str, username: str, password: str) -> Session:
    """Sign in through the login form with its CSRF token, as a browser does. One try: a
    failure stops the run rather than count towards the login throttle."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    session = Session(base, opener)
    _, form = session.get("/accounts/login/")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', form)
    if token is None:
        raise SystemExit("The login page has no CSRF token.")
    data = urllib.parse.urlencode(
        {"username": username, "password": password, "csrfmiddlewaretoken": token[1].decode()}
    ).encode()
    referer = {"Referer": f"{base}/accounts/login/"}
    request = _request(f"{base}/accounts/login/", data=data, headers=referer)
    with opener.open(request, timeout=60) as response:
        if urllib.parse.urlsplit(response.url).path.startswith("/accounts/login"):
            raise SystemExit(f"{username} could not sign in.")
    return session


def _pages(s: Subjects) -> list[tuple[str, str, dict]]:
    """(name, path, headers): what the users go through, each from a different start."""
    demo, big = s.demo.pk, s.big.pk
    chapter = s.big.chapters.order_by("order", "pk").values_list("pk", flat=True).last()
    return [
        ("workspace", f"/plans/{demo}/", {}),
        (f"workspace {s.big.activities.count()}", f"/plans/{big}/", {}),
        ("chapter (htmx)", f"/plans/{big}/chapter/{chapter}/tree/", {"HX-Request": "true"}),
        ("timeline", f"/plans/{demo}/timeline/", {}),
        ("resources", f"/plans/{demo}/resources/", {}),
        ("review page", f"/reviews/{s.review_id}/", {}),
        ("export.json", f"/plans/{demo}/export.json", {}),
        ("export.xlsx", f"/plans/{demo}/export.xlsx", {}),
        ("export.docx", f"/plans/{demo}/export.docx", {}),
        ("export.pdf", f"/plans/{demo}/export.pdf", {}),
    ]


@dataclass
class Run:
    deadline: float
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    pdfs: dict[str, str] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _browse(session: Session, pages, run: Run, think: float) -> None:
    while time.monotonic() < run.deadline:
        for name, path, headers in pages:
            if time.monotonic() >= run.deadline:
                return
            started = time.perf_counter()
            try:
                status, body = session.get(path, **headers)
                problem = "" if status in (200, 202) and body else f"status {status}"
            except OSError as error:
                problem = f"{type(error).__name__}: {error}"
            elapsed = time.perf_counter() - started
            with run.lock:
                run.times[name].append(elapsed)
                if problem:
                    run.errors.append(f"{name} {path}: {problem} after {elapsed:.1f} s")
            time.sleep(think)


def _follow_pdfs(session: Session, s: Subjects, run: Run) -> None:
    """Ask for three PDFs at once (each queued as a rendering, 202) and note when each
    is ready (200 with the file), asking again every 2 s as the progress page does."""
    pdfs = {
        "plan PDF (demo)": f"/plans/{s.demo.pk}/export.pdf",
        "review report PDF": f"/reviews/{s.review_id}/report.pdf",
        f"plan PDF ({s.big.activities.count()} activities)": f"/plans/{s.big.pk}/export.pdf",
    }
    started = time.monotonic()
    waiting = dict(pdfs)
    while waiting and time.monotonic() < run.deadline:
        for name, path in list(waiting.items()):
            try:
                status, body = session.get(path)
            except OSError as error:
                status, body = 0, str(error).encode()
            if status == 200 and body.startswith(b"%PDF"):
                run.pdfs[name] = f"ready after {time.monotonic() - started:.1f} s"
                del waiting[name]
            elif status != 202:
                run.pdfs[name] = f"answered {status}"
                del waiting[name]
        time.sleep(2)
    for name in waiting:
        run.pdfs[name] = "still rendering when the run ended"


# --- the figures ------------------------------------------------------------------------


def _report(run: Run, server: Server, args) -> None:
    print(f"\n{args.users} users, {args.seconds:.0f} s, {args.workers} gunicorn workers, "
          f"think time {args.think} s; response times in ms.")  # fmt: skip
    table = harness.Table(("page", 20), "requests", "p50", "p90", "p99", "max", digits=0)
    slow = []
    every = [t for times in run.times.values() for t in times]
    for name, times in [*run.times.items(), ("all requests", every)]:
        if not times:
            continue
        p50, p90, p99 = _percentiles(times)
        table.row(name, len(times), p50 * 1000, p90 * 1000, p99 * 1000, max(times) * 1000)
        if p90 > PAGE_GOAL and name != "all requests":
            slow.append(name)
    print("\nPDFs rendered by the background worker meanwhile:")
    for name, state in run.pdfs.items():
        print(f"  {name}: {state}")
    log = server.log.read_text() if server.log.exists() else ""
    timeouts = log.count("WORKER TIMEOUT")
    print(f"\nErrors: {len(run.errors)}")
    for error in run.errors[:20]:
        print(f"  {error}")
    print(f"Gunicorn worker timeouts: {timeouts} (log {server.log})")
    print(f"Pages with p90 over {PAGE_GOAL:.0f} s: {', '.join(slow) or 'none'}")
    load = ", ".join(f"{n:.1f}" for n in os.getloadavg())
    print(f"Machine load average at the end (1, 5, 15 min): {load} on {os.cpu_count()} CPUs")


def _percentiles(times: list[float]) -> tuple[float, float, float]:
    if len(times) < 2:
        return (times[0],) * 3
    cuts = statistics.quantiles(times, n=100, method="inclusive")
    return cuts[49], cuts[89], cuts[98]


if __name__ == "__main__":
    main()
