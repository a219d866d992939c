"""A KPI's comparison regions in the indicator chart, as planners know it from KOSTRA: the
kommune bold, the country and the KOSTRA group as reference lines, other kommunar light."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest

from maltrace import api
from maltrace.analysis.status import IndicatorStatus
from maltrace.render.charts import indicator_chart

FIX = Path(__file__).parent / "fixtures" / "portal" / "852a941"
TODAY = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("portal") / "plans"
    api.import_portal(FIX, out)
    return out


@pytest.fixture(scope="module")
def indicator(imported: Path) -> IndicatorStatus:
    (ind,) = api.status(imported, today=TODAY, cache=False).indicators
    return ind


def _strokes(svg: str) -> set[tuple[str, float]]:
    found = re.findall(r"stroke: (#[0-9a-f]{6}); stroke-width: ([0-9.]+)", svg)
    return {(colour, float(width)) for colour, width in found}


def test_status_carries_the_comparison_regions(indicator: IndicatorStatus) -> None:
    labels = [(label, group) for label, group, _ in indicator.comparisons]
    assert len(labels) == 10
    assert labels[-2:] == [("Landet", "country"), ("KOSTRA-gruppe 7", "kostra")]
    stavanger = indicator.comparisons[0][2]
    assert stavanger[0] == (2015, 90.9)


def test_the_kommune_is_bold_the_references_styled_the_neighbours_light(
    indicator: IndicatorStatus,
) -> None:
    svg = indicator_chart(indicator, "nb", "svg")
    assert svg == indicator_chart(indicator, "nb", "svg")  # the same bytes every time
    strokes = _strokes(svg.decode())
    widest = max(strokes, key=lambda s: s[1])
    assert widest[0] == "#000000"  # the kommune's own line is the boldest
    assert ("#b8b8b8", 0.8) in strokes  # other kommunar: thin and light
    assert {("#222222", 1.6), ("#555555", 1.4)} <= strokes  # the country, the KOSTRA group
    # Still readable in black and white: greys only.
    assert all(c[1:3] == c[3:5] == c[5:7] for c, _ in strokes)
    plain = dataclasses.replace(indicator, comparisons=())
    assert ("#b8b8b8", 0.8) not in _strokes(indicator_chart(plain, "nb", "svg").decode())


def test_the_chart_is_in_the_word_and_html_reports(imported: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from maltrace.cli import app

    for suffix in ("docx", "html"):
        target = tmp_path / f"status.{suffix}"
        args = ["status", str(imported), "-o", str(target), "--today", str(TODAY)]
        res = CliRunner().invoke(app, args)
        assert res.exit_code == 0, res.output
    with zipfile.ZipFile(tmp_path / "status.docx") as z:
        assert any(n.startswith("word/media/") for n in z.namelist())
    html = (tmp_path / "status.html").read_text(encoding="utf-8")
    assert "95 prosent i ordinært tilbud" in html and ("<svg" in html or "<img" in html)


def test_the_chart_in_word_opens_in_libreoffice(imported: Path, tmp_path: Path) -> None:
    from test_office import to_pdf_text

    target = tmp_path / "status.docx"
    api_status = api.status(imported, today=TODAY, cache=False)
    assert api_status.indicators
    from typer.testing import CliRunner

    from maltrace.cli import app

    args = ["status", str(imported), "-o", str(target), "--today", str(TODAY), "--lang", "nb"]
    assert CliRunner().invoke(app, args).exit_code == 0
    text = to_pdf_text(target)
    assert "Utvikling" in text and "95 prosent i ordinært tilbud" in text


def test_the_chart_in_the_browser(imported: Path, tmp_path: Path) -> None:
    """The status page of the imported portal data in Debian's Chromium: the chart is drawn
    (an SVG of real size), offline."""
    pytest.importorskip("playwright.sync_api")
    import os
    import shutil

    from playwright import sync_api as playwright

    chromium = os.environ.get("MALTRACE_CHROMIUM", "/usr/bin/chromium")
    if not (Path(chromium).exists() or shutil.which(chromium)):
        if os.environ.get("MALTRACE_REQUIRE_BROWSER"):
            pytest.fail(f"MALTRACE_REQUIRE_BROWSER is set but there is no Chromium at {chromium}")
        pytest.skip(f"no Chromium at {chromium}")
    from typer.testing import CliRunner

    from maltrace.cli import app

    page_file = tmp_path / "status.html"
    args = ["status", str(imported), "-o", str(page_file), "--today", str(TODAY), "--lang", "nb"]
    assert CliRunner().invoke(app, args).exit_code == 0
    url = page_file.resolve().as_uri()
    browser_args = [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ]
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=browser_args)
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 1400})
            requests: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            page.goto(url)
            page.wait_for_load_state("load")
            assert requests == [url]
            chart = page.locator("figure.diagram[aria-label*='ordinaert-opplaeringstilbud-95']")
            assert chart.count() == 1
            box = chart.bounding_box()
            assert box is not None and box["width"] > 300 and box["height"] > 200
        finally:
            browser.close()
