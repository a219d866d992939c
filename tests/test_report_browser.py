"""The HTML report in a real browser: Debian's Chromium driven by playwright, no network."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS, required

from maltrace import check
from maltrace.render.check.report import write_report

CHROMIUM = os.environ.get("MALTRACE_CHROMIUM", "/usr/bin/chromium")
# CI installs the browser and sets this, so there a missing browser fails instead of skipping.
REQUIRED = required("MALTRACE_REQUIRE_BROWSER")
if not REQUIRED:
    pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')"
    )
from playwright import sync_api as playwright  # noqa: E402


@pytest.fixture(autouse=True)
def chromium_found() -> None:
    """Each test skips without Chromium, or fails when MALTRACE_REQUIRE_BROWSER is set."""
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        missing = f"no Chromium at {CHROMIUM} (apt-get install chromium; .ci/run does)"
        if REQUIRED:
            pytest.fail(f"MALTRACE_REQUIRE_BROWSER is set, but {missing}")
        pytest.skip(missing)


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
            # the overview, and one figure per framework the example uses
            assert page.locator("figure.diagram svg").count() == 5
            diagram = page.locator("#diagram figure.diagram svg")
            assert diagram.count() == 1
            box = diagram.bounding_box()
            assert box is not None and box["width"] > 300 and box["height"] > 300
            # ten chapters (the justified gaps among them) and one per framework the example uses
            assert page.locator("nav li").count() == 10 + 4
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


# -- the page you can click: a box lights its red thread, rows filter ----------------------------


def on_thread(page: playwright.Page) -> set[str]:
    nodes = page.eval_on_selector_all(
        "[data-on-thread]", "els => els.map(e => e.getAttribute('data-node'))"
    )
    return set(nodes)


def visible_rows(page: playwright.Page, section: str) -> list[str]:
    return page.locator(f"#{section} tbody tr:visible td:first-child").all_inner_texts()


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("page") / "rapport.html"
    write_report(check(EXAMPLE_PLANS), out)
    return out


@pytest.fixture
def page(page_file: Path):  # type: ignore[no-untyped-def]
    url = page_file.resolve().as_uri()
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            pg = browser.new_page(viewport={"width": 1100, "height": 1400})
            problems: list[str] = []
            requests: list[str] = []
            pg.on(
                "console",
                lambda m: problems.append(m.text) if m.type in ("error", "warning") else None,
            )
            pg.on("pageerror", lambda e: problems.append(str(e)))
            pg.on("request", lambda r: requests.append(r.url))
            pg.goto(url)
            pg.wait_for_load_state("load")
            yield pg
            # no console errors (a CSP refusal would be one), no request but the file itself
            assert problems == []
            assert requests == [url]
        finally:
            browser.close()


def test_click_a_box_in_the_diagram_highlights_its_red_thread(page: playwright.Page) -> None:
    assert page.locator("figure.diagram g[data-node]").count() == 41  # every box
    page.locator("figure.diagram g[data-node='HSO-3.2']").click()
    # the strategy, the goal it sits under, what they follow up (and their area), the tiltak
    # that follows it up
    expected = {"HSO-3.2", "HSO-3", "KPS-1.3", "KPS-1.2", "KPS-1", "HP-4"}
    assert on_thread(page) == expected
    # the same nodes in the tables carry the attribute too; others do not
    assert page.locator("#goals tr[data-node='KPS-1.3'][data-on-thread]").count() == 1
    assert page.locator("#per-area tr[data-node='KPS-1'][data-on-thread]").count() == 1
    assert page.locator("#goals tr[data-node='KPS-2.1'][data-on-thread]").count() == 0
    assert page.locator("body.threading").count() == 1
    status = page.locator("#page-status").inner_text()
    assert "HSO-3.2" in status
    # a second click clears
    page.locator("figure.diagram g[data-node='HSO-3.2']").click()
    assert on_thread(page) == set()
    assert page.locator("body.threading").count() == 0


def test_a_goal_lights_up_everything_that_follows_it_down_to_tiltak(page: playwright.Page) -> None:
    page.locator("#goals tr[data-node='KPS-1.1']").click()
    thread = on_thread(page)
    assert {"KPS-1.1", "KPS-1.1.1", "KPS-1.1.2", "KPS-1"} <= thread  # delmål and area
    assert {"HSO-1", "HSO-1.1", "HP-1", "HP-2", "HP-3"} <= thread  # down to tiltak
    assert not thread & {"KPS-2.1", "HSO-3", "HP-4", "HP-6"}
    page.keyboard.press("Escape")
    assert on_thread(page) == set()


def test_enter_on_a_focused_row_and_escape(page: playwright.Page) -> None:
    row = page.locator("#goals tr[data-node='KPS-2.2']")
    row.focus()
    page.keyboard.press("Enter")
    assert on_thread(page) == {"KPS-2", "KPS-2.2", "KPS-2.2.1"}
    assert row.get_attribute("aria-current") == "true"
    page.keyboard.press("Escape")
    assert on_thread(page) == set()
    # an orphan's thread is itself alone: nothing above it
    page.locator("#orphans tr[data-node='HP-6']").focus()
    page.keyboard.press("Enter")
    assert on_thread(page) == {"HP-6"}


def test_keyboard_reaches_every_control(page: playwright.Page) -> None:
    reached: list[str] = []
    for _ in range(40):
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate(
                "() => { const el = document.activeElement;"
                " return el.id || el.getAttribute('data-node') || el.tagName; }"
            )
        )
    # after the table of contents: the search field, the toggle, then the rows (the clear
    # button is disabled until something is highlighted)
    start = reached.index("page-search")
    assert reached[start : start + 3] == ["page-search", "page-only-alert", "KPS-1"]
    # every box and node row can be focused; boxes are buttons with a name
    box = page.locator("figure.diagram g[data-node='KPS-1.1']")
    assert box.get_attribute("tabindex") == "0" and box.get_attribute("role") == "button"
    assert (box.get_attribute("aria-label") or "").startswith("KPS-1.1 Innbyggjarane")
    assert page.locator("tr[data-node]:not([tabindex='0'])").count() == 0
    # the boxes are not hidden inside an image from screen readers
    overview = page.locator("figure.diagram").first
    assert overview.get_attribute("role") == "group"
    # pictures without boxes to click (the frameworks') stay images
    assert page.locator("figure.diagram[role='img'] g[data-node]").count() == 0
    assert page.get_by_role("button", name="KPS-1.1 Innbyggjarane", exact=False).count() == 1
    assert page.get_by_label("Søk i tabellane").count() == 1
    assert page.get_by_label("Vis berre det som ikkje er følgt opp").count() == 1


def test_search_filters_the_tables_by_id_or_words(page: playwright.Page) -> None:
    assert len(visible_rows(page, "goals")) == 18
    page.fill("#page-search", "einsemd")
    assert visible_rows(page, "goals") == ["KPS-1.1.2"]
    assert visible_rows(page, "uncovered") == ["KPS-1.1.2"]
    assert page.locator("#plans tbody tr:visible").count() == 3  # the plan list stays
    page.fill("#page-search", "hso-3.2 omsorgsplassar")  # an id and a word, any case
    assert visible_rows(page, "goals") == ["KPS-1.3"]  # followed up by HSO-3.2
    page.fill("#page-search", "")
    assert len(visible_rows(page, "goals")) == 18
    assert "rader" not in page.locator("#page-status").inner_text()


def test_toggle_shows_only_what_is_not_followed_up(page: playwright.Page) -> None:
    page.check("#page-only-alert")
    assert visible_rows(page, "goals") == ["KPS-1.1.2", "KPS-2.2", "KPS-2.2.1", "KPS-5.1", "HSO-2"]
    assert visible_rows(page, "orphans") == ["HP-6"]
    assert "rader blir viste" in page.locator("#page-status").inner_text()
    # in the diagram, what is followed up is dimmed; the marked boxes stay
    assert page.locator("body.only-alert").count() == 1
    assert page.locator("figure.diagram g[data-alert]").count() == 6
    page.uncheck("#page-only-alert")
    assert len(visible_rows(page, "goals")) == 18


def test_without_javascript_the_page_reads_as_a_plain_report(page_file: Path) -> None:
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            context = browser.new_context(java_script_enabled=False)
            pg = context.new_page()
            pg.goto(page_file.resolve().as_uri())
            assert not pg.locator("#page-bar").is_visible()
            assert not pg.locator("#page-tools").is_visible()
            # no controls without the script; only a wide table's scrolling box takes focus
            assert pg.locator("[tabindex]:not(.table-wrap)").count() == 0
            assert pg.locator("figure.diagram").first.get_attribute("role") == "img"
            assert pg.locator("#diagram figure.diagram svg").count() == 1
            assert pg.locator("#goals tbody tr").count() == 18
        finally:
            browser.close()


def test_hostile_plan_text_cannot_break_the_page(write_set) -> None:  # type: ignore[no-untyped-def]
    from conftest import plan_yaml

    nasty = "</script><script>alert(1)</script><!-- \u2028 & ]]>"
    folder = write_set(
        kps=plan_yaml("KPS", type="samfunnsplan", goals=[{"id": "G1", "title": nasty}]),
        kdp=plan_yaml(
            "KDP", follows=["KPS"], strategies=[{"id": "S1", "title": nasty, "follows_up": ["G1"]}]
        ),
    )
    out = folder / "side.html"
    write_report(check(folder), out)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            pg = browser.new_page()
            problems: list[str] = []
            pg.on("console", lambda m: problems.append(m.text))
            pg.on("pageerror", lambda e: problems.append(str(e)))
            pg.on("dialog", lambda d: problems.append("dialog " + d.message))
            pg.goto(out.resolve().as_uri())
            pg.locator("figure.diagram g[data-node='G1']").click()
            assert on_thread(pg) == {"G1", "S1"}
            label = pg.locator("figure.diagram g[data-node='S1']").get_attribute("aria-label")
            assert (label or "").startswith("S1 </script><script>alert(1)</script><!--")
            assert problems == []
        finally:
            browser.close()
