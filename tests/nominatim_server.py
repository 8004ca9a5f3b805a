"""A real HTTP server on 127.0.0.1 that speaks Nominatim's JSON /search API, with fault modes.

Tests point geopy's Nominatim at it (``domain=server.domain, scheme="http"``) and never touch the
internet. It answers from a small table the test gives (name -> records made with `record`) and
logs every request (time, path, query, User-Agent), so tests can count requests and measure the
spacing between them.

Time: requests are stamped with `clock.monotonic()` (default: the real clock). A test that drives
the client with a fake clock gives the server the same clock, so the stamps are in fake seconds;
`latency` is how long each answer takes on that clock (the handler calls `clock.sleep(latency)`,
which on a fake clock only moves its time on - the client is blocked on the reply meanwhile).

    with NominatimServer({"desa sukamaju": [record("Sukamaju", -6.9, 107.6, "id", "village")]},
                         faults=["429", None]) as server:      # 1st request 429, then normal
        ... domain=server.domain ...
        assert len(server.requests) == 2

Faults (one per request in order from `faults`; after the list, `default_fault` for every request):
    None         a normal answer
    "slow"       answer after `slow_seconds` of real time (longer than the client's socket timeout),
                 or as soon as the server is stopped
    "429"        HTTP 429 with ``Retry-After: retry_after``
    "500"        HTTP 500
    "503"        HTTP 503
    "malformed"  HTTP 200 with a body that is not JSON
    "die"        drop the connection without answering and shut the whole server down
                 (later requests get "connection refused")

Pytest fixtures: import `nominatim_server` (a factory: call it with the same arguments; every server
is stopped after the test) and `refused_domain` (a 127.0.0.1 port nobody listens on).
"""
from __future__ import annotations

import json
import socket
import threading
from dataclasses import dataclass, field
from typing import Any
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

FAULTS = (None, "slow", "429", "500", "503", "malformed", "die")


def record(name: str, lat: float, lon: float, country_code: str | None = None, addresstype: str = "city",
           display_name: str | None = None, importance: float = 0.5) -> dict:
    """One search result in Nominatim's format=json shape (with addressdetails)."""
    address = {addresstype: name}
    if country_code:
        address["country_code"] = country_code.lower()
    return {"place_id": abs(hash((name, lat, lon))) % 10**9, "licence": "test data", "osm_type": "node",
            "osm_id": abs(hash((lat, lon))) % 10**9, "lat": f"{lat:.7f}", "lon": f"{lon:.7f}",
            "class": "place", "type": addresstype, "place_rank": 16, "importance": importance,
            "addresstype": addresstype, "name": name, "display_name": display_name or name,
            "address": address,
            "boundingbox": [f"{lat - 0.05:.7f}", f"{lat + 0.05:.7f}", f"{lon - 0.05:.7f}", f"{lon + 0.05:.7f}"]}


@dataclass
class Request:
    time: float           # the server's clock when the request line arrived
    path: str
    query: dict[str, str]
    user_agent: str | None
    fault: str | None

    @property
    def q(self) -> str | None:
        return self.query.get("q")


@dataclass
class NominatimServer:
    places: dict[str, list[dict]] = field(default_factory=dict)
    faults: list[str | None] = field(default_factory=list)
    default_fault: str | None = None
    slow_seconds: float = 1.0
    retry_after: int = 1
    clock: Any = None     # an object with monotonic() and sleep(); None: the real clock
    latency: float = 0.0  # seconds each answer takes, on `clock`

    def __post_init__(self):
        for f in [*self.faults, self.default_fault]:
            if f not in FAULTS:
                raise ValueError(f"unknown fault {f!r}; one of {FAULTS}")
        self.places = {" ".join(k.split()).casefold(): v for k, v in self.places.items()}
        if self.clock is None:
            from maps.geocoding.clock import SystemClock
            self.clock = SystemClock()
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go out as two writes: no 40 ms delayed-ACK stall

            def log_message(self, *args):  # keep test output clean
                pass

            def do_GET(self):
                server._handle(self)

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._httpd.block_on_close = False
        self._httpd.handle_error = lambda request, address: None  # a client that timed out is no error here
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()

    @property
    def domain(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        return f"http://{self.domain}"

    def request_times(self) -> list[float]:
        return [r.time for r in self.requests]

    def _next_fault(self) -> str | None:
        n = len(self.requests)
        return self.faults[n] if n < len(self.faults) else self.default_fault

    def _handle(self, h: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(h.path)
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        with self._lock:
            fault = self._next_fault()
            self.requests.append(Request(self.clock.monotonic(), parts.path, query, h.headers.get("User-Agent"), fault))
        if fault == "die":
            self.stop()  # close the listening socket first: whatever comes next is refused
            h.close_connection = True
            try:
                h.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        if fault == "slow":  # real time: the client's socket timeout is what is tested
            self._stopped.wait(self.slow_seconds)
        if self.latency:
            self.clock.sleep(self.latency)
        if fault == "429":
            return self._send(h, 429, b'{"error": "rate limited"}', {"Retry-After": str(self.retry_after)})
        if fault in ("500", "503"):
            return self._send(h, int(fault), b"<html>internal error</html>", content_type="text/html")
        if fault == "malformed":
            return self._send(h, 200, b'[{"place_id": 1, "lat": "-6.2", "lon": ')
        if parts.path.rstrip("/") not in ("/search", "/search.php") or query.get("format") != "json":
            return self._send(h, 400, b'{"error": "only /search?format=json is served here"}')
        results = self.places.get(" ".join(query.get("q", "").split()).casefold(), [])
        limit = int(query.get("limit", "10"))
        self._send(h, 200, json.dumps(results[:limit]).encode())

    @staticmethod
    def _send(h, status: int, body: bytes, headers: dict | None = None,
              content_type: str = "application/json; charset=utf-8") -> None:
        try:
            h.send_response(status)
            h.send_header("Content-Type", content_type)
            h.send_header("Content-Length", str(len(body)))
            for k, v in (headers or {}).items():
                h.send_header(k, v)
            h.end_headers()
            h.wfile.write(body)
        except OSError:  # the client gave up waiting (a "slow" reply after its timeout)
            pass

    def stop(self) -> None:
        """Stop serving and close the listening socket (new connections are then refused)."""
        if self._stopped.is_set():
            return
        self._stopped.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> "NominatimServer":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def free_port() -> int:
    """A 127.0.0.1 port that was free a moment ago and on which nothing listens."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def nominatim_server():
    """Factory fixture: ``server = nominatim_server(places, faults=[...])``; all are stopped afterwards."""
    started: list[NominatimServer] = []

    def start(*args, **kwargs) -> NominatimServer:
        server = NominatimServer(*args, **kwargs)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def refused_domain() -> str:
    return f"127.0.0.1:{free_port()}"
