"""maltrace serve in a real browser: Debian's Chromium driven by playwright, on loopback."""

from __future__ import annotations

import difflib
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS

CHROMIUM = os.environ.get("MALTRACE_CHROMIUM", "/usr/bin/chromium")
# CI installs the browser and sets this, so there a missing browser fails instead of skipping.
REQUIRED = bool(os.environ.get("MALTRACE_REQUIRE_BROWSER"))
if not REQUIRED:
    pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')"
    )
    pytest.importorskip("starlette", reason="pip install -e '.[serve]'")
from playwright import sync_api as playwright  # noqa: E402
from playwright.sync_api import expect  # noqa: E402

pytestmark = pytest.mark.skipif(
    not REQUIRED and not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)),
    reason=f"no Chromium at {CHROMIUM} (apt-get install chromium; .ci/run does)",
)
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


class Server:
    def __init__(self, plans: Path) -> None:
        self.plans = plans
        env = {**os.environ, "MALTRACE_TOKEN": secrets.token_urlsafe(24)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "maltrace", "serve", str(plans), "--port", "0"],
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert self.proc.stderr is not None
        self.url = ""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not self.url:
            line = self.proc.stderr.readline()
            if not line:
                break
            found = re.search(r"http://\S+\?token=\S+", line)
            if found:
                self.url = found.group(0)
        if not self.url:
            self.proc.kill()
            pytest.fail("maltrace serve did not start")
        self.root = self.url.split("?")[0].rstrip("/")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    shutil.copytree(EXAMPLE_PLANS, folder)
    return folder


@pytest.fixture
def server(plans: Path) -> Iterator[Server]:
    s = Server(plans)
    yield s
    s.stop()


@pytest.fixture
def browser() -> Iterator[playwright.Browser]:
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            b.close()


def _open(browser: playwright.Browser, server: Server, **options: object) -> playwright.Page:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, **options)
    page = context.new_page()
    page.goto(server.url)
    page.wait_for_selector("a.node")
    return page


def _diff(before: bytes, after: bytes) -> list[str]:
    lines = difflib.unified_diff(
        before.decode().splitlines(), after.decode().splitlines(), lineterm="", n=0
    )
    return [x for x in lines if not x.startswith(("---", "+++", "@@"))]


def test_clicking_a_goal_highlights_its_thread_and_opens_its_panel(
    browser: playwright.Browser, server: Server
) -> None:
    page = _open(browser, server)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.locator('a.node[data-node="KPS-1.1"]').click()
    page.wait_for_selector("#panel-h")
    assert "KPS-1.1" in page.locator("#panel-h").inner_text()
    lit = set(page.locator("a.node.lit").evaluate_all("els => els.map(e => e.dataset.node)"))
    assert {"KPS-1", "HSO-1", "HSO-1.4", "HSO-1.1", "HP-1"} <= lit
    assert "HSO-2" not in lit
    assert page.locator("a.node.sel").get_attribute("data-node") == "KPS-1.1"
    assert "node=KPS-1.1" in page.url
    assert all(r.startswith(server.root) for r in requests)  # nothing from elsewhere


def test_a_link_made_by_keyboard_alone_is_exactly_that_line_in_the_file(
    browser: playwright.Browser, server: Server, plans: Path
) -> None:
    path = plans / "kdp-helse-sosial-omsorg.yaml"
    before = path.read_bytes()
    page = _open(browser, server)
    for _ in range(200):  # Tab to the strategy, as a person without a mouse would
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.node") == "HSO-2.2":
            break
    else:
        pytest.fail("HSO-2.2 was not reached by Tab")
    page.keyboard.press("Enter")
    page.wait_for_selector("#panel-h")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "add-id":
            break
    else:
        pytest.fail("the add-link field was not reached by Tab")
    page.keyboard.type("KPS-3.2")
    page.keyboard.press("Enter")
    expect(page.locator("#flash")).to_contain_text("Lagra")
    assert _diff(before, path.read_bytes()) == [
        "-        follows_up: [KPS-3.1.1]",
        "+        follows_up: [KPS-3.1.1, KPS-3.2]",
    ]
    assert page.locator("#follows-up").inner_text().count("KPS-3.2") >= 1
    # focus stays usable: the panel holds it, and the undo button is there for the next key
    assert not page.locator("#undo").is_disabled()


