#!/usr/bin/env python
"""Load benchmark of the public site under production-like settings.

One run: a throwaway SQLite database and static root in a temp dir, `migrate`, `bootstrap`
and `collectstatic` with benchmarks.settings, gunicorn (2 sync workers) on a free port of
127.0.0.1, then for each URL a warm-up phase and a measured phase from a small Python
client (processes x threads, raw sockets or http.client), and a table of the figures. Every loop is
bounded in count and in time; gunicorn and the temp dir are removed in any case.

    .venv/bin/python benchmarks/load.py            # full run (2 to 3 minutes)
    .venv/bin/python benchmarks/load.py --quick    # short run (about 1 minute)

Exit status: 0 when the home page reaches the target and no request failed, 1 when not,
2 when the site could not be prepared or started, 130 when interrupted.
"""

import argparse
import http.client
import math
import multiprocessing
import os
import platform
import queue
import resource
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
CEILING = "/__ceiling__/"
HOME = "/pl/"
# Filled in once the demo site exists: the newest news item and gallery of the demo.
NEWS_PAGE = "news page"
GALLERY_PAGE = "gallery page"
# Filled in once the benchmark learner exists: their dashboard and a lesson they may read.
LEARNER_DASHBOARD = "learner dashboard"
LEARNER_LESSON = "learner lesson"
URLS = [
    CEILING,
    HOME,
    "/en/",
    "/pl/o-projekcie/",
    "/pl/o-projekcie/pilotaz-w-gminach-wiejskich/",
    "/pl/aktualnosci/",
    NEWS_PAGE,
    GALLERY_PAGE,
    "/pl/szukaj/?q=kooperacja",
    "/sitemap.xml",
    LEARNER_DASHBOARD,
    LEARNER_LESSON,
]
TARGET = 0.3
# A logged-in learner's pages (never page-cached): each at least this share of the ceiling.
LEARNER_TARGET = 0.15
# path -> Cookie header of the learner's session, for the logged-in URLs (set before the
# client processes fork, so they inherit it).
COOKIES = {}
CACHE_HEADER = "X-Page-Cache"
# A logged-in learner's pages come from the personal page cache (portal.personal_cache).
PERSONAL_CACHE_HEADER = "X-Personal-Cache"


def _cache_value(page_value, personal_value):
    if page_value:
        return page_value
    return f"personal {personal_value}" if personal_value else None


GUNICORN_WORKERS = 2
REQUEST_TIMEOUT = 10.0  # seconds, per request
# "other CPU" (cores busy outside the server and the client) above this: a noisy run
NOISY_OTHER_CORES = 0.3
STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}

PROFILES = {
    # seconds and request counts per URL; whichever limit comes first ends a phase
    "full": {"warmup_s": 2.0, "warmup_max": 2_000, "duration_s": 10.0, "max_requests": 40_000},
    "quick": {"warmup_s": 1.0, "warmup_max": 1_000, "duration_s": 2.0, "max_requests": 8_000},
}

# Processes this script started and must stop: subprocess.Popen and multiprocessing.Process.
_children = []


def log(message):
    print(message, file=sys.stderr, flush=True)


class SetupError(Exception):
    """The site could not be prepared or served; the message says which step failed."""


# --------------------------------------------------------------------------- the client


class ShortRead(Exception):
    """The connection closed before the whole body (Content-Length) arrived."""


def _socket_get(port, request):
    """One GET on a new connection: returns (status, headers, body length). The request
    says "Connection: close", so the response ends where the connection does."""
    with socket.create_connection((HOST, port), timeout=REQUEST_TIMEOUT) as sock:
        sock.sendall(request)
        chunks = []
        while True:
            chunk = sock.recv(262144)
            if not chunk:
                break
            chunks.append(chunk)
    data = b"".join(chunks)
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status_line = lines[0].split(" ", 2)
    if len(status_line) < 2 or not status_line[0].startswith("HTTP/"):
        raise http.client.BadStatusLine(lines[0][:80])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = headers.get("content-length")
    if length is not None and int(length) != len(body):
        raise ShortRead(f"{len(body)} of {length} bytes")
    return int(status_line[1]), headers, len(body)


