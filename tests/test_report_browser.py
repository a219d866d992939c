"""The HTML report in a real browser: Debian's Chromium driven by playwright, no network."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS

from maltrace import check
from maltrace.render.report import write_report

CHROMIUM = os.environ.get("MALTRACE_CHROMIUM", "/usr/bin/chromium")
# CI installs the browser and sets this, so there a missing browser fails instead of skipping.
REQUIRED = bool(os.environ.get("MALTRACE_REQUIRE_BROWSER"))
if not REQUIRED:
    pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')"
    )
from playwright import sync_api as playwright  # noqa: E402

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


def test_html_report_opens_offline_with_diagram_and_tables(tmp_path):
    page_file = tmp_path / "rapport.html"
    write_report(check(EXAMPLE_PLANS), page_file)
    url = page_file.resolve().as_uri()
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 1400})
            requests: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            page.goto(url)
            page.wait_for_load_state("load")
            # nothing but the page itself: no fonts, scripts or pictures from anywhere
            assert requests == [url]
            assert page.title() == "Oppfølging av planane"
            # the overview, and one figure per framework the example uses (issue 12)
            assert page.locator("figure.diagram svg").count() == 5
            diagram = page.locator("#diagram figure.diagram svg")
            assert diagram.count() == 1
            box = diagram.bounding_box()
            assert box is not None and box["width"] > 300 and box["height"] > 300
            assert page.locator("nav li").count() == 10 + 4  # + justified gaps (issue 11)
            ladder = page.locator("#framework-AMT tbody tr")
            assert ladder.count() == 7 and "Tomt trinn" in ladder.nth(0).inner_text()
            per_plan = page.locator("#per-plan table tbody tr")
            assert per_plan.count() == 2
            assert "90,9" in per_plan.nth(0).inner_text()
            uncovered = page.locator("#uncovered tbody tr td:first-child").all_inner_texts()
            assert uncovered == ["KPS-1.1.2", "KPS-2.2", "KPS-2.2.1", "HSO-2"]
            justified = page.locator("#justified tbody tr td:first-child").all_inner_texts()
            assert justified == ["KPS-5.1"]
            shot = tmp_path / "rapport.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
            pdf = page.pdf(format="A4")
            assert pdf[:5] == b"%PDF-"
        finally:
            browser.close()
