"""A static server on 127.0.0.1 that gzips text responses, like a real host would.

Used by the benchmark so that Lighthouse measures transfer sizes as readers get them.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".csv", ".txt")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files, gzip-compressed when the client accepts it and the type is text.

    HTTP/1.1 with keep-alive, as every real static host serves (most over HTTP/2): the
    base class's HTTP/1.0 would open a new connection for each file.
    """

    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def send_head(self):  # noqa: ANN201 - the base class's protocol
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        if Path(self.translate_path(self.path)).is_dir() and not self.path.split("?")[0].endswith("/"):
            return super().send_head()  # let the base class redirect to the folder's URL
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *_: object) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


@contextmanager
def serve_gzip(directory: Path, port: int = 0) -> Iterator[str]:
    """Serve ``directory`` with gzip on loopback ``port`` (a free one by default); yield the base URL."""
    handler = functools.partial(GzipHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