def test_an_edit_saved_elsewhere_shows_on_the_page_within_a_second(
    browser: playwright.Browser, server: Server, plans: Path
) -> None:
    page = _open(browser, server)
    page.wait_for_timeout(300)  # the event stream is open
    path = plans / "handlingsdel-2025-2028.yaml"
    started = time.monotonic()
    path.write_bytes(path.read_bytes().replace(b"Opne frisklivssentralen", b"Opne frisklivshuset"))
    expect(page.locator('a.node[data-node="HP-1"]')).to_contain_text("frisklivshuset", timeout=2000)
    assert time.monotonic() - started < 1.5  # 1 s, with room for a busy test machine


def test_a_stale_pages_edit_gets_the_conflict_message_and_nothing_is_lost(
    browser: playwright.Browser, server: Server, plans: Path
) -> None:
    first = _open(browser, server)
    second = _open(browser, server)
    second.route("**/api/events", lambda route: route.abort())  # it hears of no change
    second.goto(server.root + "/?node=HP-2")
    second.wait_for_selector("#set-status")
    first.goto(server.root + "/?node=HP-2")
    first.select_option("#status-code", "done")
    first.locator("#set-status button").click()
    expect(first.locator("#flash")).to_contain_text("Lagra")
    path = plans / "handlingsdel-2025-2028.yaml"
    after_first = path.read_bytes()
    second.fill("#add-id", "HSO-1.3")
    second.locator("#add-link button").click()
    expect(second.locator("#flash")).to_have_class(re.compile(r"\bbad\b"))
    assert "endra sidan" in second.locator("#flash").inner_text()
    assert path.read_bytes() == after_first  # the first page's edit stands, nothing written
    # the second page now shows the new state: its next try is made and keeps both
    assert second.locator("#status-code").input_value() == "done"
    second.fill("#add-id", "HSO-1.3")
    second.locator("#add-link button").click()
    expect(second.locator("#flash")).to_contain_text("Lagra")
    text = path.read_text(encoding="utf-8")
    assert "follows_up: [HSO-1.2, HSO-1.3]" in text and "status: fullført" in text


def test_the_page_reads_without_javascript(browser: playwright.Browser, server: Server) -> None:
    page = _open(browser, server, java_script_enabled=False)
    assert page.locator("a.node").count() == 50
    page.locator('a.node[data-node="HSO-1"]').click()
    page.wait_for_selector("#panel-h")
    assert "HSO-1" in page.locator("#panel-h").inner_text()
    assert page.locator("a.node.lit").count() > 3  # the thread, drawn by the server
    assert page.locator("section.edit").is_hidden()  # editing needs JavaScript
    page.fill("#q", "bustad")
    page.locator("form.filters button[type=submit]").click()
    assert 0 < page.locator("a.node").count() < 50


@pytest.mark.parametrize(
    "path",
    ["/", "/?node=KPS-1.1", "/?node=HP-3", "/?alert=1&lang=en", "/status", "/frameworks", "/diff"],
)
def test_no_serious_accessibility_violations(
    browser: playwright.Browser, server: Server, path: str
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = _open(browser, server)
    page.goto(server.root + path)
    page.wait_for_load_state("load")
    page.wait_for_timeout(200)  # the script has shown the editing controls
    results = Axe().run(page)
    bad = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert bad == []


def test_every_control_is_reachable_by_keyboard_with_visible_focus(
    browser: playwright.Browser, server: Server
) -> None:
    page = _open(browser, server)
    page.goto(server.root + "/?node=HP-3")
    page.wait_for_selector("#set-status")
    seen: set[str] = set()
    for _ in range(160):
        page.keyboard.press("Tab")
        info = page.evaluate(
            """() => { const e = document.activeElement;
            if (!e || e === document.body) return ["", "body", "body"];
            const s = getComputedStyle(e);
            return [e.id || e.dataset.node || e.textContent.trim().slice(0, 20), s.outlineStyle,
                    s.outlineWidth]; }"""
        )
        if info[1] == "body":
            continue  # past the last control: the browser's own bar, then round again
        seen.add(info[0])
        assert info[1] != "none" and info[2] != "0px", info
    assert {"q", "add-id", "status-code", "reason", "Fjern HSO-1.3", "panel-close"} <= seen
