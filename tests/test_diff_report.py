"""The diff as a planner reads it: the word diff struck out and underlined (not raw marks), every
node a change or impact names in the picture, the plans' own titles, no literal backticks."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT
from rich.console import Console

from maltrace.analysis.diff import PlanDiff, diff_sources
from maltrace.render.diff.document import build_diff_document
from maltrace.render.diff.json import diff_json
from maltrace.render.diff.terminal import render_diff
from maltrace.render.document import render_document

DATA = ROOT / "tests" / "data" / "diff"
DRAFT, ADOPTED = DATA / "utkast", DATA / "vedteken"
RAW_MARKS = re.compile(r"\[-|-\]|\{\+|\+\}")


@pytest.fixture(scope="module")
def adopted() -> PlanDiff:
    return diff_sources([str(DRAFT)], [str(ADOPTED)])[0]


def _docx_xml(diff: PlanDiff) -> str:
    data = render_document(build_diff_document(diff, diagram=False), ".docx")
    assert isinstance(data, bytes)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/document.xml").decode("utf-8")


def _docx_text(xml: str) -> str:
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


def _html(diff: PlanDiff) -> str:
    page = render_document(build_diff_document(diff, diagram=False), ".html")
    assert isinstance(page, str)
    return page


def _visible(page: str) -> str:
    body = re.sub(r"<(script|style)\b.*?</\1>", "", page, flags=re.S)
    return re.sub(r"<[^>]+>", "", body)


# -- the word diff -------------------------------------------------------------------------------


def test_word_shows_the_word_diff_struck_out_and_underlined(adopted: PlanDiff) -> None:
    xml = _docx_xml(adopted)
    assert not RAW_MARKS.search(_docx_text(xml))
    runs = re.findall(r"<w:r>(<w:rPr>.*?</w:rPr>)?(.*?)</w:r>", xml)
    struck = {text for rpr, text in runs if "<w:strike/>" in rpr}
    underlined = {text for rpr, text in runs if "<w:u " in rpr}
    assert any("innbyggjarane" in t for t in struck)
    assert any(">på<" in t for t in struck)
    assert any("innbyggjarar<" in t for t in underlined)
    assert any("og berekraftige" in t for t in underlined)


def test_html_shows_the_word_diff_as_del_and_ins(adopted: PlanDiff) -> None:
    page = _html(adopted)
    assert "<del>innbyggjarane</del>" in page and "<ins>innbyggjarar</ins>" in page
    assert "<ins>og berekraftige</ins>" in page
    assert not RAW_MARKS.search(_visible(page))


def test_markdown_and_excel_mark_the_words_too(adopted: PlanDiff) -> None:
    md = render_document(build_diff_document(adopted, diagram=False), ".md")
    assert isinstance(md, str)
    assert "~~innbyggjarane~~" in md and "<ins>innbyggjarar</ins>" in md
    data = render_document(build_diff_document(adopted, diagram=False), ".xlsx")
    assert isinstance(data, bytes)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sheets = "".join(
            z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/")
        )
    assert re.search(r"<strike[^>]*/>.*?innbyggjarane", sheets, re.S)
    # the styled pieces name their font: unnamed, LibreOffice sets them in a serif
    assert re.search(r'<rFont val="Calibri"\s*/>(?:(?!</rPr>).)*<strike', sheets, re.S)
    assert not RAW_MARKS.search(re.sub(r"<[^>]+>", "", sheets))


def test_terminal_styles_the_word_diff_and_keeps_marks_without_styles(
    adopted: PlanDiff,
) -> None:
    styled = Console(file=io.StringIO(), force_terminal=True, color_system="standard", width=200)
    render_diff(adopted, styled)
    out = styled.file.getvalue()  # type: ignore[attr-defined]
    assert "[-innbyggjarane-]" not in out and "{+innbyggjarar+}" not in out
    assert re.search(r"\x1b\[[0-9;]*9[0-9;]*minnbyggjarane", out)  # 9: strike-through
    assert re.search(r"\x1b\[[0-9;]*4[0-9;]*minnbyggjarar\b", out)  # 4: underline
    piped = Console(file=io.StringIO(), width=200)
    render_diff(adopted, piped)
    text = piped.file.getvalue()  # type: ignore[attr-defined]
    assert "Alle [-innbyggjarane-] {+innbyggjarar+} skal ha tilgang [-på-] {+til+}" in text


def test_json_carries_the_word_diff_as_pieces(adopted: PlanDiff) -> None:
    data = json.loads(diff_json(adopted))
    reworded = next(c for c in data["changes"] if c["id"] == "KPS-1.1")
    assert ["-", "innbyggjarane"] in reworded["words"]
    assert ["+", "innbyggjarar"] in reworded["words"]
    assert not RAW_MARKS.search(json.dumps(data, ensure_ascii=False))


# -- no literal backticks ----------------------------------------------------------------------


def test_no_backticks_in_word_or_html(adopted: PlanDiff) -> None:
    xml = _docx_xml(adopted)
    text = _docx_text(xml)
    assert "`" not in text
    assert "maltrace relink" in text
    assert re.search(r'<w:rFonts w:ascii="Courier New"[^>]*/>.*?maltrace relink', xml)
    page = _html(adopted)
    assert "`" not in _visible(page)
    assert "<code>maltrace relink</code>" in page


def test_a_plan_title_with_markup_stays_data_in_marked_text(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    for folder, title in (
        (old, "Trygg <b>bustad</b> for alle innbyggjarar"),
        (new, "Trygg <b>bustad</b> for alle <script>x</script> innbyggjarar"),
    ):
        folder.mkdir()
        (folder / "kps.yaml").write_text(
            "plan: {id: KPS, type: samfunnsplan, title: S}\n"
            f"goals:\n  - id: G1\n    title: {json.dumps(title)}\n",
            encoding="utf-8",
        )
    page = _html(diff_sources([str(old)], [str(new)])[0])
    assert "<script>x" not in page and "<ins>&lt;script&gt;x&lt;/script&gt;</ins>" in page


# -- the diagram shows every node a change or an impact names -------------------------------------


def test_diagram_draws_every_node_a_change_or_impact_names(adopted: PlanDiff) -> None:
    from maltrace.render.diagram import build_diagram
    from maltrace.render.diff.sentences import diagram_notes

    notes = diagram_notes(adopted, "nn")
    diagram = build_diagram(adopted.new, lang="nn", notes=notes)
    nodes = adopted.new.graph.nodes
    named = {i.node for i in adopted.impact} | {
        c.id for c in adopted.changes if c.kind not in ("plan", "area") and c.change != "removed"
    }
    assert "HSO-1.2" in named
    missing = {n for n in named if n in nodes} - set(diagram.boxes)
    assert not missing, missing
    # and marked: the strategy whose link names the old id says so in its box
    assert any("KPS-1.2" in note for note in notes["HSO-1.2"])
    assert "HSO-1.2" in diagram.dot


# -- titles from the plans, paths in small print ---------------------------------------------------


def test_title_and_caption_name_the_plans_not_the_folders(adopted: PlanDiff) -> None:
    doc = build_diff_document(adopted, "nn")
    assert doc.title == "Endringar i Kommuneplanen sin samfunnsdel 2022–2034"
    assert "utkast" not in doc.title and "tests/" not in doc.title
    texts = [b.text for b in doc.section("summary").blocks if hasattr(b, "text")]
    assert "KPS: høyringsutkast 15.11.2021 → vedteken 19.05.2022" in texts
    figure = doc.section("diagram").blocks[0]
    assert "tests/" not in figure.alt and "høyringsutkast 15.11.2021" in figure.alt  # type: ignore[union-attr]
    small = [b for b in doc.section("summary").blocks if getattr(b, "style", "") == "small"]
    assert len(small) == 1 and "tests/data/diff/utkast" in small[0].text  # type: ignore[union-attr]
    xml = _docx_xml(adopted)
    # the paths in small print: 8 pt (half-points)
    assert re.search(r'<w:sz w:val="16"/>.*?tests/data/diff/utkast', xml)
    page = _html(adopted)
    assert re.search(r'<p class="small">[^<]*tests/data/diff/utkast', page)
    en = build_diff_document(adopted, "en")
    assert en.title == "Changes in Kommuneplanen sin samfunnsdel 2022–2034"


def test_terminal_title_names_the_plan_and_keeps_the_paths(adopted: PlanDiff) -> None:
    console = Console(file=io.StringIO(), width=200)
    render_diff(adopted, console)
    lines = console.file.getvalue().splitlines()  # type: ignore[attr-defined]
    assert lines[0] == "Endringar i Kommuneplanen sin samfunnsdel 2022–2034"
    assert "KPS: høyringsutkast 15.11.2021 → vedteken 19.05.2022" in lines[1:4]
    assert any(
        f"{DRAFT} → {ADOPTED}" in line and line.startswith("Samanlikna") for line in lines[:5]
    )