def _client_thread(path, port, client, start_at, deadline, budget, out):
    latencies = []
    statuses = Counter()
    cache_values = Counter()
    failures = Counter()
    user_agent = "kooperacja-bench"
    accept = "text/html,application/xml,*/*"
    cookie = COOKIES.get(path)
    cookie_line = f"Cookie: {cookie}\r\n" if cookie else ""
    raw_request = (
        f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nUser-Agent: {user_agent}\r\n"
        f"Accept: {accept}\r\n{cookie_line}Connection: close\r\n\r\n"
    ).encode("ascii")
    headers = {"User-Agent": user_agent, "Accept": accept}
    if cookie:
        headers["Cookie"] = cookie
    cache_header = CACHE_HEADER.lower()
    conn = None
    last_end = start_at
    time.sleep(max(0.0, start_at - time.monotonic()))
    for _ in range(budget):
        if time.monotonic() >= deadline:
            break
        t0 = time.perf_counter()
        try:
            if client == "socket":
                status, response_headers, _ = _socket_get(port, raw_request)
                cache_value = _cache_value(
                    response_headers.get(cache_header),
                    response_headers.get(PERSONAL_CACHE_HEADER.lower()),
                )
            else:
                # Keep-alive where the server allows it; gunicorn's sync workers close the
                # connection after every response and http.client then opens a new one.
                if conn is None:
                    conn = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                status = response.status
                cache_value = _cache_value(
                    response.getheader(CACHE_HEADER), response.getheader(PERSONAL_CACHE_HEADER)
                )
            statuses[status] += 1
            cache_values[cache_value or "-"] += 1
        except (OSError, ValueError, http.client.HTTPException, ShortRead) as exc:
            failures[type(exc).__name__] += 1
            if conn is not None:
                conn.close()
                conn = None
        latencies.append((time.perf_counter() - t0) * 1000.0)
        last_end = time.monotonic()
    if conn is not None:
        conn.close()
    out.append((latencies, statuses, cache_values, failures, last_end))


def _client_process(path, port, client, start_at, duration, budget, threads, results):
    # Forked with both signals blocked (see run_phase): Ctrl-C is the parent's business,
    # and the parent's SIGTERM ends this process at once.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
    deadline = start_at + duration
    out = []
    workers = [
        threading.Thread(
            target=_client_thread,
            args=(path, port, client, start_at, deadline, budget, out),
            daemon=True,
        )
        for _ in range(threads)
    ]
    for worker in workers:
        worker.start()
    time.sleep(max(0.0, start_at - time.monotonic()))
    usage0 = resource.getrusage(resource.RUSAGE_SELF)
    for worker in workers:
        worker.join(duration + REQUEST_TIMEOUT + 5)
    usage1 = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (usage1.ru_utime - usage0.ru_utime) + (usage1.ru_stime - usage0.ru_stime)
    merged = {"latencies": [], "statuses": Counter(), "cache": Counter(), "failures": Counter()}
    last_end = start_at
    for latencies, statuses, cache_values, failures, end in list(out):
        merged["latencies"] += latencies
        merged["statuses"] += statuses
        merged["cache"] += cache_values
        merged["failures"] += failures
        last_end = max(last_end, end)
    merged["last_end"] = last_end
    merged["cpu"] = cpu
    results.put(merged)


def _worker_pids(master_pid):
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[1]) == master_pid:
            pids.append(int(entry))
    return pids


def _cpu_seconds(pids):
    """User + system CPU seconds of each pid (Linux /proc), for the pids still there."""
    ticks = os.sysconf("SC_CLK_TCK")
    seconds = {}
    for pid in pids:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        seconds[pid] = (int(fields[11]) + int(fields[12])) / ticks
    return seconds


