"""maltrace diagram: what the picture shows, that plan text cannot break it, and the files."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import office_program
from typer.testing import CliRunner

from maltrace.analysis import Analysis, analyse
from maltrace.cli import app
from maltrace.graph import build_graph
from maltrace.load import load_plan_set
from maltrace.render.diagram import (
    NOT_FOLLOWED_FILL,
    NOT_FOLLOWED_PEN,
    DiagramError,
    build_diagram,
    png_size,
    write_diagram,
)
from maltrace.render.diagram import dot as _dot
from maltrace.render.diagram.layout_program import find_program
from tests.drawing import diagram_dot, diagram_pdf, diagram_png, diagram_svg

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "plans"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def example() -> Analysis:
    return analyse(build_graph(load_plan_set([PLANS])))


def write_plans(folder: Path, **plans: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, body in plans.items():
        text = yaml.safe_dump(body, allow_unicode=True, sort_keys=False)
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return folder


def load(folder: Path) -> Analysis:
    return analyse(build_graph(load_plan_set([folder])))


# -- reading the DOT and SVG back -------------------------------------------------------------


def dot_ports(dot: str) -> set[str]:
    """Every box in the DOT: each is a table cell with a PORT."""
    return set(re.findall(r'PORT="([^"]+)"', dot))


def dot_links(dot: str) -> list[tuple[str, str]]:
    """(source, target) for every follows_up edge: ``target:port:e -> source:port:w``."""
    pattern = r'^\t"[^"]+":"([^"]+)":e -> "[^"]+":"([^"]+)":w \[class="follows-up"'
    return [(s, t) for t, s in re.findall(pattern, dot, flags=re.M)]


def dot_not_followed(dot: str) -> set[str]:
    return set(re.findall(rf'PORT="([^"]+)"[^>]*BGCOLOR="{NOT_FOLLOWED_FILL}"', dot))


def svg_lines(svg: str) -> list[str]:
    """The text of the drawing, line by line: spans on one baseline joined."""
    root = ET.fromstring(svg)
    lines: list[tuple[str, str, str]] = []
    for el in root.iter(f"{SVG}text"):
        lines.append((el.get("y") or "", el.get("x") or "", el.text or ""))
    out: list[str] = []
    last_y = None
    for y, _x, text in lines:
        if y == last_y:
            out[-1] += text
        else:
            out.append(text)
        last_y = y
    return out


def svg_text(svg: str) -> str:
    return " ".join(" ".join(svg_lines(svg)).split())


# -- the overview -------------------------------------------------------------------------------


def test_overview_has_a_box_for_every_goal_and_follower_and_an_edge_per_link(
    example: Analysis,
) -> None:
    diagram = build_diagram(example)
    goals = {g.id for g in example.goals}
    followers = {link.source for link in example.links}
    orphans = set(example.orphans)  # HP-6: no trace upwards, drawn and marked
    expected = {_dot.node_name(n) for n in goals | followers | orphans}
    assert dot_ports(diagram.dot) == expected
    assert sorted(dot_links(diagram.dot)) == sorted(
        (_dot.node_name(x.source), _dot.node_name(x.target)) for x in example.links
    )
    assert len(diagram.links) == len(example.links)


def test_not_followed_up_style_marks_exactly_the_uncovered_goals(example: Analysis) -> None:
    diagram = build_diagram(example)
    # A justified gap (the plan says why) has its own mark (test_diagram_justified.py).
    justified = {g.id for g in example.justified_goals}
    assert set(diagram.not_followed_up) == set(example.uncovered_goals)
    assert set(diagram.justified) == justified
    uncovered = set(example.uncovered_goals) - justified
    assert uncovered  # the example plans leave some goals hanging
    assert dot_not_followed(diagram.dot) == {_dot.node_name(g) for g in uncovered}
    svg = diagram_svg(example)
    root = ET.fromstring(svg)
    # One dashed red box per uncovered goal, plus the sample in the legend.
    filled = [p for p in root.iter(f"{SVG}polygon") if p.get("fill") == NOT_FOLLOWED_FILL]
    assert len(filled) == len(uncovered) + 1
    dashed = [
        p
        for p in root.iter(f"{SVG}polygon")
        if p.get("stroke-dasharray") and p.get("stroke") == NOT_FOLLOWED_PEN
    ]
    assert len(dashed) == len(uncovered) + 1
    # Not colour alone: the words are in the picture once per uncovered goal (and the legend).
    assert svg_text(svg).count("× Ikkje følgd opp") == len(uncovered) + 1


def test_svg_edges_and_texts(example: Analysis) -> None:
    svg = diagram_svg(example)
    assert svg.startswith("<svg")
    root = ET.fromstring(svg)
    edges = [g for g in root.iter(f"{SVG}g") if "follows-up" in (g.get("class") or "")]
    assert len(edges) == len(example.links)
    text = svg_text(svg)
    for g in example.goals:
        assert g.id in text
    for plan in example.plans:
        assert plan.title in text  # the title names the plans…
    assert "19. mai 2022" in text  # …and their dates
    assert "Teiknforklaring" in text
    assert "Oppfølgingsgrad: 72,2" in text


def test_same_plans_give_byte_identical_dot_svg_and_pdf(example: Analysis) -> None:
    assert diagram_dot(example) == diagram_dot(example)
    assert diagram_svg(example) == diagram_svg(example)
    assert diagram_pdf(example) == diagram_pdf(example)
    # and a fresh load of the same files too
    assert diagram_dot(load(PLANS)) == diagram_dot(example)


def test_words_follow_the_language(example: Analysis) -> None:
    assert "Ikke fulgt opp" in diagram_dot(example, lang="nb")
    english = diagram_dot(example, lang="en")
    assert "Not followed up" in english and "Legend" in english
    assert "Ikkje følgd opp" in diagram_dot(example)  # the plans are nynorsk


def test_boxes_fit_the_page_width(example: Analysis) -> None:
    svg = diagram_svg(example, width_cm=16)
    width_pt = float(re.search(r'<svg width="([\d.]+)pt"', svg).group(1))  # type: ignore[union-attr]
    assert width_pt <= 16 / 2.54 * 72 + 1


# -- the other views ---------------------------------------------------------------------------


def test_goal_view_is_the_whole_red_thread_of_one_goal(example: Analysis) -> None:
    diagram = build_diagram(example, goal="KPS-1.1")
    shown = set(diagram.boxes)
    assert {"KPS-1.1", "KPS-1.1.1", "KPS-1.1.2"} <= shown  # the goal and its delmål
    assert {"HSO-1", "HSO-1.1", "HSO-1.4"} <= shown  # what follows it up
    assert "HSO-1.1.1" in shown  # a tiltak under a strategy that follows it up
    assert "HP-1" in shown  # on to the handlingsdel
    assert not shown & {"KPS-2.1", "HSO-3", "HP-2"}
    assert set(diagram.not_followed_up) == {"KPS-1.1.2"}
    for source, target in diagram.links:
        assert source in shown and target in shown


def test_area_view(example: Analysis) -> None:
    diagram = build_diagram(example, area="KPS-3")
    shown = set(diagram.boxes)
    assert {"KPS-3.1", "KPS-3.1.1", "KPS-3.2"} <= shown
    assert "HSO-2" in shown
    assert not any(b.startswith("KPS-1") for b in shown)


def test_plan_view_shows_relevant_goals_and_the_plans_own_tree(example: Analysis) -> None:
    diagram = build_diagram(example, plan="KDP-HSO")
    shown = set(diagram.boxes)
    own = {n for n, d in example.graph.nodes(data=True) if d["plan"] == "KDP-HSO"}
    assert own <= shown  # goals, strategies and tiltak
    relevant = set(example.per_plan["KDP-HSO"].relevant)
    assert relevant <= shown
    assert "HP-1" not in shown
    assert set(diagram.not_followed_up) == set(example.per_plan["KDP-HSO"].uncovered)
    assert len(diagram.links) == sum(1 for x in example.links if x.source_plan == "KDP-HSO")


def test_unknown_or_wrong_ids_are_clear_errors(example: Analysis) -> None:
    with pytest.raises(DiagramError) as info:
        build_diagram(example, goal="KPS-1.x")
    assert info.value.code == "unknown_goal"
    assert "Meinte du" in info.value.message("nn")
    with pytest.raises(DiagramError) as info:
        build_diagram(example, goal="KPS-1")
    assert info.value.code == "wrong_kind"
    with pytest.raises(DiagramError) as info:
        build_diagram(example, plan="NOPE")
    assert info.value.code == "unknown_plan"
    with pytest.raises(DiagramError):
        build_diagram(example, plan="KPS", area="KPS-1")
    with pytest.raises(DiagramError):
        build_diagram(example, width_cm=1)


# -- hostile plan text --------------------------------------------------------------------------

HOSTILE = [
    'a "quoted" title',
    "back\\slash \\n \\l \\N \\G \\E end\\",
    "{curly} |pipe| <port>",
    "<>& and &amp; and &lt; &#198;",
    "<<b>x</b>>",
    '"]; a -> b; x [label="',
    "line one\nline two",
    "ÆØÅ æøå ÆØÅÆØÅÆØÅ",
]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Analysis:
    folder = tmp_path_factory.mktemp("hostile")
    goals = [{"id": f"G{i}", "title": title} for i, title in enumerate(HOSTILE)]
    goals.append({"id": 'K"1\\', "title": "hostile id"})
    strategies = [
        {"id": f"S{i}", "title": title, "follows_up": [f"G{i}"]} for i, title in enumerate(HOSTILE)
    ]
    strategies.append({"id": "S<&>", "title": "follows the hostile id", "follows_up": ['K"1\\']})
    write_plans(
        folder,
        top={
            "plan": {"id": "TOP", "type": "samfunnsplan", "title": 'Top "\\N" <b>&</b>'},
            "areas": [{"id": "A{1}", "title": "Area <i>\\G</i> & {x}", "goals": goals}],
        },
        sector={
            "plan": {"id": "SEC", "type": "kommunedelplan", "title": "Sector", "follows": ["TOP"]},
            "strategies": strategies,
        },
    )
    return load(folder)


def test_hostile_titles_never_break_the_dot_and_show_literally(hostile: Analysis) -> None:
    diagram = build_diagram(hostile)
    assert len(dot_links(diagram.dot)) == len(hostile.links) == len(HOSTILE) + 1
    # The DOT parses (graphviz-pure's canonical form round-trips every box).
    canon = subprocess.run(
        [find_program(), "-Tcanon"], input=diagram.dot.encode(), capture_output=True, check=True
    ).stdout.decode()
    assert dot_ports(canon) == dot_ports(diagram.dot)
    svg = diagram_svg(hostile)
    text = svg_text(svg)
    for title in HOSTILE:
        assert " ".join(title.split()) in text, title
    assert 'Top "\\N" <b>&</b>' in text
    assert "Area <i>\\G</i> & {x}" in text
    assert 'K"1\\ hostile id' in text
    # No text of a plan was taken for markup: no <b> element, no extra node or edge.
    root = ET.fromstring(svg)
    assert not list(root.iter(f"{SVG}b"))
    nodes = [g for g in root.iter(f"{SVG}g") if "node" in (g.get("class") or "").split()]
    # One node for the samfunnsdel's goals, one per strategy of the sector plan.
    assert len(nodes) == 1 + len(HOSTILE) + 1


def test_node_names_are_injective_and_safe() -> None:
    ids = ['a"b', "a%22b", "a\\", "a b", "æ-1.2", "a:b", "a_b"]
    names = [_dot.node_name(i) for i in ids]
    assert len(set(names)) == len(ids)
    for n in names:
        assert re.fullmatch(r"[\w.+%-]+", n)


def test_wrapped_labels_fit_their_width() -> None:
    text = "Æ" * 40 + " førebyggjande heimebesøk til alle som fyller 78 år"
    lines = _dot.wrap(text, 100, 9)
    assert all(_dot.text_width(line, 9) <= 100 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    # Arimo/Helvetica: Æ is a full em, graphviz-pure's table would count it as two spaces.
    assert _dot.text_width("Æ", 10) == pytest.approx(10.0)
    assert _dot.text_width("a", 10) == pytest.approx(5.56)


# -- files -----------------------------------------------------------------------------------


def test_png_is_a_png_and_is_capped_in_pixels(example: Analysis) -> None:
    data = diagram_png(example)
    width, _ = png_size(data)
    assert width == pytest.approx(16 / 2.54 * 200, abs=3)  # 200 dpi at the page width
    capped = diagram_png(example, max_pixels=200_000)
    w, h = png_size(capped)
    assert w * h <= 200_000
    assert w < width


def test_pdf_is_a_pdf_with_the_font_embedded(example: Analysis) -> None:
    data = diagram_pdf(example)
    assert data.startswith(b"%PDF-")
    assert b"/FontFile2" in data  # an embedded TrueType font
    assert b"/BaseFont /Helvetica" not in data  # no unembedded base-14 font


def test_pdf_text_reads_back(example: Analysis) -> None:
    pdftotext = office_program("pdftotext")
    text = subprocess.run(
        [pdftotext, "-", "-"], input=diagram_pdf(example), capture_output=True, check=True
    ).stdout.decode()
    assert "Ikkje følgd opp" in text
    assert "Kommunedelplan helse, sosial og omsorg" in text


@pytest.mark.parametrize(
    ("suffix", "magic"),
    [(".svg", b"<?xml"), (".png", b"\x89PNG"), (".pdf", b"%PDF"), (".dot", b"digraph")],
)
def test_write_diagram_picks_the_format_from_the_suffix(
    example: Analysis, tmp_path: Path, suffix: str, magic: bytes
) -> None:
    target = tmp_path / f"out{suffix}"
    write_diagram(example, target)
    assert target.read_bytes().startswith(magic)
    assert not list(tmp_path.glob(".*tmp"))  # written whole, no temp file left


def test_write_refuses_unknown_suffix_and_plan_files(example: Analysis, tmp_path: Path) -> None:
    with pytest.raises(DiagramError) as info:
        write_diagram(example, tmp_path / "out.jpg")
    assert info.value.code == "bad_format"
    # A plan file named explicitly may have any suffix; it is never written over.
    plan = tmp_path / "plan.svg"
    body = {"plan": {"id": "P", "type": "samfunnsplan", "title": "P"}, "goals": []}
    plan.write_text(yaml.safe_dump(body), encoding="utf-8")
    before = plan.read_bytes()
    analysis = analyse(build_graph(load_plan_set([plan])))
    with pytest.raises(DiagramError) as info:
        write_diagram(analysis, plan)
    assert info.value.code == "protected"
    assert plan.read_bytes() == before


def test_a_drawing_scaled_too_small_warns(example: Analysis, tmp_path: Path) -> None:
    narrow = write_diagram(example, tmp_path / "narrow.svg", width_cm=8)
    assert narrow.warnings and "--width-cm" in narrow.warnings[0]
    # At the full width it is not scaled; it is only taller than a page (which says so).
    wide = write_diagram(example, tmp_path / "wide.svg").warnings
    assert not any("--width-cm" in w for w in wide) and "--split area" in wide[0]


# -- the command ----------------------------------------------------------------------------------

runner = CliRunner()


def test_cli_writes_dot_to_stdout_and_files(tmp_path: Path) -> None:
    result = runner.invoke(app, ["diagram", str(PLANS), "-o", "-"])
    assert result.exit_code == 0
    assert result.stdout.startswith("digraph maltrace {")
    out = tmp_path / "d.svg"
    result = runner.invoke(app, ["diagram", str(PLANS), "-o", str(out), "--goal", "KPS-1.1"])
    assert result.exit_code == 0, result.output
    assert "KPS-1.1" in svg_text(out.read_text(encoding="utf-8").split("\n", 1)[1])


@pytest.mark.parametrize(
    "args",
    [
        ["-o", "x.jpg"],
        ["-o", "-", "--goal", "NOPE"],
        ["-o", "-", "--plan", "KPS", "--goal", "KPS-1.1"],
        ["-o", "x.svg", "--dot", "/nonexistent/dot"],
        ["-o", "-", "--width-cm", "0"],
    ],
)
def test_cli_bad_usage_exits_2_with_a_message(args: list[str], tmp_path: Path) -> None:
    result = runner.invoke(app, ["diagram", str(PLANS), *args])
    assert result.exit_code == 2
    assert "maltrace:" in result.output
    assert "Traceback" not in result.output


def test_cli_load_error_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["diagram", str(tmp_path / "missing"), "-o", "-"])
    assert result.exit_code == 2


def test_dot_program_can_be_chosen(example: Analysis, monkeypatch: pytest.MonkeyPatch) -> None:
    pure = find_program()
    assert Path(pure).name.startswith("graphviz-pure")
    assert diagram_svg(example, dot_program=pure) == diagram_svg(example)
    monkeypatch.setenv("MALTRACE_DOT", "/nonexistent/dot")
    with pytest.raises(DiagramError) as info:
        diagram_svg(example)
    assert info.value.code == "program_not_found"


@pytest.mark.skipif(shutil.which("dot") is None, reason="no system Graphviz")
def test_a_system_graphviz_can_draw_it(example: Analysis) -> None:
    svg = diagram_svg(example, dot_program="dot")
    assert "KPS-1.1" in svg_text(svg)


# -- large sets ---------------------------------------------------------------------------------


def test_a_large_overview_renders_fast_and_warns(tmp_path: Path) -> None:
    areas = []
    for a in range(10):
        goals = []
        for g in range(10):
            sub = [
                {"id": f"M{a}.{g}.{d}", "title": f"Delmål {a}.{g}.{d} om kvardagen"}
                for d in range(4)
            ]
            goals.append(
                {"id": f"M{a}.{g}", "title": f"Mål {a}.{g} for innbyggjarane", "goals": sub}
            )
        areas.append({"id": f"A{a}", "title": f"Område {a}", "goals": goals})
    plans: dict[str, Any] = {
        "top": {
            "plan": {"id": "TOP", "type": "samfunnsplan", "title": "Samfunnsdel"},
            "areas": areas,
        }
    }
    for p in range(15):
        strategies = [
            {
                "id": f"P{p}.S{s}",
                "title": f"Strategi {s} i plan {p} for gode tenester",
                "follows_up": [f"M{(p + s) % 10}.{s % 10}.{(p * s) % 4}"],
            }
            for s in range(100)
        ]
        plans[f"p{p}"] = {
            "plan": {
                "id": f"P{p}",
                "type": "kommunedelplan",
                "title": f"Plan {p}",
                "follows": ["TOP"],
            },
            "strategies": strategies,
        }
    analysis = load(write_plans(tmp_path / "big", **plans))
    started = time.perf_counter()
    diagram = build_diagram(analysis)
    svg = diagram_svg(analysis)
    elapsed = time.perf_counter() - started
    assert len(diagram.boxes) == 2000
    assert diagram.warnings and "--area" in diagram.warnings[0]
    assert svg.count("follows&#45;up") == len(analysis.links)
    assert elapsed < 10  # about 1.5 s on the 2-core machine; the target is 5 s


def test_graphviz_pure_is_found_without_an_activated_venv(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.delenv("MALTRACE_DOT", raising=False)
    assert (
        Path(find_program()).parent == Path(sys.executable).parent or Path(find_program()).exists()
    )


def test_first_column_keeps_the_plans_order_top_to_bottom(example: Analysis) -> None:
    root = ET.fromstring(diagram_svg(example))
    top: dict[str, float] = {}
    for el in root.iter(f"{SVG}text"):
        word = (el.text or "").split(" ")[0]
        if word.startswith("KPS-") and word not in top:
            top[word] = float(el.get("y") or 0)
    kps_goals = [g.id for g in example.goals if g.plan == "KPS"]
    ys = [top[g] for g in kps_goals]
    assert ys == sorted(ys)  # document order is top to bottom (SVG y grows downwards)


def test_plan_view_of_the_samfunnsdel_shows_its_goals_and_their_followers(
    example: Analysis,
) -> None:
    diagram = build_diagram(example, plan="KPS")
    kps_goals = {g.id for g in example.goals if g.plan == "KPS"}
    assert kps_goals <= set(diagram.boxes)
    followers = {x.source for x in example.links if x.target_plan == "KPS"}
    assert followers <= set(diagram.boxes)
    assert not any(b.startswith("HP-") for b in diagram.boxes)
    assert len(diagram.links) == sum(1 for x in example.links if x.target_plan == "KPS")


def test_a_set_where_nothing_is_followed_says_so(tmp_path: Path) -> None:
    folder = write_plans(
        tmp_path / "alone",
        top={
            "plan": {"id": "TOP", "type": "samfunnsplan", "title": "Aleine"},
            "goals": [{"id": "G1", "title": "Eit mål"}],
        },
    )
    analysis = load(folder)
    diagram = build_diagram(analysis)
    assert diagram.boxes == ()
    assert "Ingen mål å vise" in svg_text(diagram_svg(analysis))


def test_an_area_that_follows_up_gets_a_box_and_its_arrow(tmp_path: Path) -> None:
    folder = write_plans(
        tmp_path / "area",
        top={
            "plan": {"id": "TOP", "type": "samfunnsplan", "title": "Samfunnsdel"},
            "goals": [{"id": "G1", "title": "Mål"}, {"id": "G2", "title": "Anna mål"}],
        },
        sector={
            "plan": {"id": "SEC", "type": "kommunedelplan", "title": "Sektor", "follows": ["TOP"]},
            "areas": [
                {
                    "id": "INN-1",
                    "title": "Innsatsområde",
                    "follows_up": ["G1"],
                    "strategies": [{"id": "S1", "title": "Strategi", "follows_up": ["G2"]}],
                }
            ],
        },
    )
    analysis = load(folder)
    assert {(x.source, x.target) for x in analysis.links} == {("INN-1", "G1"), ("S1", "G2")}
    diagram = build_diagram(analysis)
    assert {"INN-1", "S1"} <= set(diagram.boxes)
    assert sorted(dot_links(diagram.dot)) == [("INN-1", "G1"), ("S1", "G2")]
