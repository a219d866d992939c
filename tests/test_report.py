"""``maltrace report``: the same numbers as ``check`` in every format, text from plans as data."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS, ROOT, goal, plan_yaml, strategy
from docx import Document
from openpyxl import load_workbook

from maltrace import check
from maltrace.errors import FormatError
from maltrace.load import ProtectedFileError, write_atomic
from maltrace.render.check.document import build_report
from maltrace.render.check.report import write_report
from maltrace.render.document import Matrix, Paragraph, Table, cell_texts
from maltrace.render.document.markdown import escape

HOSTILE = "| <script>alert(1)</script> *bold* [x](y) `c` # &amp; \\"
FORMULA = "=cmd|' /C calc'!A0"


@pytest.fixture(scope="module")
def example():
    return check(EXAMPLE_PLANS)


@pytest.fixture
def hostile_set(write_set):
    return write_set(
        kps=plan_yaml(
            "KPS",
            type="samfunnsplan",
            goals=[{"id": "G1", "title": HOSTILE}, {"id": "G2", "title": FORMULA}],
        ),
        kdp=plan_yaml(
            "KDP",
            follows=["KPS"],
            goals=[goal("K1", follows_up=["G1"], strategies=[strategy("S1")])],
            strategies=[{"id": "S2", "title": "@SUM(A1:A9)", "follows_up": ["G2"]}],
        ),
    )


def test_report_model_numbers_come_from_the_analysis(example):
    report = build_report(example, "nn")
    headline = report.section("summary").blocks[0]
    assert isinstance(headline, Paragraph) and headline.style == "headline"
    assert headline.text == "Oppfølgingsgrad: 72,2\u00a0% (13 av 18 mål er følgde opp)"
    (per_plan_table,) = report.section("per-plan").tables
    # Typed cells: counts are integers and ratios are numbers; each medium formats them.
    per_plan = {row[0]: row[2:] for row in per_plan_table.rows}
    assert per_plan == {"KDP-HSO": (11, 10, 10 / 11), "HP-2025": (3, 2, 2 / 3)}
    assert [c.kind for c in per_plan_table.columns] == ["id", "text", "int", "int", "ratio"]
    assert cell_texts(per_plan_table, "nn")[0][2:] == ["11", "10", "90,9\u00a0%"]
    assert cell_texts(per_plan_table, "en")[1][4] == "66.7%"
    (uncovered_table,) = report.section("uncovered").tables
    # justified gaps (goals whose plan says why nothing follows them up) have their own table,
    # with their reasons
    justified = {g.id for g in example.justified_goals}
    assert justified == {"KPS-5.1"}
    assert [row[0] for row in uncovered_table.rows] == [
        g for g in example.uncovered_goals if g not in justified
    ]
    (justified_table,) = report.section("justified").tables
    assert [row[0] for row in justified_table.rows] == ["KPS-5.1"]
    assert all(uncovered_table.row_alert)
    assert uncovered_table.row_nodes == tuple(
        g for g in example.uncovered_goals if g not in justified
    )
    sheets = {s.name: s.table for s in report.sheets}
    links = sheets["Lenkjer"]
    assert isinstance(links, Table) and len(links.rows) == len(example.links)
    matrix = report.sheets[0].table
    assert isinstance(matrix, Matrix)
    goal_ids = {g.id for g in example.goals}
    linked = {(k.target, k.source) for k in example.links if k.target in goal_ids}
    assert len(matrix.marks) == len(linked)


def test_markdown(tmp_path, example):
    out = tmp_path / "oppfolging.md"
    written = write_report(example, out)
    # the overview, then one figure per framework the example uses
    frameworks = [tmp_path / f"oppfolging.framework-{f}.svg" for f in ("SDG", "LHL", "BTH", "AMT")]
    assert written == [out, tmp_path / "oppfolging.diagram.svg", *frameworks]
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Oppfølging av planane\n")
    assert (
        "| KDP-HSO | Kommunedelplan helse, sosial og omsorg 2022–2034 | 11 | 10 | 90,9\u00a0% |"
        in text
    )
    assert "![Diagram over korleis planane" in text and "(oppfolging.diagram.svg)" in text
    assert "## Mål som ikkje er følgde opp" in text
    assert "| 7. oktober 2022 |" in text
    assert (tmp_path / "oppfolging.diagram.svg").read_text().lstrip().startswith("<svg")


def test_markdown_escapes_plan_text():
    assert escape("a | b") == "a \\| b"
    assert escape("<script>") == "\\<script\\>"
    assert escape("*x* [l](u) `c`") == "\\*x\\* \\[l\\](u) \\`c\\`"
    assert escape("- item", block=True) == "\\- item"
    assert escape("1. item", block=True) == "1\\. item"
    assert escape("line\nbreak") == "line break"


def test_markdown_table_survives_hostile_titles(tmp_path, hostile_set):
    out = tmp_path / "r.md"
    write_report(check(hostile_set), out)
    text = out.read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith("| G1 |"))
    # the title's | is escaped, so the row keeps its five cells
    assert len(re.split(r"(?<!\\)\|", row)) == 7
    assert "<script>" not in text


def test_html_is_self_contained_and_escaped(tmp_path, hostile_set):
    out = tmp_path / "r.html"
    write_report(check(hostile_set, lang="en"), out)
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="en">' in html
    # our own two scripts only (the thread data and the page's script, see test_report_page)
    assert html.count("<script") == 2 and html.count("</script>") == 2
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<svg" in html and 'id="toc-heading"' in html
    assert "@media print" in html and "size: A4" in html
    # nothing to fetch: no external src/href, only in-page anchors
    for attr in ('src="http', 'href="http', "url(http", "@import"):
        assert attr not in html
    assert "Follow-up of each goal" in html


def test_docx_has_headings_table_style_and_picture(tmp_path, example):
    out = tmp_path / "r.docx"
    write_report(example, out, lang="nb")
    doc = Document(str(out))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "Sammendrag" in headings and "Mål som ikke er fulgt opp" in headings
    assert doc.paragraphs[0].style.name == "Title"
    assert all(t.style.name == "Light List Accent 1" for t in doc.tables)
    cells = {c.text for t in doc.tables for row in t.rows for c in row.cells}
    assert "KPS-5.1" in cells and "90,9\u00a0%" in cells and "Ikke fulgt opp" in cells
    # The overview is too tall to read on a page: one picture per satsingsområde (the first in
    # two parts) and one of the tiltak with no trace up; then one per framework (4).
    shape = doc.inline_shapes[0]
    assert len(doc.inline_shapes) == 7 + 4
    text_width = (
        doc.sections[0].page_width - doc.sections[0].left_margin - doc.sections[0].right_margin
    )
    assert 0 < shape.width <= text_width + 1
    assert shape.height <= doc.sections[0].page_height
    with zipfile.ZipFile(out) as z:  # vector pictures (see test_emf)
        media = [n for n in z.namelist() if n.startswith("word/media/")]
    assert len(media) == 11 and all(n.endswith(".emf") for n in media)


def test_xlsx_matrix_links_coverage(tmp_path, example):
    out = tmp_path / "r.xlsx"
    write_report(example, out)
    wb = load_workbook(out)
    assert wb.sheetnames == ["Sporingsmatrise", "Lenkjer", "Oppfølgingsgrad", "Funn", "Rammeverk"]
    m = wb["Sporingsmatrise"]
    assert m.freeze_panes == "D2" and m.auto_filter.ref
    cols = {m.cell(1, c).value: c for c in range(4, m.max_column + 1)}
    rows = {m.cell(r, 1).value: r for r in range(2, m.max_row + 1)}
    assert m.cell(rows["KPS-1.2"], cols["HSO-3.1"]).value == "●"
    assert m.cell(rows["KPS-5.1"], cols["HSO-3.1"]).value is None
    assert all(m.cell(rows["KPS-5.1"], c).value is None for c in cols.values())
    links = wb["Lenkjer"]
    assert links.freeze_panes == "A2" and links.auto_filter.ref.startswith("A1:F")
    assert links.max_row == len(example.links) + 1
    cov = wb["Oppfølgingsgrad"]
    values = [[c.value for c in row] for row in cov.iter_rows(min_row=2)]
    # Numbers are numbers: a ratio is a fraction with a percent format, so it sorts and sums.
    assert [
        "Plan",
        "KDP-HSO",
        "Kommunedelplan helse, sosial og omsorg 2022–2034",
        11,
        10,
        10 / 11,
    ] in values
    ratio_cell = next(row[5] for row in cov.iter_rows(min_row=2) if row[1].value == "KDP-HSO")
    assert ratio_cell.number_format == "0.0%"
    assert values[0][3:5] == [18, 13]
    assert links.column_dimensions["B"].width >= 20


def test_no_formula_injection_in_xlsx_or_csv(tmp_path, hostile_set):
    analysis = check(hostile_set)
    write_report(analysis, tmp_path / "r.xlsx")
    write_report(analysis, tmp_path / "r.csv")
    wb = load_workbook(tmp_path / "r.xlsx")
    cells = [c for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    dangerous = [c for c in cells if c.value.startswith(("=", "+", "-", "@"))]
    assert {c.value for c in dangerous} >= {FORMULA, "@SUM(A1:A9)"}
    assert all(c.data_type == "s" and c.quotePrefix for c in dangerous)
    with zipfile.ZipFile(tmp_path / "r.xlsx") as z:
        assert not any(
            "<f>" in z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/")
        )
    raw = (tmp_path / "r.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Frå"
    flat = [v for row in rows for v in row]
    assert "'" + FORMULA in flat and "'@SUM(A1:A9)" in flat
    assert not any(v.startswith(("=", "+", "-", "@")) for v in flat)


def test_plan_report(tmp_path, example):
    from maltrace.analysis import focus_plan

    out = tmp_path / "kdp.md"
    write_report(focus_plan(example, "KDP-HSO"), out)
    text = out.read_text(encoding="utf-8")
    assert text.startswith(
        "# Oppfølging i KDP-HSO: Kommunedelplan helse, sosial og omsorg 2022–2034"
    )
    assert "KDP-HSO: oppfølgingsgrad 90,9\u00a0% (10 av 11 relevante mål er følgde opp)" in text


def test_unknown_format_and_plan_files_are_protected(tmp_path, example):
    with pytest.raises(FormatError):
        write_report(example, tmp_path / "r.pdf")
    plan_file = Path(example.plan_files["KPS"])
    before = plan_file.read_bytes()
    with pytest.raises(ProtectedFileError):
        write_atomic(plan_file, "x", protect=[plan_file])
    assert plan_file.read_bytes() == before


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "maltrace", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_report_every_format(tmp_path):
    for suffix in ("md", "html", "docx", "xlsx", "csv"):
        out = tmp_path / f"rapport.{suffix}"
        r = run("report", "plans", "-o", str(out))
        assert r.returncode == 0, r.stderr
        assert out.stat().st_size > 0
        assert "Skreiv" in r.stderr
    # written whole: no temp files left behind
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_cli_report_refuses_plan_files_and_bad_formats(tmp_path):
    target = tmp_path / "plan.md"
    target.write_text("plan: {id: X, type: samfunnsplan, title: X}\n")
    before = target.read_bytes()
    r = run("report", str(target), "-o", str(target))
    assert r.returncode == 2 and "Skriv ikkje over planfila" in r.stderr
    assert target.read_bytes() == before
    r = run("report", "plans", "-o", str(tmp_path / "r.pdf"))
    assert r.returncode == 2 and "Ukjend rapportformat" in r.stderr
    assert "Traceback" not in r.stderr
    assert run("report", "plans").returncode == 2  # -o is required