def _machine_busy_seconds():
    """CPU seconds all cores spent busy since boot (Linux /proc/stat), or None."""
    try:
        with open("/proc/stat") as stat:
            fields = [int(value) for value in stat.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    # user nice system idle iowait irq softirq steal ...; guest time is inside user already
    busy = sum(fields[:8]) - fields[3] - fields[4]
    return busy / os.sysconf("SC_CLK_TCK")


def run_phase(path, port, client, duration, max_requests, concurrency, processes, server_pid):
    """Loads `path` with `concurrency` connections for at most `duration` seconds and
    `max_requests` requests; returns the merged figures."""
    threads = max(1, math.ceil(concurrency / processes))
    budget = max(1, math.ceil(max_requests / (processes * threads)))
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    start_at = time.monotonic() + 0.3
    workers = [
        context.Process(
            target=_client_process,
            args=(path, port, client, start_at, duration, budget, threads, results),
            daemon=True,
        )
        for _ in range(processes)
    ]
    server_pids = _worker_pids(server_pid) if server_pid else []
    # A child must not run this script's signal handlers between fork and its own setup.
    signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        for worker in workers:
            worker.start()
            _children.append(worker)
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
    time.sleep(max(0.0, start_at - time.monotonic()))
    window0 = time.monotonic()
    server_cpu0 = _cpu_seconds(server_pids)
    machine0 = _machine_busy_seconds()
    collected = []
    try:
        for _ in workers:
            collected.append(results.get(timeout=duration + REQUEST_TIMEOUT + 30))
    except queue.Empty:
        raise SetupError(f"the load client for {path} did not report back in time") from None
    server_cpu1 = _cpu_seconds(server_pids)
    machine1 = _machine_busy_seconds()
    window = max(time.monotonic() - window0, 1e-9)  # for CPU use: a little over `elapsed`
    for worker in workers:
        worker.join(10)
        if worker.is_alive():
            worker.terminate()
            worker.join(5)
        _children.remove(worker)
    latencies = sorted(latency for part in collected for latency in part["latencies"])
    statuses = sum((part["statuses"] for part in collected), Counter())
    failures = sum((part["failures"] for part in collected), Counter())
    cache_values = sum((part["cache"] for part in collected), Counter())
    elapsed = max(max(part["last_end"] for part in collected) - start_at, 1e-9)
    count = len(latencies)
    server_cpu = sum(
        cpu - server_cpu0[pid] for pid, cpu in server_cpu1.items() if pid in server_cpu0
    )
    return {
        "path": path,
        "requests": count,
        "errors": count - statuses.get(200, 0),
        "statuses": statuses,
        "failures": failures,
        "cache": cache_values,
        "elapsed": elapsed,
        "rps": count / elapsed,
        "p50": percentile(latencies, 0.50),
        "p95": percentile(latencies, 0.95),
        "server_cores": server_cpu / window if server_pids else None,
        # CPU the workers spent per response: hardly moved by other programs, unlike req/s
        "server_ms": server_cpu * 1000.0 / count if server_pids and count else None,
        "client_cores": sum(part["cpu"] for part in collected) / window,
        "machine_cores": (machine1 - machine0) / window if machine0 is not None else None,
    }


def percentile(sorted_values, fraction):
    if not sorted_values:
        return float("nan")
    rank = max(1, math.ceil(fraction * len(sorted_values)))
    return sorted_values[rank - 1]


def fetch(port, path, timeout=5.0):
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"User-Agent": "kooperacja-bench"})
        response = conn.getresponse()
        response.read()
        return response.status, response.getheader(CACHE_HEADER)
    finally:
        conn.close()


# --------------------------------------------------------------------------- the server


def free_port():
    for _ in range(20):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.bind((HOST, 0))
            port = sock.getsockname()[1]
        if port not in (8000, 8001):
            return port
    raise SetupError("no free port found")


