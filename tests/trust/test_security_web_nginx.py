"""docs/nginx.conf, run by Debian's nginx: the uploaded documents under /media/documents/
are refused, however the path is spelled, while images are served and /documents/ goes to
Django (which checks a document's privacy). Skipped where nginx is not installed
(`apt-get install nginx-light`; CI's security step installs it and runs this file)."""

import http.server
import os
import re
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request

import pytest

from tests.conftest import PROJECT_ROOT

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
pytestmark = pytest.mark.skipif(
    not os.access(NGINX, os.X_OK), reason="nginx is not installed (apt-get install nginx-light)"
)
SECRET = b"PROJEKT - poufny szkic uchwaly"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Backend(http.server.BaseHTTPRequestHandler):
    """Stands in for gunicorn: says which path reached it."""

    def do_GET(self):
        body = f"django:{self.path}".encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def local_config(text, port, backend_port, media, static):
    """The deployment's config with the machine-specific parts swapped for this test: the
    upstream servers, TLS (plain HTTP on a free port), and the directories. Everything the
    test is about (the locations and what they do) is kept as written."""
    text = re.sub(r"(?m)^\s*server 10\.[^;]*;\n", "", text)
    text = text.replace("keepalive 16;", f"server 127.0.0.1:{backend_port};\n    keepalive 16;")
    text = text.replace("listen 80;", f"listen 127.0.0.1:{free_port()};")
    text = text.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{port};")
    text = text.replace("listen 443 ssl;", f"listen 127.0.0.1:{port};")
    text = re.sub(r"(?m)^\s*(ssl_certificate\S*|http2) [^;]*;\n", "", text)
    text = text.replace("/srv/kooperacja/media/", f"{media}/")
    text = text.replace("/srv/kooperacja/app/var/static/", f"{static}/")
    return text


@pytest.fixture(scope="module")
def nginx(tmp_path_factory):
    root = tmp_path_factory.mktemp("nginx")
    media, static = root / "media", root / "static"
    (media / "documents").mkdir(parents=True)
    (media / "original_images").mkdir()
    (static / "css").mkdir(parents=True)
    (media / "documents" / "projekt.txt").write_bytes(SECRET)
    (media / "original_images" / "zdjecie.txt").write_bytes(b"image bytes")
    (static / "css" / "site.css").write_bytes(b"body{}")

    backend = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Backend)
    threading.Thread(target=backend.serve_forever, daemon=True).start()

    port = free_port()
    server = local_config(
        (PROJECT_ROOT / "docs" / "nginx.conf").read_text(),
        port,
        backend.server_address[1],
        media,
        static,
    )
    user = "user root;\n" if os.geteuid() == 0 else ""
    (root / "nginx.conf").write_text(
        f"{user}daemon off;\nworker_processes 1;\npid {root}/nginx.pid;\n"
        f"error_log {root}/error.log;\nevents {{}}\nhttp {{\n"
        f"access_log off;\nclient_body_temp_path {root}/body;\nproxy_temp_path {root}/proxy;\n"
        f"fastcgi_temp_path {root}/fastcgi;\nuwsgi_temp_path {root}/uwsgi;\n"
        f"scgi_temp_path {root}/scgi;\n{server}\n}}\n"
    )
    check = subprocess.run(
        [NGINX, "-t", "-p", str(root), "-c", str(root / "nginx.conf"), "-e", "stderr"],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen(
        [NGINX, "-p", str(root), "-c", str(root / "nginx.conf"), "-e", "stderr"],
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield base
    process.terminate()
    process.wait(timeout=10)
    backend.shutdown()


def fetch(url, headers=None):
    """(status, body), or (status, body, headers) when `headers` is a dict to fill."""
    request = urllib.request.Request(url)
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            if headers is not None:
                headers.update(response.headers)
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_the_config_keeps_the_documents_location_and_is_valid_for_debian(nginx):
    # The fixture ran `nginx -t` on it: the directives are ones Debian's nginx knows.
    text = (PROJECT_ROOT / "docs" / "nginx.conf").read_text()
    assert "location /media/documents/" in text


@pytest.mark.parametrize(
    "path",
    [
        "/media/documents/projekt.txt",
        "/media/documents/../documents/projekt.txt",
        "/media/images/../documents/projekt.txt",
        "/media/%64ocuments/projekt.txt",
        "/media//documents/projekt.txt",
        "/media/./documents/projekt.txt",
        "/media/documents/",
    ],
)
def test_document_files_are_never_served_from_media(nginx, path):
    status, body = fetch(nginx + path)
    assert status == 404
    assert SECRET not in body


def test_images_are_still_served_from_media_with_no_sniffing_and_no_scripts(nginx):
    headers = {}
    assert fetch(nginx + "/media/original_images/zdjecie.txt", headers) == (200, b"image bytes")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in headers["Content-Security-Policy"]
    assert "default-src 'none'" in headers["Content-Security-Policy"]


def test_documents_go_to_django_which_checks_privacy(nginx):
    assert fetch(nginx + "/documents/12/projekt.txt") == (200, b"django:/documents/12/projekt.txt")
