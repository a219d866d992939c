"""Diagrams in Word are EMF pictures (vector: sharp in print, text stays text), drawn from the
layout program's drawing instructions; a drawing the EMF writer does not know falls back to PNG."""

from __future__ import annotations

import re
import struct
import zipfile
from html import unescape

import hypothesis
import pytest
from conftest import EXAMPLE_PLANS, emf_records, emf_texts, plan_yaml
from docx import Document as open_docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import maltrace.render.diagram.figures as figures
from maltrace import check
from maltrace.analysis import analyse
from maltrace.graph import build_graph
from maltrace.load import load_plan_set
from maltrace.render.check.report import write_report
from maltrace.render.diagram import build_diagram, is_emf, render_svg
from maltrace.render.diagram.emf import EmfError, xdot_to_emf
from maltrace.render.diagram.figures import office_picture
from maltrace.render.diagram.output import render_emf

EXTCREATEPEN = 95
PS_DASH = 1


@pytest.fixture(scope="module")
def example():
    return check(EXAMPLE_PLANS)


def test_the_word_report_holds_its_diagrams_as_emf(example, tmp_path):
    path = tmp_path / "rapport.docx"
    write_report(example, path)
    with zipfile.ZipFile(path) as z:
        media = [n for n in z.namelist() if n.startswith("word/media/")]
        emfs = {n: z.read(n) for n in media if n.endswith(".emf")}
        types = z.read("[Content_Types].xml").decode()
    # The overview split into its six parts, the orphans' diagram, and the four frameworks.
    assert len(emfs) == len(media) == 11
    assert "image/x-emf" in types
    drawn = [t for data in emfs.values() for t in emf_texts(data)]
    assert "KPS-1.1 Innbyggjarane tek" in drawn  # a goal's title, as wrapped in its box
    assert any("følgd opp" in t for t in drawn)  # Norwegian letters, whole
    # Each picture spans at most the text width.
    doc = open_docx(str(path))
    page = doc.sections[0]
    text_width = page.page_width - page.left_margin - page.right_margin
    widths = [s.width for s in doc.inline_shapes]
    assert widths and max(widths) <= text_width


def test_an_emf_draws_the_texts_its_svg_draws(example):
    diagram = build_diagram(example, plan="KDP-HSO")
    svg = render_svg(diagram)
    svg_texts = [unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]
    emf = render_emf(diagram)
    assert is_emf(emf)
    assert [t for t in emf_texts(emf) if t.strip()] == [t for t in svg_texts if t.strip()]


def test_goals_not_followed_up_keep_their_dashed_frame(example):
    # The mark that survives printing in black and white: a dashed pen, in the EMF too.
    emf = render_emf(build_diagram(example))
    pens = [r for kind, r in emf_records(emf) if kind == EXTCREATEPEN]
    styles = {struct.unpack("<I", r[28:32])[0] & 0xF for r in pens}
    assert PS_DASH in styles


def _refuse(diagram: object) -> bytes:
    raise EmfError("drawing instruction 'I'")


def test_a_drawing_the_emf_writer_does_not_know_falls_back_to_png(example, monkeypatch):
    monkeypatch.setattr(figures, "render_emf", _refuse)
    picture = office_picture(build_diagram(example, plan="KDP-HSO"))
    assert picture.startswith(b"\x89PNG")


def test_a_word_report_with_a_png_fallback_still_has_every_picture(example, tmp_path, monkeypatch):
    monkeypatch.setattr(figures, "render_emf", _refuse)
    path = tmp_path / "rapport.docx"
    write_report(example, path)
    with zipfile.ZipFile(path) as z:
        media = [n for n in z.namelist() if n.startswith("word/media/")]
    assert len(media) == 11 and all(n.endswith(".png") for n in media)


@pytest.mark.parametrize(
    "xdot",
    [
        b'digraph { graph [bb="0,0,10,10", _draw_="Q 1 2"]; }',  # an unknown instruction
        b'digraph { graph [bb="0,0,10,10", _draw_="c 5 -black P 1 0 0"]; }',  # a colour name
        b'digraph { graph [bb="0,0,10,10", _draw_="T 1 1 -1 5 40 -too short"]; }',  # cut short
        b'digraph { graph [bb="0,0,10,10", _draw_="P 2 0"]; }',  # points missing
        b"digraph { a; }",  # no layout at all
    ],
)
def test_malformed_drawing_instructions_are_refused(xdot):
    with pytest.raises(EmfError):
        xdot_to_emf(xdot)


# Titles as a planner might paste them: any letters, punctuation, quotes, backslashes.
_TITLE = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Co", "Cn", "Zl", "Zp")),
    min_size=1,
    max_size=60,
).filter(lambda s: s.strip())


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(title=_TITLE)
@hypothesis.example(title='Sitat «A» "B" \\ [C] {d} <e> & f; _draw_="P 1 0 0"')
def test_any_title_gives_a_whole_emf_with_its_words(tmp_path_factory, title):
    folder = tmp_path_factory.mktemp("plans")
    (folder / "kps.yaml").write_text(
        plan_yaml(
            "KPS",
            type="samfunnsplan",
            goals=[{"id": "G1", "title": title}, {"id": "G2", "title": "Gode liv"}],
        ),
        encoding="utf-8",
    )
    (folder / "kdp.yaml").write_text(
        plan_yaml(
            "KDP", follows=["KPS"], strategies=[{"id": "S1", "title": "Ein", "follows_up": ["G1"]}]
        ),
        encoding="utf-8",
    )
    analysis = analyse(build_graph(load_plan_set([folder])))
    emf = render_emf(build_diagram(analysis))
    drawn = "".join("".join(emf_texts(emf)).split())  # every record walks: sizes, count, end
    assert "".join(title.split()) in drawn  # wrapped into lines, every letter drawn in order