def bench_environment(tmp):
    env = dict(os.environ)
    # A benchmark must not write into a real search index; the database backend is used.
    env.pop("ELASTICSEARCH_URL", None)
    env.update(
        DJANGO_SETTINGS_MODULE="benchmarks.settings",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(48),  # 64 characters
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DATABASE_URL=f"sqlite:///{tmp / 'bench.sqlite3'}",
        MEDIA_ROOT=str(tmp / "media"),
        BENCH_STATIC_ROOT=str(tmp / "static"),
        # used when REDIS_URL is set: this run's keys only, removed at the end
        BENCH_CACHE_KEY_PREFIX=f"kooperacja-bench-{secrets.token_hex(4)}",
        PYTHONUNBUFFERED="1",
    )
    return env


def tail(path, lines=25):
    try:
        return "\n".join(Path(path).read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def start_logged(name, args, env, tmp, **kwargs):
    logfile = open(tmp / f"{name}.log", "w")  # noqa: SIM115 - closed by finish()
    proc = subprocess.Popen(
        args, cwd=ROOT, env=env, stdout=logfile, stderr=subprocess.STDOUT, **kwargs
    )
    proc.logfile = logfile
    proc.name = name
    _children.append(proc)
    return proc


def finish(proc, timeout):
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        raise SetupError(f"{proc.name} took longer than {timeout} s") from None
    finally:
        proc.logfile.close()
    _children.remove(proc)
    if proc.returncode != 0:
        raise SetupError(f"{proc.name} failed (exit {proc.returncode}):\n{tail(proc.logfile.name)}")


def prepare_site(env, tmp):
    manage = [sys.executable, "manage.py"]
    t0 = time.monotonic()
    log("preparing: collectstatic, migrate, bootstrap ...")
    static = start_logged("collectstatic", manage + ["collectstatic", "--noinput"], env, tmp)
    finish(start_logged("migrate", manage + ["migrate", "--noinput"], env, tmp), 600)
    finish(start_logged("bootstrap", manage + ["bootstrap"], env, tmp), 600)
    finish(static, 900)
    log(f"prepared in {time.monotonic() - t0:.0f} s")
    return demo_urls(env, tmp)


def demo_urls(env, tmp):
    """The URLS list with the placeholders replaced by the newest demo news item and
    gallery (their slugs are the demo's to choose)."""
    code = (
        "from news.models import NewsPage; from portal.models import GalleryPage; "
        "print(NewsPage.objects.live().filter(locale__language_code='pl')"
        ".order_by('-date').first().url); "
        "print(GalleryPage.objects.live().filter(locale__language_code='pl')"
        ".order_by('-first_published_at').first().url)"
    )
    out = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    news_url, gallery_url = [line for line in out.stdout.splitlines() if line.startswith("/")]
    dashboard_url, lesson_url = learner_session(env)
    found = {
        NEWS_PAGE: news_url,
        GALLERY_PAGE: gallery_url,
        LEARNER_DASHBOARD: dashboard_url,
        LEARNER_LESSON: lesson_url,
    }
    return [found.get(url, url) for url in URLS]


# Run in `manage.py shell`: production settings make no demo accounts, so the benchmark
# makes its own learner, enrolled in the first demo course with no prerequisites, half-way
# through it, and a logged-in session for them. Prints the cookie and the two addresses.
LEARNER_CODE = """
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth import get_user_model
from school import services
from school.models import CourseIndexPage, CoursePage
user, _ = get_user_model().objects.get_or_create(
    username="bench-learner",
    defaults={"email": "bench-learner@example.org", "first_name": "Ala", "last_name": "Próbna"},
)
courses = CoursePage.objects.live().filter(locale__language_code="pl").order_by("path")
course = next(c for c in courses if not c.prerequisites.exists())
enrolment = services.enrolment_for(user, course) or services.enrol(user, course)
lessons = services.lessons_of([course])[course.pk]
for lesson in lessons[: len(lessons) // 2]:
    services.mark_read(enrolment, lesson)
session = import_module(settings.SESSION_ENGINE).SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
index = CourseIndexPage.objects.live().filter(locale__language_code="pl").first()
# A browser keeps the CSRF cookie the first page set; so does the benchmark's learner.
from django.utils.crypto import get_random_string
csrf = get_random_string(32)
print(
    "cookie " + settings.SESSION_COOKIE_NAME + "=" + session.session_key
    + "; " + settings.CSRF_COOKIE_NAME + "=" + csrf
)
print(index.url + index.reverse_subpage("dashboard"))
print(lessons[len(lessons) // 2].url)
"""


def learner_session(env):
    """The learner's dashboard and lesson addresses; their session cookie goes to COOKIES."""
    out = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", LEARNER_CODE],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    lines = out.stdout.splitlines()
    cookie = next(line.removeprefix("cookie ") for line in lines if line.startswith("cookie "))
    dashboard_url, lesson_url = [line for line in lines if line.startswith("/")]
    COOKIES[dashboard_url] = COOKIES[lesson_url] = cookie
    return dashboard_url, lesson_url


def gunicorn_executable():
    candidates = [Path(sys.executable).parent / "gunicorn", ROOT / ".venv" / "bin" / "gunicorn"]
    for candidate in candidates:
        if candidate.exists():
            return str(candidate)
    found = shutil.which("gunicorn")
    if not found:
        raise SetupError("gunicorn not found next to this Python nor on PATH")
    return found


def start_gunicorn(env, tmp, port):
    args = [
        gunicorn_executable(),
        "portal.wsgi",
        "--workers", str(GUNICORN_WORKERS),
        "--worker-class", "sync",
        "--bind", f"{HOST}:{port}",
        "--chdir", str(ROOT),
        "--timeout", "30",
        "--graceful-timeout", "5",
        "--no-control-socket",
        "--log-level", "warning",
    ]  # fmt: skip
    # Its own session: Ctrl-C reaches this script only, which then stops gunicorn itself.
    server = start_logged("gunicorn", args, env, tmp, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SetupError(f"gunicorn exited ({server.returncode}):\n{tail(server.logfile.name)}")
        try:
            status, _ = fetch(port, CEILING, timeout=2)
            if status == 200:
                return server
        except OSError:
            pass  # not listening yet: try again until the deadline
        time.sleep(0.2)
    raise SetupError(f"gunicorn did not answer within 60 s:\n{tail(server.logfile.name)}")


def stop(proc):
    if isinstance(proc, multiprocessing.process.BaseProcess):
        if proc.is_alive():
            proc.terminate()
            proc.join(5)
        if proc.is_alive():
            proc.kill()
            proc.join(5)
        return
    if proc.poll() is None:
        proc.terminate()  # gunicorn: graceful stop, bounded by --graceful-timeout
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            if getattr(proc, "name", "") == "gunicorn":
                os.killpg(proc.pid, signal.SIGKILL)  # the group gunicorn leads (its workers)
            else:
                proc.kill()
            proc.wait(5)
    if not proc.logfile.closed:
        proc.logfile.close()


CLEAR_REDIS = """
import itertools, os, django
django.setup()
from django_redis import get_redis_connection
redis = get_redis_connection("default")
match = os.environ["BENCH_CACHE_KEY_PREFIX"] + ":*"
keys = list(itertools.islice(redis.scan_iter(match=match, count=1000), 1_000_000))
for start in range(0, len(keys), 1000):
    redis.delete(*keys[start : start + 1000])
"""


def clear_redis_keys(env):
    """Removes this run's keys (and only those) from the Redis of REDIS_URL."""
    try:
        subprocess.run(
            [sys.executable, "-c", CLEAR_REDIS], cwd=ROOT, env=env, timeout=60, check=True,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError) as exc:
        log(
            f"could not remove this run's keys ({env['BENCH_CACHE_KEY_PREFIX']}:*) "
            f"from Redis: {exc}"
        )


# --------------------------------------------------------------------------- the report


def versions():
    def version(name):
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "?"

    return (
        f"Python {platform.python_version()}, Django {version('django')}, "
        f"Wagtail {version('wagtail')}, gunicorn {version('gunicorn')}"
    )


def cache_summary(values):
    total = sum(values.values())
    seen = {value: n for value, n in values.items() if value != "-"}
    if not seen:
        return "-"
    return ", ".join(f"{value} {n / total:.0%}" for value, n in sorted(seen.items()))


def other_cores(row):
    """Cores busy with anything but the gunicorn workers and the client: other programs,
    the kernel's share of the networking, gunicorn's master."""
    if row["machine_cores"] is None or row["server_cores"] is None:
        return None
    return max(0.0, row["machine_cores"] - row["server_cores"] - row["client_cores"])


def cores(value):
    return "?" if value is None else f"{value:.2f}"


def print_table(rows, ceiling_rps):
    header = ["URL", "requests", "errors", "req/s", "p50 ms", "p95 ms", "/ceiling",
              "X-Page-Cache", "server CPU", "client CPU", "other CPU", "CPU ms/req"]  # fmt: skip
    lines = []
    for row in rows:
        lines.append(
            [
                row["label"],
                str(row["requests"]),
                str(row["errors"]),
                f"{row['rps']:.1f}",
                f"{row['p50']:.1f}",
                f"{row['p95']:.1f}",
                f"{row['rps'] / ceiling_rps:.2f}",
                cache_summary(row["cache"]),
                cores(row["server_cores"]),
                cores(row["client_cores"]),
                cores(other_cores(row)),
                cores(row["server_ms"]),
            ]
        )
    widths = [max(len(line[i]) for line in [header, *lines]) for i in range(len(header))]

    def fmt(cells):
        first = cells[0].ljust(widths[0])
        rest = [cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True)]
        return "  ".join([first, *rest])

    print(fmt(header))
    print("  ".join("-" * width for width in widths))
    for line in lines:
        print(fmt(line))


# --------------------------------------------------------------------------- main


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="short run (2 s per URL)")
    parser.add_argument("--duration", type=float, help="seconds measured per URL")
    parser.add_argument("--concurrency", type=int, default=8, help="open connections (8)")
    parser.add_argument(
        "--client-processes", type=int, default=2, help="client processes sharing them (2)"
    )
    parser.add_argument(
        "--client",
        choices=["socket", "http.client"],
        default="socket",
        help="socket: one raw connection per request, cheapest (default); http.client: "
        "the standard library client, to check that the client does not shape the figures",
    )
    args = parser.parse_args()
    profile = dict(PROFILES["quick" if args.quick else "full"])
    if args.duration:
        profile["duration_s"] = min(max(args.duration, 0.5), 120.0)
    args.concurrency = min(max(args.concurrency, 1), 256)
    args.client_processes = min(max(args.client_processes, 1), args.concurrency, 16)
    return args, profile


