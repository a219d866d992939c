"""Every HTML page maltrace writes, as a planner (and a screen-reader or keyboard user) meets
it in Chromium: axe-core finds nothing serious, tables fit the window, the search says when
nothing matches, a highlighted thread dims its arrows too, and printing keeps a figure whole and
a heading with what follows it."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS
from test_report_browser import ARGS, CHROMIUM, playwright

from maltrace import check
from maltrace.render.check.report import write_report

ROOT = Path(__file__).resolve().parent.parent
DIFF = ROOT / "tests" / "data" / "diff"


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The report, status, diff and suggest pages of the example plans."""
    from maltrace.api import status as run_status
    from maltrace.render.status.document import write_status_report

    folder = tmp_path_factory.mktemp("pages")
    out = {name: folder / f"{name}.html" for name in ("report", "status", "diff", "suggest")}
    write_report(check(EXAMPLE_PLANS), out["report"])
    write_status_report(run_status(EXAMPLE_PLANS, today=dt.date(2026, 12, 2)), out["status"])
    cli = [str(ROOT / ".venv" / "bin" / "maltrace")]
    if not Path(cli[0]).exists():
        import sys

        cli = [sys.executable, "-m", "maltrace"]
    # (diff ends with 1 when the plans differ, as they do here)
    subprocess.run(
        [*cli, "diff", str(DIFF / "utkast"), str(DIFF / "vedteken"), "-o", str(out["diff"])],
        capture_output=True,
    )
    subprocess.run(
        [*cli, "suggest", str(EXAMPLE_PLANS), "-o", str(out["suggest"])], capture_output=True
    )
    assert all(p.exists() for p in out.values())
    return out


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            b.close()


def _open(browser, path: Path, width: int = 1280):  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(path.resolve().as_uri())
    page.wait_for_load_state("load")
    return page


# -- accessibility (WCAG 2.1 AA) ----------------------------------------------------------------


