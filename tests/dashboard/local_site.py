"""A web site on a free 127.0.0.1 port for import tests: the saved pages of
tests/fixtures/web (and any page a test adds), plus answers that fail in each way a
real site can (404, 500, a PDF, a page that never finishes)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from conftest import FIXTURES

PAGES = FIXTURES / "web"


@contextmanager
def local_site(extra: dict[str, tuple[str, bytes]] | None = None) -> Iterator[str]:
    """Serve `/<name>.html` for every fixture page, `extra` paths as (content type, body),
    `/missing` (404), `/broken` (500), `/slow` (answers when the test ends), `/report.pdf`
    (a PDF); yields the site's address."""
    routes = {f"/{path.name}": ("text/html; charset=utf-8", path.read_bytes()) for path in PAGES.glob("*.html")}
    routes["/report.pdf"] = ("application/pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    routes |= extra or {}
    finished = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the name http.server calls)
            if self.path == "/slow":
                finished.wait(60)  # holds the answer until the test is over
            if self.path in ("/missing", "/slow"):
                self.send_error(404, "Not Found")
                return
            if self.path == "/broken":
                self.send_error(500, "Internal Server Error")
                return
            if self.path not in routes:
                self.send_error(404, "Not Found")
                return
            kind, body = routes[self.path]
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):  # quiet
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        finished.set()
        server.shutdown()
        thread.join(5)
        server.server_close()
