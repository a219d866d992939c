"""A justified gap (the plan says why a goal is not followed up: ``reason_not_followed_up``) has
its own mark in every diagram and in the legend, with the reason — not the red «Ikkje følgd opp»
of a real gap."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from conftest import ROOT

from maltrace.analysis import Analysis
from maltrace.api import check
from maltrace.render.diagram import NOT_FOLLOWED_PEN, build_diagram, split_parts

JUSTIFIED = "KPS-5.1"  # the example's justified gap
REASON_WORDS = "kommunedelplan for klima og energi"


@pytest.fixture(scope="module")
def example() -> Analysis:
    return check(ROOT / "plans")


def _cell(dot: str, node: str) -> str:
    """The HTML-like table cell of ``node``'s box in the DOT."""
    name = re.escape(html.escape(node))
    match = re.search(rf'<TD PORT="[^"]*" ID="box-[^"]*" TOOLTIP="{name}"[^>]*>.*?</TD>', dot)
    assert match, node
    return match.group(0)


def _text(cell: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", cell)).split())


@pytest.mark.parametrize(
    "view",
    [{}, {"plan": "KPS"}, {"goal": JUSTIFIED}, {"area": "KPS-5"}],
    ids=["overview", "plan", "goal", "area"],
)
def test_a_justified_gap_has_its_own_mark_with_the_reason(
    example: Analysis, view: dict[str, str]
) -> None:
    diagram = build_diagram(example, lang="nn", **view)  # type: ignore[arg-type]
    cell = _cell(diagram.dot, JUSTIFIED)
    words = _text(cell)
    assert "Grunngitt" in words and REASON_WORDS in words
    assert "× Ikkje følgd opp" not in words
    assert NOT_FOLLOWED_PEN not in cell
    assert JUSTIFIED in diagram.justified
    legend = diagram.dot[diagram.dot.index("cluster_legend") :]
    assert "Grunngitt" in html.unescape(legend)


def test_a_real_gap_keeps_its_red_mark_and_no_justified_legend_without_one(
    example: Analysis,
) -> None:
    diagram = build_diagram(example, lang="nn", goal="KPS-2.2")
    cell = _cell(diagram.dot, "KPS-2.2")
    assert NOT_FOLLOWED_PEN in cell and "Ikkje følgd opp" in _text(cell)
    legend = diagram.dot[diagram.dot.index("cluster_legend") :]
    assert "Grunngitt" not in html.unescape(legend)


def test_split_parts_mark_it_too(example: Analysis) -> None:
    parts = split_parts(example, lang="en")
    holding = [p for p in parts if JUSTIFIED in p.diagram.boxes]
    assert holding
    for part in holding:
        assert "Justified" in _text(_cell(part.diagram.dot, JUSTIFIED))


def test_the_svg_says_it_in_words(example: Analysis, tmp_path: Path) -> None:
    from maltrace.render.diagram import diagram_svg

    svg = html.unescape(diagram_svg(example, lang="nb", goal=JUSTIFIED))
    assert "Begrunnet" in svg


def test_a_reports_split_explains_the_mark_in_the_one_legend_it_has(example: Analysis) -> None:
    parts = split_parts(example, lang="nn", legend="first")
    legends = [p for p in parts if "cluster_legend { label=<" in p.diagram.dot]
    first = parts[0].diagram.dot
    assert JUSTIFIED not in parts[0].diagram.boxes  # the gap is drawn in a later part
    assert "Grunngitt" in html.unescape(first[first.index("cluster_legend") :])
    assert legends