@pytest.mark.parametrize("name", ["report", "status", "diff", "suggest"])
@pytest.mark.parametrize("width", [1280, 800])
def test_axe_finds_no_serious_violation(browser, pages, name, width) -> None:  # type: ignore[no-untyped-def]
    from axe_playwright_python.sync_playwright import Axe

    page = _open(browser, pages[name], width)
    tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": tags}})
    bad = [
        f"{v['impact']} {v['id']}: {[n['target'] for n in v['nodes'][:3]]}"
        for v in result.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    page.close()
    assert not bad, f"{name} at {width} px: {bad}"


@pytest.mark.parametrize("name", ["report", "status", "diff", "suggest"])
def test_every_control_shows_where_the_keyboard_is(browser, pages, name) -> None:  # type: ignore[no-untyped-def]
    """Tab reaches each link, field, button, row and box, and each shows a focus ring."""
    page = _open(browser, pages[name])
    unseen = []
    for _ in range(400):
        page.keyboard.press("Tab")
        info = page.evaluate(
            """() => {
              const e = document.activeElement;
              if (!e || e === document.body) return null;
              const s = getComputedStyle(e);
              const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2)
                || s.boxShadow !== 'none';
              let shape = e.querySelector && e.querySelector('polygon, path');
              const drawn = shape && parseFloat(getComputedStyle(shape).strokeWidth) >= 2;
              const name = e.id || e.getAttribute('data-node') || e.textContent.slice(0, 30);
              return {tag: e.tagName, id: name, ring: ring || !!drawn};
            }"""
        )
        if info is None:
            break
        if not info["ring"]:
            unseen.append(f"{info['tag']} {info['id']}")
    page.close()
    assert not unseen, f"{name}: focus not visible on {sorted(set(unseen))[:8]}"


@pytest.mark.parametrize("name", ["report", "status", "diff"])
def test_each_diagram_has_a_text_alternative(browser, pages, name) -> None:  # type: ignore[no-untyped-def]
    page = _open(browser, pages[name])
    names = page.evaluate(
        """() => Array.from(document.querySelectorAll('figure svg')).map(svg => {
             const fig = svg.closest('figure');
             const own = svg.getAttribute('role') === 'img' && svg.getAttribute('aria-label');
             const title = svg.querySelector(':scope > title');
             const desc = svg.querySelector(':scope > desc');
             return !!(own || (title && title.textContent.trim() && desc)
                       || (fig.getAttribute('aria-label') || '').length > 20);
           })"""
    )
    page.close()
    assert names and all(names), f"{name}: {names}"


# -- the status page, the search, the thread -------------------------------------------------------


def test_status_tables_fit_the_window_at_1280(browser, pages) -> None:  # type: ignore[no-untyped-def]
    page = _open(browser, pages["status"], 1280)
    cut = page.evaluate(
        """() => Array.from(document.querySelectorAll('table')).filter(t => {
             const box = t.closest('section').getBoundingClientRect();
             return t.getBoundingClientRect().right > box.right + 1;
           }).map(t => t.closest('section').id)"""
    )
    page.close()
    assert not cut, f"tables wider than the page at 1280 px: {cut}"


def test_a_search_that_matches_nothing_says_so(browser, pages) -> None:  # type: ignore[no-untyped-def]
    page = _open(browser, pages["report"])
    page.fill("#page-search", "KPS-1.2")
    # the uncovered goals' table has no KPS-1.2: its rows are gone and it says so
    uncovered = page.locator("#uncovered")
    assert uncovered.locator("tbody tr:visible").count() == 0
    assert uncovered.get_by_text("Ingen treff").is_visible()
    assert not page.locator("#goals").get_by_text("Ingen treff").is_visible()
    page.fill("#page-search", "")
    assert not uncovered.get_by_text("Ingen treff").is_visible()
    page.close()


def test_arrows_from_dimmed_boxes_are_dimmed_too(browser, pages) -> None:  # type: ignore[no-untyped-def]
    page = _open(browser, pages["report"])
    page.locator("#diagram g[data-node='KPS-2.1']").first.click()
    opacity = page.evaluate(
        """() => Array.from(document.querySelectorAll('#diagram g.edge')).map(
             e => [e.id, getComputedStyle(e).opacity])"""
    )
    page.close()
    lit = [i for i, o in opacity if float(o) == 1.0]
    dim = [i for i, o in opacity if float(o) < 0.5]
    assert dim and lit, opacity
    assert all("KPS-2.1" in i or "HSO-2.3" in i or "KPS-2" in i for i in lit), lit


# -- printing ----------------------------------------------------------------------------------


def test_printing_keeps_each_figure_whole_and_headings_with_what_follows(
    browser, pages, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    page = _open(browser, pages["report"])
    headings = page.eval_on_selector_all("main h2", "hs => hs.map(h => h.textContent.trim())")
    labels = page.eval_on_selector_all(
        "#diagram figure svg text", "ts => ts.map(t => t.textContent.trim())"
    )
    pdf = tmp_path / "print.pdf"
    page.pdf(path=str(pdf), format="A4")
    page.close()
    text = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    sheets = text.split("\f")
    # the overview's first and last words are on the same page
    first, last = labels[0], labels[-1]
    holding = [i for i, s in enumerate(sheets) if first in s]
    assert holding and last in sheets[holding[0]], "the overview is split across pages"
    for sheet in sheets:
        lines = [" ".join(line.split()) for line in sheet.splitlines() if line.strip()]
        if lines:
            assert lines[-1] not in headings, f"{lines[-1]!r} alone at the foot of a page"


@pytest.mark.parametrize("name", ["report", "status", "diff", "suggest"])
def test_no_table_scrolls_at_1280(browser, pages, name) -> None:  # type: ignore[no-untyped-def]
    page = _open(browser, pages[name], 1280)
    scrolls = page.evaluate(
        """() => Array.from(document.querySelectorAll('.table-wrap'))
             .filter(e => e.scrollWidth > e.clientWidth).map(e => e.parentElement.id)"""
    )
    page.close()
    assert not scrolls, f"{name}: {scrolls}"
