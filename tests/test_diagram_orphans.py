"""Orphans in the diagram: what has no trace upwards is drawn in its plan's frame, marked in
words and by a dotted frame (legible in black and white), in the overview and the plan view."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from test_diagram import PLANS, SVG, dot_ports, load, svg_text, write_plans

from maltrace.analysis import Analysis
from maltrace.render.diagram import build_diagram
from maltrace.render.diagram import dot as _dot
from tests.drawing import diagram_svg


@pytest.fixture(scope="module")
def example() -> Analysis:
    return load(PLANS)


def dotted_cells(dot: str) -> set[str]:
    return set(re.findall(r'PORT="([^"]+)"[^>]*BORDER="2" STYLE="dotted"', dot))


def test_the_example_orphan_is_in_the_overview_in_its_plans_column(example: Analysis) -> None:
    assert example.orphans == ("HP-6",)
    diagram = build_diagram(example)
    assert "HP-6" in diagram.boxes
    assert diagram.orphans == ("HP-6",)
    assert "HP-6" in dot_ports(diagram.dot)
    assert dotted_cells(diagram.dot) == {"HP-6"}
    # In the handlingsdel's frame, the same frame as the other tiltak.
    dot = diagram.dot
    hp_frame = dot[dot.rindex("HP-2025: Handlingsdel") :]
    hp_frame = hp_frame[: hp_frame.index("\n\t}")]
    assert 'PORT="HP-6"' in hp_frame and 'PORT="HP-1"' in hp_frame


@pytest.mark.parametrize(
    ("lang", "words"),
    [("nn", "? Utan spor oppover"), ("nb", "? Uten spor oppover"), ("en", "? No trace upwards")],
)
def test_orphans_are_marked_in_words_in_each_language(
    example: Analysis, lang: str, words: str
) -> None:
    svg = diagram_svg(example, lang=lang)  # type: ignore[arg-type]
    text = svg_text(svg)
    # once in the box, once in the legend (whose row starts with the same words)
    assert text.count(words) == 2
    # the box says it right under its title
    assert re.search(r"HP-6 Nytt turnusprosjekt .*helgene " + re.escape(words), text)


def test_orphan_frame_is_heavy_and_dotted_not_colour_alone(example: Analysis) -> None:
    root = ET.fromstring(diagram_svg(example))
    dotted = [
        p
        for p in root.iter(f"{SVG}polygon")
        if p.get("stroke-dasharray") == "1,5"
        and p.get("stroke") == "black"
        and p.get("stroke-width") == "2"
    ]
    assert len(dotted) == 2  # the box and the legend's sample


def test_plan_view_marks_the_plans_own_orphans(example: Analysis) -> None:
    diagram = build_diagram(example, plan="HP-2025")
    assert "HP-6" in diagram.boxes
    assert diagram.orphans == ("HP-6",)
    assert dotted_cells(diagram.dot) == {"HP-6"}
    assert "Utan spor oppover" in svg_text(diagram_svg(example, plan="HP-2025"))
    # a plan with no orphans: no dotted box, no legend row
    other = build_diagram(example, plan="KDP-HSO")
    assert other.orphans == () and not dotted_cells(other.dot)
    assert "Utan spor oppover" not in other.dot


def test_a_diagram_without_orphans_has_no_orphan_legend(tmp_path: Path) -> None:
    folder = write_plans(
        tmp_path / "p",
        top={
            "plan": {"id": "TOP", "type": "samfunnsplan", "title": "Samfunnsdel"},
            "goals": [{"id": "M1", "title": "Eit mål"}],
        },
        sub={
            "plan": {"id": "SUB", "type": "kommunedelplan", "title": "Sub", "follows": ["TOP"]},
            "strategies": [{"id": "S1", "title": "Ein strategi", "follows_up": ["M1"]}],
        },
    )
    diagram = build_diagram(load(folder))
    assert diagram.orphans == ()
    assert "Utan spor oppover" not in diagram.dot


def test_an_orphan_strategy_with_tiltak_under_it_says_so_once(tmp_path: Path) -> None:
    folder = write_plans(
        tmp_path / "p",
        top={
            "plan": {"id": "TOP", "type": "samfunnsplan", "title": "Samfunnsdel"},
            "goals": [{"id": "M1", "title": "Eit mål"}],
        },
        sub={
            "plan": {"id": "SUB", "type": "kommunedelplan", "title": "Sub", "follows": ["TOP"]},
            "strategies": [
                {"id": "S1", "title": "Ein strategi", "follows_up": ["M1"]},
                {
                    "id": "S2",
                    "title": "Ein laus strategi",
                    "measures": [
                        {"id": "T1", "title": "Eit tiltak under"},
                        {"id": "T2", "title": "Eit tiltak til", "follows_up": ["M1"]},
                    ],
                },
            ],
        },
    )
    analysis = load(folder)
    assert set(analysis.orphans) == {"S2", "T1"}
    diagram = build_diagram(analysis)
    assert set(diagram.orphans) == {"S2", "T1"}
    assert dotted_cells(diagram.dot) == {_dot.node_name("S2"), _dot.node_name("T1")}
    # the words on the topmost orphan; the tiltak nested in it is dotted, not repeated
    assert svg_text(diagram_svg(analysis)).count("? Utan spor oppover") == 2  # box + legend


# -- invariants on random plan sets ---------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from test_properties import plan_sets  # noqa: E402

from maltrace.analysis import analyse  # noqa: E402
from maltrace.graph import build_graph  # noqa: E402


@settings(max_examples=60, deadline=None)
@given(plan_sets())
def test_every_orphan_is_a_dotted_box_of_the_overview_and_nothing_else_is(data) -> None:  # type: ignore[no-untyped-def]
    plan_set, _goal_ids, _links, _parents = data
    analysis = analyse(build_graph(plan_set))
    diagram = build_diagram(analysis)
    assert set(diagram.orphans) == set(analysis.orphans)
    assert set(analysis.orphans) <= set(diagram.boxes)
    assert dotted_cells(diagram.dot) == {_dot.node_name(o) for o in analysis.orphans}
    # the plan view of the following plan marks the same ones
    kdp = build_diagram(analysis, plan="KDP")
    assert set(kdp.orphans) == set(analysis.orphans)
