"""Readable diagrams at any size: over 150 boxes, or scaled below 75 %, the report shows one
diagram per satsingsområde (split further while too big), and ``maltrace diagram --split area``
writes one file per part."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from test_diagram import PLANS, load, svg_text, write_plans
from typer.testing import CliRunner

from maltrace.analysis import Analysis
from maltrace.cli import app
from maltrace.render.check.report import write_report
from maltrace.render.diagram import (
    LARGE_VIEW,
    MIN_READABLE_SCALE,
    build_diagram,
    diagram_blocks,
    diagram_figures,
    render_svg,
    split_parts,
    svg_scale,
    svg_size,
)
from maltrace.render.document import Figure, Paragraph


@pytest.fixture(scope="module")
def example() -> Analysis:
    return load(PLANS)


def big_set(folder: Path, areas: int = 4, goals: int = 10, extra: int = 0) -> Path:
    """A samfunnsdel of ``areas`` × ``goals`` goals with 3 delmål each; a kommunedelplan with a
    strategy per goal and delmål; ``extra`` strategies more on goal A0.0 (one big thread)."""
    top_areas = [
        {
            "id": f"A{a}",
            "title": f"Område {a} for innbyggjarane",
            "goals": [
                {
                    "id": f"A{a}.{g}",
                    "title": f"Mål {a}.{g} om gode liv",
                    "goals": [{"id": f"A{a}.{g}.{d}", "title": f"Delmål {d}"} for d in range(3)],
                }
                for g in range(goals)
            ],
        }
        for a in range(areas)
    ]
    strategies = [
        {"id": f"S{a}.{g}.{d}", "title": "Ein strategi", "follows_up": [f"A{a}.{g}.{d}"]}
        for a in range(areas)
        for g in range(goals)
        for d in range(2)  # the third delmål is left hanging
    ]
    strategies += [
        {"id": f"X{i}", "title": "Ein strategi til", "follows_up": ["A0.0"]} for i in range(extra)
    ]
    strategies.append({"id": "LAUS", "title": "Ein strategi utan spor"})
    plans: dict[str, Any] = {
        "top": {
            "plan": {"id": "TOP", "type": "samfunnsplan", "title": "Samfunnsdel"},
            "areas": top_areas,
        },
        "kdp": {
            "plan": {"id": "KDP", "type": "kommunedelplan", "title": "KDP", "follows": ["TOP"]},
            "strategies": strategies,
        },
    }
    return write_plans(folder, **plans)


def test_a_readable_overview_stays_one_figure(example: Analysis) -> None:
    figures = diagram_figures(example)
    assert len(figures) == 1
    assert figures[0].key == "diagram"
    svg = figures[0].draw("svg").decode()
    assert "Den raude tråden – oversikt" in svg_text(svg)
    assert figures[0].draw("png")[:8] == b"\x89PNG\r\n\x1a\n"


def test_over_150_boxes_the_report_shows_one_diagram_per_area(tmp_path: Path) -> None:
    analysis = load(big_set(tmp_path / "big"))
    whole = build_diagram(analysis)
    assert len(whole.boxes) > LARGE_VIEW
    blocks = diagram_blocks(analysis)
    assert isinstance(blocks[0], Paragraph) and f"{len(whole.boxes)} boksar" in blocks[0].text
    figures = [b for b in blocks if isinstance(b, Figure)]
    # in order: the parts of A0, A1, A2, A3 (each area split to fit a page), then the orphan
    areas = [re.sub(r"^diagram-\d+-(A\d|orphans).*$", r"\1", f.key) for f in figures]
    assert areas == sorted(areas, key=lambda a: (a == "orphans", a))
    assert set(areas) == {"A0", "A1", "A2", "A3", "orphans"} and areas[-1] == "orphans"
    a1 = [f for f in figures if "-A1" in f.key]
    assert a1[0].caption.startswith(
        "Den raude tråden for satsingsområde A1 Område 1 for innbyggjarane (del 1 av"
    )
    svg = a1[0].draw("svg").decode()
    text = svg_text(svg)
    assert "A1.0.2 Delmål 2 × Ikkje følgd opp" in text
    # the area's own oppfølgingsgrad (10 goals × 4, two delmål of three followed up each)
    assert "Oppfølgingsgrad i A1: 75 % (30 av 40 mål i satsingsområdet er følgde opp)" in text
    assert "A0.1 " not in text and "A2.1 " not in text  # only its own area
    assert svg_scale(svg) >= MIN_READABLE_SCALE
    assert "LAUS" in svg_text(figures[-1].draw("svg").decode())


def test_every_goal_is_in_a_part_and_no_part_is_too_big(tmp_path: Path) -> None:
    analysis = load(big_set(tmp_path / "big", areas=2, goals=30, extra=160))
    parts = split_parts(analysis)
    shown = set().union(*(p.diagram.boxes for p in parts))
    assert {g.id for g in analysis.goals} <= shown
    assert set(analysis.orphans) <= shown
    assert {link.source for link in analysis.links} <= shown
    # A0 has 30 goals × 6 boxes: split in parts; the goal with 160 followers is shown once per
    # group of them, each part within the limits
    a0 = [p for p in parts if "A0" in p.key]
    assert len(a0) > 2 and all("(del " in p.diagram.title for p in a0)
    assert all(len(p.diagram.boxes) <= LARGE_VIEW for p in parts)
    with_big_goal = [p for p in parts if "A0.0" in p.diagram.boxes]
    assert len(with_big_goal) > 2
    shown_x = set().union(*(p.diagram.boxes for p in with_big_goal))
    assert {f"X{i}" for i in range(160)} <= shown_x


def test_every_part_of_the_example_fits_an_a4_page_at_75_percent(example: Analysis) -> None:
    page = 22 / 2.54 * 72
    parts = split_parts(example)
    for p in parts:
        svg = render_svg(p.diagram)
        _width, height = svg_size(svg)
        assert svg_scale(svg) * min(1.0, page / height) >= MIN_READABLE_SCALE, p.key


def test_scaled_below_75_percent_it_splits_too(example: Analysis) -> None:
    assert len(build_diagram(example, width_cm=8).boxes) <= LARGE_VIEW
    figures = diagram_figures(example, width_cm=8)
    assert len(figures) > 5  # KPS-1 … KPS-5 (split to fit) and the orphan
    assert figures[-1].key.endswith("-orphans")


def test_html_and_docx_reports_of_a_big_set_hold_the_parts(tmp_path: Path) -> None:
    analysis = load(big_set(tmp_path / "big"))
    page = tmp_path / "r.html"
    write_report(analysis, page)
    html = page.read_text(encoding="utf-8")
    count = len(split_parts(analysis, legend="first"))
    assert count > 5
    assert html.count('<figure class="diagram"') == count
    assert "eitt diagram per satsingsområde" in html
    # the legend under the first part (the parts follow one another), and under the orphans'
    # part, the only one with their dotted frame
    assert html.count("Teiknforklaring") == 2
    docx = tmp_path / "r.docx"
    write_report(analysis, docx)
    import zipfile

    media = [n for n in zipfile.ZipFile(docx).namelist() if n.startswith("word/media/")]
    assert len(media) == count


def test_cli_split_area_writes_one_file_per_part(tmp_path: Path) -> None:
    out = tmp_path / "deler"
    result = CliRunner().invoke(app, ["diagram", str(PLANS), "--split", "area", "-o", f"{out}/"])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "1-KPS-1-1.svg",  # KPS-1 is too tall for one page: three parts
        "2-KPS-1-2.svg",
        "3-KPS-1-3.svg",
        "4-KPS-2.svg",
        "5-KPS-3.svg",
        "6-KPS-4.svg",
        "7-KPS-5.svg",
        "8-orphans.svg",
    ]
    assert "Skreiv 8 diagram" in result.output
    text = svg_text((out / "5-KPS-3.svg").read_text(encoding="utf-8").split("\n", 1)[1])
    assert "satsingsområde KPS-3" in text
    assert "(del" not in text
    png = CliRunner().invoke(
        app, ["diagram", str(PLANS), "--split", "area", "--format", "png", "-o", str(out)]
    )
    assert png.exit_code == 0
    assert (out / "1-KPS-1-1.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(
    "extra",
    [["--plan", "KDP-HSO"], ["-o", "-"], ["-o", "FILE"]],
)
def test_cli_split_bad_usage_exits_2(tmp_path: Path, extra: list[str]) -> None:
    (tmp_path / "fil").write_text("x")
    args = ["diagram", str(PLANS), "--split", "area", "-o", str(tmp_path / "d")]
    args += [str(tmp_path / "fil") if a == "FILE" else a for a in extra]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert re.search(r"--split|mappe", result.output)
    assert "Traceback" not in result.output


# -- invariants on random plan sets ---------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from test_properties import plan_sets  # noqa: E402

from maltrace.analysis import analyse  # noqa: E402
from maltrace.graph import build_graph  # noqa: E402


@settings(max_examples=60, deadline=None)
@given(plan_sets(), st.integers(2, 12))
def test_parts_show_every_goal_follower_and_orphan_and_stay_small(data, max_boxes) -> None:  # type: ignore[no-untyped-def]
    plan_set, _goal_ids, _links, _parents = data
    analysis = analyse(build_graph(plan_set))
    parts = split_parts(analysis, max_boxes=max_boxes)
    shown = set().union(*(p.diagram.boxes for p in parts)) if parts else set()
    assert {g.id for g in analysis.goals} <= shown
    assert {x.source for x in analysis.links} <= shown
    assert set(analysis.orphans) <= shown
    keys = [p.key for p in parts]
    assert len(set(keys)) == len(keys)  # one file per part, none written over another


def _scale_on_a_page(svg: str) -> float:
    """How large a picture is printed on an A4 page: the layout's own scale to the text width,
    times what fitting it into the page height takes off."""
    from maltrace.render.diagram import PAGE_HEIGHT_CM, svg_scale, svg_size

    height = svg_size(svg)[1]
    return svg_scale(svg) * min(1.0, PAGE_HEIGHT_CM / 2.54 * 72 / height)


def test_word_never_shrinks_the_diagram_below_75_percent_to_fit_the_page(example, tmp_path):
    # The example's overview fits the page width, but is too tall for a page: Word would shrink it
    # to the page height until its labels are hard to read. On paper it is split instead.
    (whole,) = diagram_figures(example)
    assert _scale_on_a_page(whole.draw("svg").decode()) < 0.75
    paged = [b for b in diagram_blocks(example, paged=True) if isinstance(b, Figure)]
    assert len(paged) > 1
    assert all(_scale_on_a_page(f.draw("svg").decode()) >= 0.7 for f in paged)
    out = tmp_path / "r.docx"
    write_report(example, out)
    from docx import Document

    assert len(Document(str(out)).inline_shapes) == len(paged) + 4  # and one per framework