def benchmark(args, profile, tmp, env):
    urls = prepare_site(env, tmp)
    port = free_port()
    server = start_gunicorn(env, tmp, port)
    log(f"gunicorn ({GUNICORN_WORKERS} sync workers) answers on http://{HOST}:{port}/")

    def measure(path):
        warm = run_phase(
            path, port, args.client, profile["warmup_s"], profile["warmup_max"],
            args.concurrency, args.client_processes, None,
        )  # fmt: skip
        home_check = None
        if path == HOME:
            home_check = Counter()
            for _ in range(4):
                try:
                    status, value = fetch(port, HOME)
                    home_check[value if status == 200 and value else f"({status}, {value})"] += 1
                except OSError as exc:
                    home_check[f"({type(exc).__name__})"] += 1
        result = run_phase(
            path, port, args.client, profile["duration_s"], profile["max_requests"],
            args.concurrency, args.client_processes, server.pid,
        )  # fmt: skip
        log(
            f"  {path}: {result['rps']:.1f} req/s "
            f"(warm-up {warm['requests']} requests, {warm['errors']} errors)"
        )
        return result, home_check

    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    log(
        f"measuring {len(urls)} URLs: warm-up {profile['warmup_s']} s, then "
        f"{profile['duration_s']} s or {profile['max_requests']} requests each ..."
    )
    rows = []
    home_check = None
    for path in urls:
        result, check = measure(path)
        result["label"] = f"{path} (learner)" if path in COOKIES else path
        rows.append(result)
        if check is not None:
            home_check = check
    # The ceiling once more at the end: how much the machine drifted during the run.
    repeat, _ = measure(CEILING)
    repeat["label"] = f"{CEILING} (again)"
    rows.append(repeat)

    if not rows[0]["statuses"].get(200):
        raise SetupError(f"{CEILING} never answered 200 during its measurement")
    ceiling_rps = rows[0]["rps"]
    home = next(row for row in rows if row["label"] == HOME)
    ratio = home["rps"] / ceiling_rps
    cpu_total = os.cpu_count()
    cpu_usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cpu_total

    print()
    print(f"Kooperacja load benchmark ({'quick' if args.quick else 'full'} run)")
    print(versions())
    print(f"CPU cores: {cpu_total} ({cpu_usable} usable); {platform.platform()}")
    if load_before is not None:
        print(f"load average (1 min) before measuring: {load_before:.2f}")
    print(
        f"server: gunicorn, {GUNICORN_WORKERS} sync workers, benchmarks.settings (production), "
        f"SQLite, cache: {'Redis' if os.environ.get('REDIS_URL') else 'locmem per worker'}"
    )
    print(
        f"client: {args.client}, {args.concurrency} connections "
        f"({args.client_processes} processes), "
        f"warm-up {profile['warmup_s']} s, then {profile['duration_s']} s or "
        f"{profile['max_requests']} requests per URL"
    )
    print()
    print_table(rows, ceiling_rps)
    print()
    checked = ", ".join(f"{value} x{n}" for value, n in home_check.items())
    print(f"home page {CACHE_HEADER} after warm-up: {checked}")
    print(
        f"ceiling drift: {ceiling_rps:.1f} req/s at the start, "
        f"{repeat['rps']:.1f} req/s at the end ({repeat['rps'] / ceiling_rps - 1:+.0%})"
    )
    print(f"home/ceiling ratio: {ratio:.2f} (target {TARGET})")
    if home["server_ms"] and rows[0]["server_ms"]:
        print(
            "home/ceiling ratio by server CPU per request: "
            f"{rows[0]['server_ms'] / home['server_ms']:.2f} (less sensitive to other load)"
        )
    met = ratio >= TARGET
    print(f"home page target met: {'yes' if met else 'NO'}")
    for row in rows:
        if row["label"].endswith("(learner)"):
            share = row["rps"] / ceiling_rps
            print(
                f"{row['label']}: {share:.2f} of the ceiling (target {LEARNER_TARGET}): "
                f"{'met' if share >= LEARNER_TARGET else 'NOT met'}"
            )
            met = met and share >= LEARNER_TARGET
    busiest = max((other_cores(row) or 0.0, row["label"]) for row in rows)
    if busiest[0] >= NOISY_OTHER_CORES:
        print(
            f"warning: other work used up to {busiest[0]:.2f} cores during the run "
            f"(at {busiest[1]}); these figures are noisy, run again on a quiet machine"
        )

    failed = [row for row in rows if row["errors"]]
    for row in failed:
        detail = dict(row["statuses"])
        detail.update(row["failures"])
        detail.pop(200, None)
        print(f"errors on {row['label']}: {detail}")
    if failed:
        print(f"--- last lines of the gunicorn log ---\n{tail(server.logfile.name)}")
    return 0 if met and not failed else 1


def main():
    args, profile = parse_args()

    def terminate(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, terminate)
    tmp = Path(tempfile.mkdtemp(prefix="kooperacja-bench-"))
    env = None
    try:
        env = bench_environment(tmp)
        return benchmark(args, profile, tmp, env)
    except SetupError as exc:
        log(f"error: {exc}")
        return 2
    except KeyboardInterrupt:
        log("interrupted")
        return 130
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not skip cleanup
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        for proc in reversed(_children[:]):
            try:
                stop(proc)
            except Exception as exc:  # noqa: BLE001 - keep cleaning up
                log(f"could not stop {proc}: {exc}")
        if env and env.get("REDIS_URL"):
            clear_redis_keys(env)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
