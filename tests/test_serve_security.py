"""maltrace serve's guard: each rule with a request that only that rule stops."""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from conftest import EXAMPLE_PLANS

from maltrace.serve import app as app_module
from maltrace.serve.app import Settings, create_app
from maltrace.serve.security import CSP, DOCUMENT_CSP
from maltrace.serve.state import ServeState

TOKEN = "test-token-0123456789abcdef"
BASE = "http://127.0.0.1:8765"


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    shutil.copytree(EXAMPLE_PLANS, folder)
    return folder


def _client(
    plans: Path, *, read_only: bool = False, host: str = "127.0.0.1", base: str = BASE
) -> TestClient:
    state = ServeState([plans], read_only=read_only)
    app = create_app(state, Settings(token=TOKEN, host=host, watch=False))
    return TestClient(app, base_url=base, raise_server_exceptions=False)


@pytest.fixture
def client(plans: Path) -> Iterator[TestClient]:
    with _client(plans) as c:
        yield c


def _files(plans: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(plans.iterdir())}


def _edit(c: TestClient, headers: dict[str, str], **extra: object) -> int:
    base = c.get("/api/version").json()["version"]
    body = {"node": "HP-3", "status": "done", "base": base, **extra}
    return c.post("/api/status", json=body, headers=headers).status_code


def test_a_write_with_token_and_origin_is_made(client: TestClient, plans: Path) -> None:
    before = _files(plans)
    assert _edit(client, {"X-Maltrace-Token": TOKEN, "Origin": BASE}) == 200
    assert _files(plans) != before


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": BASE},  # no token
        {"Origin": BASE, "X-Maltrace-Token": "wrong-token-0123456789abcdef"},
        {"X-Maltrace-Token": TOKEN},  # no Origin
        {"X-Maltrace-Token": TOKEN, "Origin": "http://evil.example"},
        {"X-Maltrace-Token": TOKEN, "Origin": "http://127.0.0.1:9999"},
        {"X-Maltrace-Token": TOKEN, "Origin": "null"},
    ],
)
def test_a_write_without_token_or_from_another_origin_is_403(
    client: TestClient, plans: Path, headers: dict[str, str]
) -> None:
    before = _files(plans)
    assert _edit(client, headers) == 403
    assert _files(plans) == before


