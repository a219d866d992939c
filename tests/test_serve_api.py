"""maltrace serve's JSON API: the same answers as the command line, edits that change only the
value named, conflicts (409) and undo."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")

with warnings.catch_warnings():  # this starlette would rather have httpx2; httpx still works
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from conftest import EXAMPLE_PLANS

from maltrace.serve.app import Settings, create_app
from maltrace.serve.state import ServeState

TOKEN = "test-token-0123456789abcdef"
BASE = "http://127.0.0.1:8765"
WRITE = {"Origin": BASE, "X-Maltrace-Token": TOKEN}
READ = {"X-Maltrace-Token": TOKEN}

Client = Callable[..., TestClient]


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    shutil.copytree(EXAMPLE_PLANS, folder)
    return folder


@pytest.fixture
def client(plans: Path) -> Iterator[Client]:
    made: list[TestClient] = []

    def make(
        folder: Path = plans, *, read_only: bool = False, host: str = "127.0.0.1"
    ) -> TestClient:
        state = ServeState([folder], read_only=read_only)
        app = create_app(state, Settings(token=TOKEN, host=host, watch=False))
        c = TestClient(app, base_url=BASE, raise_server_exceptions=False)
        c.__enter__()
        made.append(c)
        return c

    yield make
    for c in made:
        c.__exit__(None, None, None)


def _cli(*args: str | Path) -> bytes:
    done = subprocess.run(
        [sys.executable, "-m", "maltrace", *map(str, args)], capture_output=True, check=False
    )
    return done.stdout


def _version(c: TestClient) -> str:
    return str(c.get("/api/version").json()["version"])


def _changed_lines(before: bytes, after: bytes) -> list[tuple[str, str]]:
    import difflib

    a, b = before.decode().splitlines(), after.decode().splitlines()
    out: list[tuple[str, str]] = []
    for line in difflib.unified_diff(a, b, lineterm="", n=0):
        if line.startswith(("---", "+++", "@@")):
            continue
        out.append((line[0], line[1:]))
    return out


# -- reads: the command line's answers ------------------------------------------------------------


def test_check_is_the_command_lines_json_byte_for_byte(client: Client, plans: Path) -> None:
    response = client().get("/api/check")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert response.content == _cli("check", plans, "--format", "json")


def test_status_and_suggest_are_the_command_lines_json(client: Client, plans: Path) -> None:
    c = client()
    status = c.get("/api/status?today=2026-01-01")
    assert status.content == _cli("status", plans, "--format", "json", "--today", "2026-01-01")
    suggest = c.get("/api/suggest?node=HP-6")
    assert suggest.content == _cli("suggest", plans, "--node", "HP-6", "--format", "json")


def test_suggest_for_an_unknown_node_says_which_was_meant(client: Client) -> None:
    response = client().get("/api/suggest?node=HP-66&lang=en")
    assert response.status_code == 422
    assert response.json()["code"] == "unknown-node"
    assert "HP-6" in response.json()["message"]


def test_version_changes_with_any_byte_of_a_plan_file(client: Client, plans: Path) -> None:
    c = client()
    first = _version(c)
    assert _version(c) == first
    path = plans / "handlingsdel-2025-2028.yaml"
    path.write_bytes(path.read_bytes() + b"# a comment\n")
    assert _version(c) != first


# -- edits ---------------------------------------------------------------------------------------


def test_adding_a_link_changes_that_line_only(client: Client, plans: Path) -> None:
    c = client()
    path = plans / "kdp-helse-sosial-omsorg.yaml"
    before = path.read_bytes()
    response = c.post(
        "/api/links",
        json={"node": "HSO-1.4", "add": ["KPS-1.2"], "base": _version(c)},
        headers=WRITE,
    )
    assert response.status_code == 200, response.text
    assert response.json()["files"] == [str(path)]
    assert _changed_lines(before, path.read_bytes()) == [
        ("-", "        follows_up: [KPS-1.1]"),
        ("+", "        follows_up: [KPS-1.1, KPS-1.2]"),
    ]
    assert response.json()["version"] == _version(c)
    goals = json.loads(c.get("/api/check").content)["goals"]
    assert "HSO-1.4" in next(g for g in goals if g["id"] == "KPS-1.2")["followed_up_by"]


def test_removing_a_link_and_setting_a_status(client: Client, plans: Path) -> None:
    c = client()
    path = plans / "handlingsdel-2025-2028.yaml"
    before = path.read_bytes()
    ok = c.post(
        "/api/links", json={"node": "HP-4", "remove": ["HSO-3"], "base": _version(c)}, headers=WRITE
    )
    assert ok.status_code == 200, ok.text
    ok = c.post(
        "/api/status", json={"node": "HP-3", "status": "done", "base": _version(c)}, headers=WRITE
    )
    assert ok.status_code == 200, ok.text
    assert _changed_lines(before, path.read_bytes()) == [
        ("-", "    status: ikkje starta"),
        ("+", "    status: fullført"),
        ("-", "    follows_up: [HSO-3, HSO-3.2]"),
        ("+", "    follows_up: [HSO-3.2]"),
    ]


def test_a_reason_is_written_and_cleared(client: Client, plans: Path) -> None:
    c = client()
    path = plans / "samfunnsdel.yaml"
    before = path.read_bytes()
    ok = c.post(
        "/api/reason",
        json={"node": "KPS-2.2", "reason": "Kjem i planen for oppvekst: 2026", "base": _version(c)},
        headers=WRITE,
    )
    assert ok.status_code == 200, ok.text
    added = _changed_lines(before, path.read_bytes())
    assert len(added) == 1 and added[0][0] == "+"
    assert added[0][1].strip() == 'reason_not_followed_up: "Kjem i planen for oppvekst: 2026"'
    goals = json.loads(c.get("/api/check").content)["goals"]
    assert next(g for g in goals if g["id"] == "KPS-2.2")["reason_not_followed_up"]
    ok = c.post(
        "/api/reason", json={"node": "KPS-2.2", "reason": None, "base": _version(c)}, headers=WRITE
    )
    assert ok.status_code == 200
    assert path.read_bytes() == before


def test_crlf_and_bom_stay(client: Client, plans: Path) -> None:
    path = plans / "kdp-helse-sosial-omsorg.yaml"
    text = path.read_bytes().decode().replace("\n", "\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    before = path.read_bytes()
    c = client()
    ok = c.post(
        "/api/links",
        json={"node": "HSO-2.2", "add": ["KPS-3.2"], "base": _version(c)},
        headers=WRITE,
    )
    assert ok.status_code == 200, ok.text
    after = path.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf") and after.count(b"\r\n") == before.count(b"\r\n")
    assert after.replace(b"[KPS-3.1.1, KPS-3.2]", b"[KPS-3.1.1]") == before


@pytest.mark.parametrize(
    ("body", "code", "words"),
    [
        ({"node": "HSO-1.4", "add": ["KPS-1.7"]}, "unknown-target", "KPS-1.3"),
        ({"node": "HSO-1.44", "add": ["KPS-1.2"]}, "unknown-node", "HSO-1.4"),
        ({"node": "HSO-1.4", "add": ["HP-1"]}, "invalid-link", "measure"),
        ({"node": "HSO-1.4", "add": ["KPS-1"]}, "invalid-link", "area"),
        ({"node": "KPS-1.1", "add": ["HSO-1"]}, "invalid-link", "does not follow"),
        ({"node": "HSO-1.4", "remove": ["KPS-3"]}, "not-linked", "nothing to remove"),
    ],
)
def test_an_invalid_link_is_refused_with_the_reason_and_nothing_written(
    client: Client, plans: Path, body: dict[str, object], code: str, words: str
) -> None:
    c = client()
    before = {p: p.read_bytes() for p in plans.iterdir()}
    response = c.post("/api/links?lang=en", json={**body, "base": _version(c)}, headers=WRITE)
    assert response.status_code == 422
    assert response.json()["code"] == code
    assert words in response.json()["message"]
    assert {p: p.read_bytes() for p in plans.iterdir()} == before


def test_a_link_that_would_close_a_loop_is_refused(client: Client, tmp_path: Path) -> None:
    folder = tmp_path / "loop"
    folder.mkdir()
    for pid, other, goal, link in (("A", "B", "A-1", "B-1"), ("B", "A", "B-1", None)):
        links = f"\n    follows_up: [{link}]" if link else ""
        (folder / f"{pid}.yaml").write_text(
            textwrap.dedent(
                f"""\
                plan:
                  id: {pid}
                  type: kommunedelplan
                  title: Plan {pid}
                  follows: [{other}]
                goals:
                  - id: {goal}
                    title: Mål {goal}"""
            )
            + links
            + "\n",
            encoding="utf-8",
        )
    c = client(folder)
    response = c.post(
        "/api/links?lang=en",
        json={"node": "B-1", "add": ["A-1"], "base": _version(c)},
        headers=WRITE,
    )
    assert response.status_code == 422
    assert response.json()["code"] == "cycle"


def test_status_outside_the_vocabulary_or_not_a_tiltak_is_refused(client: Client) -> None:
    c = client()
    bad = c.post(
        "/api/status", json={"node": "HP-3", "status": "half", "base": _version(c)}, headers=WRITE
    )
    assert bad.status_code == 422 and bad.json()["code"] == "bad-status"
    goal = c.post(
        "/api/status", json={"node": "HSO-1", "status": "done", "base": _version(c)}, headers=WRITE
    )
    assert goal.status_code == 422 and goal.json()["code"] == "not-a-measure"


def test_malformed_bodies_are_400(client: Client) -> None:
    c = client()
    for body in (b"not json", b"[1]", b'{"node": 3, "base": "x"}'):
        response = c.post(
            "/api/links", content=body, headers={**WRITE, "Content-Type": "application/json"}
        )
        assert response.status_code == 400
        assert response.json()["code"] == "bad-request"


# -- conflicts and undo -------------------------------------------------------------------------


def test_an_edit_against_a_stale_version_is_409_and_the_other_change_is_kept(
    client: Client, plans: Path
) -> None:
    c = client()
    base = _version(c)
    path = plans / "kdp-helse-sosial-omsorg.yaml"
    theirs = path.read_bytes().replace(b"Sosialt berekraftig", b"Sosialt og berekraftig")
    path.write_bytes(theirs)  # an editor saved meanwhile
    response = c.post(
        "/api/links", json={"node": "HSO-1.4", "add": ["KPS-1.2"], "base": base}, headers=WRITE
    )
    assert response.status_code == 409
    assert response.json()["code"] == "stale"
    assert response.json()["version"] != base
    assert path.read_bytes() == theirs
    again = c.post(
        "/api/links",
        json={"node": "HSO-1.4", "add": ["KPS-1.2"], "base": response.json()["version"]},
        headers=WRITE,
    )
    assert again.status_code == 200
    assert b"Sosialt og berekraftig" in path.read_bytes()


def test_undo_restores_the_exact_bytes(client: Client, plans: Path) -> None:
    c = client()
    path = plans / "handlingsdel-2025-2028.yaml"
    before = path.read_bytes()
    c.post(
        "/api/status", json={"node": "HP-2", "status": "done", "base": _version(c)}, headers=WRITE
    )
    c.post(
        "/api/links", json={"node": "HP-2", "add": ["HSO-1.3"], "base": _version(c)}, headers=WRITE
    )
    assert path.read_bytes() != before
    for _ in range(2):
        response = c.post("/api/undo", json={"base": _version(c)}, headers=WRITE)
        assert response.status_code == 200
        assert response.json()["files"] == [str(path)]
    assert path.read_bytes() == before
    nothing = c.post("/api/undo", json={"base": _version(c)}, headers=WRITE)
    assert nothing.status_code == 422 and nothing.json()["code"] == "nothing-to-undo"


def test_undo_after_the_file_changed_elsewhere_is_409(client: Client, plans: Path) -> None:
    c = client()
    path = plans / "handlingsdel-2025-2028.yaml"
    c.post(
        "/api/status", json={"node": "HP-2", "status": "done", "base": _version(c)}, headers=WRITE
    )
    changed = path.read_bytes() + b"# saved in an editor\n"
    path.write_bytes(changed)
    stale = c.post("/api/undo", json={"base": _version(c)}, headers=WRITE)
    assert stale.status_code == 409
    assert path.read_bytes() == changed


def test_a_set_that_does_not_load_is_served_read_only_with_its_errors(
    client: Client, plans: Path
) -> None:
    (plans / "broken.yaml").write_text("plan: [\n", encoding="utf-8")
    c = client()
    check = c.get("/api/check")
    assert check.content == _cli("check", plans, "--format", "json")
    assert "load_errors" in check.json()
    page = c.get("/")
    assert page.status_code == 200 and "broken.yaml" in page.text
    refused = c.post(
        "/api/status", json={"node": "HP-2", "status": "done", "base": _version(c)}, headers=WRITE
    )
    assert refused.status_code == 422 and refused.json()["code"] == "load-errors"


def test_the_views_are_pages_of_their_own(client: Client) -> None:
    c = client()
    status = c.get("/status?lang=en&today=2026-01-01")
    assert status.status_code == 200 and "HP-5" in status.text  # overdue on that day
    frameworks = c.get("/frameworks")
    assert frameworks.status_code == 200 and "AMT" in frameworks.text
    diff = c.get("/diff?since=no-such-revision&lang=en")
    assert diff.status_code == 200 and "no-such-revision" in diff.text
    assert "Traceback" not in diff.text
    chart = c.get("/chart.svg?indicator=IND-HEIME")
    assert chart.status_code == 200 and "<svg" in chart.text
    assert c.get("/chart.svg?indicator=NO-SUCH").status_code == 404
    panel = c.get("/?node=KPS-1.3").text
    assert "85,5 (2024)" in panel and "/chart.svg?indicator=IND-HEIME" in panel
    picture = c.get("/diagram.svg?goal=KPS-1.1")
    assert picture.headers["content-type"].startswith("image/svg+xml")
    assert "<svg" in picture.text


def test_a_page_that_does_not_exist_is_a_page_in_the_planners_language(client) -> None:
    # A mistyped address answered JSON to a person; the API keeps answering JSON.
    c = client()
    page = c.get("/endringar?lang=nb", headers=READ)
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert '<html lang="nb">' in page.text and "<title>Fant ikke siden." in page.text
    assert '<a href="/">Plankart</a>' in page.text
    api = c.get("/api/nothing", headers=READ)
    assert api.status_code == 404 and api.json()["code"] == "not-found"
