"""``maltrace indicators fetch`` against a local HTTP server that serves SSB's recorded answers
(table 05300, kept by SSB's own client), and offline."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from typer.testing import CliRunner

from maltrace import api
from maltrace.cli import app

FIX = Path(__file__).parent / "fixtures" / "jsonstat"
PLAN = (Path(__file__).parent / "test_jsonstat.py").read_text(encoding="utf-8")
PLAN_YAML = PLAN.split('PLAN = """\\\n', 1)[1].split('"""', 1)[0]


class _SSB(BaseHTTPRequestHandler):
    posted: ClassVar[list[dict[str, object]]] = []

    def do_GET(self) -> None:
        self._send(
            200, (FIX / "05300-meta.json").read_bytes() if self.path.endswith("/05300") else b""
        )

    def do_POST(self) -> None:
        size = int(self.headers.get("Content-Length", 0))
        type(self).posted.append(json.loads(self.rfile.read(size)))
        if not self.path.endswith("/05300"):
            self._send(400, b'{"error": "Parameter error"}')
            return
        self._send(200, (FIX / "05300.json").read_bytes())

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def ssb() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _SSB)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _SSB.posted = []
    try:
        yield f"http://127.0.0.1:{server.server_port}/api/v0/no/table"
    finally:
        server.shutdown()
        server.server_close()


def test_fetch_saves_the_answer_beside_the_plan_and_status_reads_it(
    tmp_path: Path, ssb: str
) -> None:
    (tmp_path / "kps.yaml").write_text(PLAN_YAML, encoding="utf-8")
    done = api.fetch_indicators(tmp_path, base_url=ssb)
    assert done.files == [("05300", tmp_path / "ssb-05300.json", ["BIB"])]
    assert (tmp_path / "ssb-05300.json").read_bytes() == (FIX / "05300.json").read_bytes()
    (query,) = _SSB.posted
    assert query["response"] == {"format": "json-stat2"}
    asked = {q["code"]: q["selection"]["values"] for q in query["query"]}
    assert asked == {"Avstand1": ["01"], "Kulturtilbud": ["07"], "ContentsCode": ["Avstand"]}
    (ind,) = api.status(tmp_path, today=dt.date(2026, 1, 1), cache=False).indicators
    assert ind.latest == (2021, 85.0)
    # Written once; again only with --force.
    res = CliRunner().invoke(app, ["indicators", "fetch", str(tmp_path), "--base-url", ssb])
    assert res.exit_code == 2
    res = CliRunner().invoke(
        app, ["indicators", "fetch", str(tmp_path), "--base-url", ssb, "--force"]
    )
    assert res.exit_code == 0 and "ssb-05300.json" in res.output


def test_fetch_offline_says_so(tmp_path: Path) -> None:
    (tmp_path / "kps.yaml").write_text(PLAN_YAML, encoding="utf-8")
    # A port nothing listens on: the connection is refused, as offline.
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    res = CliRunner().invoke(
        app,
        [
            "indicators",
            "fetch",
            str(tmp_path),
            "--base-url",
            f"http://127.0.0.1:{port}/t",
            "--lang",
            "en",
        ],
    )
    assert res.exit_code == 2 and "Could not reach SSB" in res.output
    assert not (tmp_path / "ssb-05300.json").exists()


def test_an_error_answer_is_named(tmp_path: Path, ssb: str) -> None:
    (tmp_path / "kps.yaml").write_text(PLAN_YAML.replace("'05300'", "'99999'"), encoding="utf-8")
    with pytest.raises(api.FetchFailed) as info:
        api.fetch_indicators(tmp_path, base_url=ssb)
    assert info.value.code in ("ssb-http", "ssb-bad-answer")