def test_the_token_in_the_url_becomes_a_strict_cookie_that_allows_writes(
    client: TestClient, plans: Path
) -> None:
    response = client.get(f"/?token={TOKEN}&lang=en", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/?lang=en"  # the token leaves the URL
    cookie = response.headers["set-cookie"]
    assert f"maltrace_token={TOKEN}" in cookie
    assert "SameSite=Strict" in cookie and "HttpOnly" in cookie
    assert _edit(client, {"Origin": BASE}) == 200  # the cookie is the token now
    wrong = client.get("/?token=guess", follow_redirects=False)
    assert wrong.status_code == 200 and "set-cookie" not in wrong.headers


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8765", "127.0.0.1.evil.example"])
def test_a_host_header_naming_another_site_is_400(client: TestClient, host: str) -> None:
    # DNS rebinding: the attacker's name resolves to 127.0.0.1, the Host header still says it.
    for path in ("/", "/api/check", "/api/version"):
        response = client.get(path, headers={"Host": host})
        assert response.status_code == 400
        assert response.json()["code"] == "bad-host"


@pytest.mark.parametrize("host", ["localhost:8765", "127.0.0.1:8765", "[::1]:8765", "localhost"])
def test_the_servers_own_names_are_answered(client: TestClient, host: str) -> None:
    assert client.get("/api/version", headers={"Host": host}).status_code == 200


def test_reads_need_the_token_beyond_loopback(plans: Path) -> None:
    with _client(plans, host="10.1.2.3", base="http://10.1.2.3:8765") as c:
        assert c.get("/api/check").status_code == 403
        assert c.get("/").status_code == 403
        assert c.get("/api/check", headers={"X-Maltrace-Token": TOKEN}).status_code == 200
    with _client(plans) as c:
        assert c.get("/api/check").status_code == 200  # on loopback, reads are open


def test_read_only_refuses_every_write(plans: Path) -> None:
    before = _files(plans)
    headers = {"X-Maltrace-Token": TOKEN, "Origin": BASE}
    with _client(plans, read_only=True) as c:
        base = c.get("/api/version").json()["version"]
        for path, body in (
            ("/api/status", {"node": "HP-3", "status": "done"}),
            ("/api/links", {"node": "HSO-1.4", "add": ["KPS-1.2"]}),
            ("/api/reason", {"node": "HP-6", "reason": "x"}),
            ("/api/undo", {}),
        ):
            response = c.post(path, json={**body, "base": base}, headers=headers)
            assert response.status_code == 403, path
            assert response.json()["code"] == "read-only"
    assert _files(plans) == before


def test_a_body_over_the_limit_is_413(client: TestClient, plans: Path) -> None:
    before = _files(plans)
    headers = {"X-Maltrace-Token": TOKEN, "Origin": BASE}
    big = "x" * (100 * 1024)
    response = client.post(
        "/api/reason", json={"node": "HP-6", "reason": big, "base": "v"}, headers=headers
    )
    assert response.status_code == 413

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it comes
        yield b'{"node": "HP-6", "reason": "'
        for _ in range(100):
            yield b"x" * 1024
        yield b'", "base": "v"}'

    streamed = client.post(
        "/api/reason", content=chunks(), headers={**headers, "Content-Type": "application/json"}
    )
    assert streamed.status_code == 413
    assert _files(plans) == before


def test_no_path_from_the_client_is_written(
    client: TestClient, plans: Path, tmp_path: Path
) -> None:
    headers = {"X-Maltrace-Token": TOKEN, "Origin": BASE}
    base = client.get("/api/version").json()["version"]
    outside = tmp_path / "outside.yaml"
    body = {"node": "HP-3", "status": "done", "base": base, "file": str(outside), "path": "../x"}
    response = client.post("/api/status", json=body, headers=headers)
    assert response.status_code == 200
    assert response.json()["files"] == [str(plans / "handlingsdel-2025-2028.yaml")]
    assert not outside.exists()


def test_no_traceback_reaches_a_client(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(app_module.api, "set_status", explode)
    response = client.post(
        "/api/status",
        json={
            "node": "HP-3",
            "status": "done",
            "base": client.get("/api/version").json()["version"],
        },
        headers={"X-Maltrace-Token": TOKEN, "Origin": BASE},
    )
    assert response.status_code == 500
    assert response.json()["code"] == "internal"
    assert "Traceback" not in response.text and "secret" not in response.text


def test_pages_forbid_inline_script_and_load_nothing_from_elsewhere(client: TestClient) -> None:
    import re

    for path in ("/", "/?node=HSO-1.4", "/status", "/frameworks", "/diff"):
        response = client.get(path)
        assert response.status_code == 200, path
        policy = response.headers["content-security-policy"]
        # the map: nothing inline at all; the document views: inline styles for their drawings
        assert policy == (CSP if path.startswith("/?") or path == "/" else DOCUMENT_CSP)
        directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
        assert directives["script-src"] == "'self'" and directives["default-src"] == "'none'"
        assert response.headers["x-frame-options"] == "DENY"
        scripts = re.findall(r"<script\b[^>]*>", response.text)
        assert scripts and all(re.search(r'\bsrc="/static/', s) for s in scripts), path
        assert not re.search(r"\son[a-z]+=", response.text), path  # no inline handlers
        assert not re.search(r'(?:src|href)="(?:https?:)?//', response.text), path


def test_titles_are_data_on_the_page(client: TestClient, plans: Path) -> None:
    path = plans / "handlingsdel-2025-2028.yaml"
    hostile = '<script>alert(1)</script> & "quoted" <img src=x onerror=alert(2)>'
    text = path.read_text(encoding="utf-8").replace(
        "title: Opne frisklivssentralen i Knarvik", f"title: '{hostile}'"
    )
    path.write_text(text, encoding="utf-8")
    client.get("/api/version")
    for url in ("/", "/?node=HP-1"):
        page = client.get(url).text
        assert "<script>alert(1)" not in page and "<img src=x" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
