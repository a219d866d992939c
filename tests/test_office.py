"""Word and Excel reports as planners open them: layout in the files, and read back through
LibreOffice (``soffice --headless --convert-to pdf``) and ``pdftotext``."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS, emf_texts, office_program
from docx import Document as open_docx
from docx.enum.section import WD_ORIENT
from docx.shared import Pt
from openpyxl import load_workbook

from maltrace import check
from maltrace.render.check.report import make_report, write_report
from maltrace.render.document import Figure, cell_texts, write_document
from maltrace.render.document.docx import TemplateError, document_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def example():
    return check(EXAMPLE_PLANS)


@pytest.fixture(scope="module")
def docx_path(example, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("word") / "rapport.docx"
    write_report(example, out)
    return out


@pytest.fixture(scope="module")
def xlsx_path(example, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("excel") / "rapport.xlsx"
    write_report(example, out)
    return out


def _text_width(section) -> int:
    return section.page_width - section.left_margin - section.right_margin


# -- Word, in the file ---------------------------------------------------------------------------


def test_word_tables_span_the_text_width_with_columns_by_kind(docx_path):
    doc = open_docx(docx_path)
    portrait = doc.sections[0]
    assert portrait.page_width == pytest.approx(7560310, rel=0.01)  # A4
    text_twips = _text_width(portrait) / 635
    # the portrait tables: what the coverage counts, plans, per plan, per area, goals
    for table in doc.tables[:5]:
        grid = [int(c.get(f"{W}w")) for c in table._tbl.tblGrid.iter(f"{W}gridCol")]
        assert sum(grid) == pytest.approx(text_twips, abs=len(grid) + 1)
        assert table._tbl.tblPr.find(f"{W}tblLayout").get(f"{W}type") == "fixed"
    plans, per_plan = doc.tables[1], doc.tables[2]
    grid = [int(c.get(f"{W}w")) for c in plans._tbl.tblGrid.iter(f"{W}gridCol")]
    assert grid[0] < grid[1]  # ID narrow, title wide
    # header rows repeat, ids never wrap, numbers right-aligned
    first_row = plans.rows[0]._tr
    assert first_row.trPr.find(f"{W}tblHeader") is not None
    id_cell = plans.rows[1].cells[0]._tc
    assert id_cell.tcPr.find(f"{W}noWrap") is not None
    ratio = per_plan.rows[1].cells[4]
    assert ratio.text == "90,9\u00a0%"
    assert ratio.paragraphs[0].alignment == 2  # right


def test_word_uses_its_own_styles_page_numbers_and_a_table_of_contents(docx_path):
    doc = open_docx(docx_path)
    styles = [p.style.name for p in doc.paragraphs]
    assert styles[0] == "Title" and "Heading 1" in styles
    cell_paragraph = doc.tables[0].rows[1].cells[1].paragraphs[0]
    assert cell_paragraph.style.name == "Table Text"
    footer = doc.sections[0].footer._element.xml
    assert "PAGE" in footer and "NUMPAGES" in footer and "Side " in footer
    body = doc.element.body.xml
    # the contents: each heading with a page-number field pointing at the heading's bookmark
    assert "PAGEREF _Toc_summary" in body and 'w:name="_Toc_summary"' in body
    toc_heading = next(p for p in doc.paragraphs if p.text == "Innhald")
    assert toc_heading.style.name == "TOC Heading"
    assert 'w:outlineLvl w:val="9"' in toc_heading.style.element.xml  # not listed in itself


def test_word_findings_sit_in_a_landscape_section(docx_path):
    doc = open_docx(docx_path)
    orientations = [s.orientation for s in doc.sections]
    assert orientations[0] == WD_ORIENT.PORTRAIT
    assert orientations[-1] == WD_ORIENT.LANDSCAPE
    findings = doc.tables[-1]
    grid = [int(c.get(f"{W}w")) for c in findings._tbl.tblGrid.iter(f"{W}gridCol")]
    assert sum(grid) == pytest.approx(_text_width(doc.sections[-1]) / 635, abs=len(grid) + 1)


def test_word_template_brings_its_styles_and_footer(example, tmp_path):
    template = open_docx()
    template.styles["Heading 1"].font.name = "Georgia"
    template.styles["Heading 1"].font.size = Pt(20)
    template.add_paragraph("Malteksten skal ikkje vere med.")
    template.sections[0].footer.paragraphs[0].text = "Alver kommune"
    path = tmp_path / "mal.docx"
    template.save(path)
    out = tmp_path / "r.docx"
    write_report(example, out, template=path)
    doc = open_docx(out)
    assert doc.styles["Heading 1"].font.name == "Georgia"
    assert all("Malteksten" not in p.text for p in doc.paragraphs)
    assert doc.sections[0].footer.paragraphs[0].text == "Alver kommune"
    with pytest.raises(TemplateError) as err:
        document_docx(make_report(example, diagram=False), tmp_path / "finst-ikkje.docx")
    assert "finst-ikkje.docx" in err.value.message("nn")


def test_word_template_may_be_a_dotx(example, tmp_path):
    import zipfile

    template = open_docx()
    template.styles["Normal"].font.name = "Georgia"
    plain = tmp_path / "mal.docx"
    template.save(plain)
    dotx = tmp_path / "mal.dotx"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(dotx, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            dst.writestr(item, data)
    out = tmp_path / "r.docx"
    write_report(example, out, template=dotx)
    assert open_docx(out).styles["Normal"].font.name == "Georgia"


def test_report_template_option(tmp_path):
    bad = tmp_path / "mal.docx"
    bad.write_text("ikkje ei Word-fil", encoding="utf-8")
    out = tmp_path / "r.docx"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "maltrace",
            "report",
            str(EXAMPLE_PLANS),
            "-o",
            str(out),
            "--template",
            str(bad),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "Word-mal" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()
    html = subprocess.run(
        [
            sys.executable,
            "-m",
            "maltrace",
            "report",
            str(EXAMPLE_PLANS),
            "-o",
            str(tmp_path / "r.html"),
            "--template",
            str(bad),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert html.returncode == 2 and "berre Word-rapportar" in html.stderr


# -- Excel, in the file --------------------------------------------------------------------------


def test_excel_numbers_alerts_and_print_setup(xlsx_path, example):
    wb = load_workbook(xlsx_path)
    coverage = wb[wb.sheetnames[2]]
    ratios = [r for r in coverage.iter_rows(min_row=2, values_only=True)]
    assert ratios[0][3:] == (18, 13, pytest.approx(13 / 18))
    assert coverage.cell(2, 6).number_format == "0.0%"
    assert isinstance(coverage.cell(2, 4).value, int)
    for ws in wb.worksheets:
        assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4  # "9": A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.print_title_rows == "$1:$1"
    # rows to highlight: conditional formatting, on the values (a ratio under 100 %, an error)
    rules = {
        ws.title: [r.formula for cf in ws.conditional_formatting for r in cf.rules]
        for ws in wb.worksheets
    }
    assert rules[wb.sheetnames[2]] == [["AND(ISNUMBER($F2),$F2<1)"]]
    assert rules[wb.sheetnames[3]] == [['$A2="feil"']]
    matrix = wb[wb.sheetnames[0]]
    assert matrix.freeze_panes == "D2"
    assert matrix["D1"].alignment.text_rotation == 90
    assert matrix.print_title_cols == "$A:$C"
    assert matrix.page_setup.orientation == "landscape"
    ((ranges, rule),) = [(cf.sqref, r) for cf in matrix.conditional_formatting for r in cf.rules]
    assert rule.formula == ["TRUE"]
    rows = {
        row
        for cell_range in ranges.ranges
        for row in range(cell_range.min_row, cell_range.max_row + 1)
    }
    highlighted = {matrix.cell(r, 1).value for r in rows}
    assert highlighted == set(example.uncovered_goals)


# -- LibreOffice ---------------------------------------------------------------------------------


def _soffice() -> str:
    """LibreOffice, with pdftotext to read its PDF back (skip or fail as conftest says)."""
    office_program("pdftotext")
    return office_program("soffice", "libreoffice")


def to_pdf_text(path: Path) -> str:
    """``path`` converted to PDF by LibreOffice, read back as text by pdftotext."""
    soffice = _soffice()
    outdir = path.parent / f"pdf-{path.suffix[1:]}"
    profile = Path("/tmp") / f"lo-maltrace-{uuid.uuid4().hex[:12]}"
    try:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(outdir),
                str(path),
            ],
            capture_output=True,
            timeout=180,
            check=True,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    pdf = outdir / (path.stem + ".pdf")
    assert pdf.exists(), f"LibreOffice wrote no PDF for {path.name}"
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


_PART = re.compile(r"[^\W\d_]+", re.UNICODE)


def _parts(text: str) -> set[str]:
    """The letter runs of ``text``: a word broken across lines shows as two runs that are not."""
    return set(_PART.findall(text))


def _known(source: list[str]) -> set[str]:
    """Letter runs of the source text, also as pdftotext joins them when a line ends at a
    hyphen ("gang- og" -> "gangog", "KDP-HSO" -> "KDPHSO"): breaking there is allowed."""
    text = " ".join(source)
    return _parts(text) | _parts(re.sub(r"-\s*", "", text))


def _broken(pdf_text: str, source: list[str]) -> list[str]:
    known = _known(source)
    out = []
    for line in pdf_text.splitlines():
        for part in _parts(line) - known:
            out.append(f"{part!r} in {line!r}")
    return sorted(set(out))


def _source(report) -> list[str]:
    """Every text the document shows, as the writers format it."""
    source = [report.title, report.generated, report.toc, "Side av"]
    for section in report.sections:
        source += [section.heading, section.empty]
        for block in section.blocks:
            source += [getattr(block, "text", ""), getattr(block, "caption", "")]
            if isinstance(block, Figure) and block.emf:
                # The diagrams are vector pictures in Word: their text is in the PDF too.
                source += emf_texts(block.draw("emf"))
            if hasattr(block, "columns") and hasattr(block, "rows") and block.rows:
                if hasattr(block, "marks"):  # the matrix
                    source += [c[0] for c in block.columns] + [x for r in block.rows for x in r]
                    source += [block.corner, *block.row_headers]
                    continue
                source += [c.header for c in block.columns]
                source += [cell for row in cell_texts(block, report.lang) for cell in row]
    return source


def test_word_in_libreoffice_breaks_no_word_of_a_title_or_heading(docx_path, example):
    text = to_pdf_text(docx_path)
    report = make_report(example, paged=True)  # as written to Word
    broken = _broken(text, _source(report))
    assert not broken, f"words broken across lines in the PDF: {broken[:10]}"
    # every heading and every word of every goal's title is there, whole
    flat = " ".join(text.split())
    for section in report.sections:
        assert section.heading in flat
    for goal in example.goals:
        assert all(word in flat for word in goal.title.split())


def test_excel_in_libreoffice_loads_and_prints(xlsx_path):
    text = to_pdf_text(xlsx_path)
    assert "KPS-1.1" in text
    assert "72,2" in text or "72.2" in text  # the ratio shows as a percentage


def test_generated_kommune_word_report_in_libreoffice(tmp_path):
    """A generated one-kommune set: long Norwegian titles, hundreds of rows."""
    root = Path(__file__).resolve().parent.parent
    data = tmp_path / "k1"
    subprocess.run(
        [sys.executable, str(root / "benchmarks" / "generate.py"), "kommunar", "1", str(data)],
        check=True,
        capture_output=True,
    )
    analysis = check(data)
    out = tmp_path / "k1.docx"
    report = make_report(analysis, diagram=False)
    write_document(report, out)
    broken = _broken(to_pdf_text(out), _source(report))
    assert not broken, f"words broken across lines in the PDF: {broken[:10]}"


def test_word_trace_matrix_is_landscape_with_turned_headers(tmp_path):
    from maltrace.render.document import Document, Matrix, Section

    columns = tuple((f"HSO-{i}", f"Strategi {i}", "KDP") for i in range(35))
    matrix = Matrix(
        corner="Mål",
        rows=(("KPS-1", "Eit godt liv", "KPS"), ("KPS-2", "Trygg oppvekst", "KPS")),
        columns=columns,
        marks=frozenset({(0, 0), (1, 34)}),
        row_headers=("Tittel", "Plan"),
    )
    doc = Document("nn", "Sporing", "i dag", (Section("matrix", "Sporingsmatrise", (matrix,)),))
    out = tmp_path / "m.docx"
    write_document(doc, out)
    word = open_docx(out)
    assert word.sections[-1].orientation == WD_ORIENT.LANDSCAPE
    # 35 following nodes: two tables of at most 30, the goals repeated in each
    assert [len(t.columns) for t in word.tables] == [33, 8]
    header = word.tables[0].rows[0].cells[3]._tc
    assert header.tcPr.find(f"{W}textDirection").get(f"{W}val") == "btLr"
    assert word.tables[0].rows[1].cells[3].text == "●"
    assert word.tables[1].rows[2].cells[7].text == "●"


def test_excel_matrix_of_many_columns_prints_across_pages_not_shrunk():
    from openpyxl import load_workbook as load

    from maltrace.render.document import Document, Matrix, Sheet, render_document

    columns = tuple((f"N-{i}", f"Tiltak {i}", "HP") for i in range(400))
    matrix = Matrix("Mål", (("G-1", "Mål", "KPS"),), columns, frozenset({(0, 399)}))
    doc = Document("nn", "T", "i dag", (), sheets=(Sheet("Sporing", matrix),))
    import io

    ws = load(io.BytesIO(bytes(render_document(doc, ".xlsx"))))["Sporing"]
    assert ws.page_setup.fitToWidth == 7  # (74 + 1600) / 240, goals repeated on each page
    assert ws.print_title_cols == "$A:$C"
