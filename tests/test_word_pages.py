"""The Word reports page by page as a planner reads them: ids kept whole, one follower a line,
the status report's pages, and what a screen reader needs (alt text, headings, header rows,
the document's language) — read from the docx XML, and through LibreOffice where it matters."""

from __future__ import annotations

import itertools
import re
import shutil
import struct
import subprocess
import uuid
import zipfile
from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS
from docx import Document as open_docx

from maltrace import check
from maltrace.render.check.report import write_report

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def example():
    return check(EXAMPLE_PLANS)


@pytest.fixture(scope="module")
def docx_path(example, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("word") / "rapport.docx"
    write_report(example, out)
    return out


def _cells(path: Path):
    doc = open_docx(path)
    for table in doc.tables:
        for row in table.rows:
            yield from row.cells


# -- ids are never broken at their hyphen ---------------------------------------------------------


def test_ids_in_table_cells_keep_their_hyphen_unbreakable(docx_path, example):
    """«HSO-» at the end of one line and «1.3» on the next reads as two things: in every cell an
    id's hyphen is Word's non-breaking hyphen, and the cell still reads (and copies) as the id."""
    ids = [n for n in [*example.graph.nodes, *(p.id for p in example.plans)] if "-" in n]
    breakable = []
    read_back = set()
    for cell in _cells(docx_path):
        for t in cell._tc.iter(f"{W}t"):
            breakable += [i for i in ids if re.search(rf"(?<![\w.-]){re.escape(i)}", t.text or "")]
        read_back |= {i for i in ids if i in cell.text}
    assert not breakable, f"ids with a breakable hyphen in cells: {sorted(set(breakable))[:8]}"
    # python-docx, like Word's plain-text copy, reads the non-breaking hyphen as "-"
    assert {"KPS-1.1", "HSO-1.3", "KDP-HSO", "HP-6"} <= read_back


def to_pdf(path: Path) -> Path:
    """``path`` converted to PDF by LibreOffice (skipped where it is not installed)."""
    from test_office import _soffice

    soffice = _soffice()
    outdir = path.parent / f"pdf-{path.stem}"
    profile = Path("/tmp") / f"lo-maltrace-{uuid.uuid4().hex[:12]}"
    try:
        subprocess.run(
            [
                *(soffice, f"-env:UserInstallation=file://{profile}", "--headless"),
                *("--convert-to", "pdf", "--outdir", str(outdir), str(path)),
            ],
            capture_output=True,
            timeout=300,
            check=True,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return outdir / (path.stem + ".pdf")


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page, laid out as on the page (a cell's lines stay lines)."""
    text = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def test_ids_in_libreoffice_never_end_a_line_at_their_hyphen(docx_path, example):
    text = "\n".join(pdf_pages(to_pdf(docx_path)))
    ids = [*example.graph.nodes, *(p.id for p in example.plans)]
    prefixes = {n.split("-")[0] for n in ids if "-" in n}
    cut = [
        line.strip()
        for line in text.splitlines()
        if re.search(rf"(?<![\w-])({'|'.join(map(re.escape, prefixes))})-(\s|$)", line)
    ]
    assert not cut, f"lines ending inside an id: {cut[:8]}"
    # the ids are found in the PDF's text as the planner types them
    flat = text.replace("\u2011", "-")
    assert "HSO-1.3" in flat and "KPS-1.1" in flat


# -- one follower a line ---------------------------------------------------------------------------


def _goal_table(path: Path, header: str):
    doc = open_docx(path)
    for table in doc.tables:
        if header in [c.text for c in table.rows[0].cells]:
            return table
    raise AssertionError(f"no table headed {header!r}")


def test_followers_of_a_goal_stand_one_a_line(docx_path, example):
    table = _goal_table(docx_path, "Følgt opp av")
    headers = [c.text for c in table.rows[0].cells]
    by = headers.index("Følgt opp av")
    rows = {r.cells[0].text: r.cells for r in table.rows[1:]}
    goal = next(g for g in example.goals if len(g.followed_up_by) >= 3)
    lines = rows[goal.id][by].text.split("\n")
    assert len(lines) == len(goal.followed_up_by)
    for line, follower in zip(lines, goal.followed_up_by, strict=True):
        # id, then title: nothing else takes room on the line
        assert line == f"{follower} {example.graph.nodes[follower]['title']}", line
    # the short columns are only as wide as what they hold; the followers get the room
    widths = [c.width for c in table.rows[0].cells]
    assert widths[by] == max(widths)
    plan, status = headers.index("Plan"), headers.index("Status")
    assert widths[plan] + widths[status] < 0.25 * sum(widths)


# -- accessible Word: alt text, headings, header rows, language -----------------------------------

WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
LANGS = {"nn": "nn-NO", "nb": "nb-NO", "en": "en-GB"}


def _xml(path: Path, part: str):
    from lxml import etree

    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(part))


def _word_files(example, tmp_path_factory):
    from maltrace.api import status as run_status
    from maltrace.render.status.document import write_status_report

    folder = tmp_path_factory.mktemp("a11y")
    out = []
    for lang in LANGS:
        path = folder / f"rapport-{lang}.docx"
        write_report(example, path, lang=lang)
        out.append((lang, path))
    path = folder / "status.docx"
    write_status_report(run_status(EXAMPLE_PLANS), path)
    out.append(("nn", path))
    return out


@pytest.fixture(scope="module")
def word_files(example, tmp_path_factory):
    return _word_files(example, tmp_path_factory)


def test_word_pictures_have_alternative_text(word_files):
    for _lang, path in word_files:
        pictures = list(_xml(path, "word/document.xml").iter(f"{WP}docPr"))
        assert pictures, path.name
        for pic in pictures:
            descr = pic.get("descr", "")
            assert len(descr) > 20, f"{path.name}: picture {pic.get('name')} has no alt text"
    # a diagram's says what it shows, in words: how many goals, which are not followed up
    report_nn = word_files[0][1]
    texts = [p.get("descr") for p in _xml(report_nn, "word/document.xml").iter(f"{WP}docPr")]
    assert any("Mål i biletet: 6" in d and "Ikkje følgde opp: KPS-1.1.2" in d for d in texts)


def test_word_headings_are_heading_styles_in_order(word_files):
    for _lang, path in word_files:
        doc = open_docx(path)
        levels = [
            int(p.style.name.split()[-1])
            for p in doc.paragraphs
            if p.style.name.startswith("Heading ") and p.text.strip()
        ]
        assert levels and levels[0] == 1, path.name
        jumps = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
        assert not jumps, f"{path.name}: heading levels skip: {jumps}"
        # a heading is never bold normal text posing as one
        for p in doc.paragraphs:
            if p.style.name == "Normal" and p.runs and all(r.bold for r in p.runs):
                assert len(p.text) > 60 or any(c.isdigit() for c in p.text), p.text


def test_word_tables_mark_their_header_rows(word_files):
    for _lang, path in word_files:
        body = _xml(path, "word/document.xml")
        tables = list(body.iter(f"{W}tbl"))
        assert tables
        for tbl in tables:
            first = tbl.find(f"{W}tr")
            assert first.find(f"{W}trPr/{W}tblHeader") is not None, path.name


def test_word_document_language_is_set(word_files):
    for lang, path in word_files:
        styles = _xml(path, "word/styles.xml")
        default = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
        assert default is not None and default.get(f"{W}val") == LANGS[lang], path.name
        core = _xml(path, "docProps/core.xml")
        assert any(e.text == LANGS[lang] for e in core.iter() if e.tag.endswith("language"))


# -- the contents have page numbers in LibreOffice too ---------------------------------------------


def test_contents_show_the_page_each_heading_is_on_in_libreoffice(docx_path, example):
    from maltrace.render.check.report import make_report

    pages = pdf_pages(to_pdf(docx_path))
    report = make_report(example, paged=True)
    contents = " ".join(pages[0].split())
    for section in report.sections:
        m = re.search(rf"{re.escape(section.heading)}\s*\.*\s*(\d+)", contents)
        assert m, f"no page number for {section.heading!r} in the contents"
        page = pages[int(m.group(1)) - 1]
        lines = [" ".join(line.split()) for line in page.splitlines()]
        assert section.heading in lines, f"{section.heading!r} is not on page {m.group(1)}"


# -- the status report: few pages, no empty sections, numbers that read ----------------------------


@pytest.fixture(scope="module")
def status_docx(tmp_path_factory) -> Path:
    import datetime as dt

    from maltrace.api import status as run_status
    from maltrace.render.status.document import write_status_report

    out = tmp_path_factory.mktemp("status") / "status.docx"
    write_status_report(run_status(EXAMPLE_PLANS, today=dt.date(2026, 12, 2)), out)
    return out


def test_status_report_groups_its_landscape_pages(status_docx):
    doc = open_docx(status_docx)
    turns = [s.orientation for s in doc.sections]
    flips = sum(1 for a, b in itertools.pairwise(turns) if a != b)
    assert flips <= 1, f"the page turns {flips} times: {turns}"


def test_status_report_leaves_out_empty_sections_and_says_them_in_a_line(status_docx):
    doc = open_docx(status_docx)
    texts = [p.text for p in doc.paragraphs]
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "Funn" not in headings  # the example has no findings: no page for «Ingen funn»
    assert "Ingen funn." in " ".join(texts)  # said once, in the summary


def test_status_report_amounts_and_values_read_as_numbers(status_docx):
    cells = [c.text for c in _cells(status_docx)]
    assert "800\u00a0000" in cells  # a thousands space that never breaks
    assert any(c == "72\u00a0000\u00a0(2030)" for c in cells)  # value and year stay together
    assert not any(c == "2\u00a0030" for c in cells)  # years are not numbers to group


def test_status_report_explains_its_pink_rows(status_docx):
    text = " ".join(p.text for p in open_docx(status_docx).paragraphs)
    assert "Raude rader" in text


def test_status_report_is_few_pages_in_libreoffice(status_docx):
    pages = pdf_pages(to_pdf(status_docx))
    assert len(pages) <= 6, f"{len(pages)} pages"
    for page in pages:  # no page holds only a heading and «nothing»
        words = page.split()
        assert len(words) > 12, page
    flat = "\n".join(pages)
    assert re.search(r"72\s000\s\(2030\)", flat)  # on one line


# -- one title per picture, one text size across a report's pictures -----------------------------


def test_a_picture_that_carries_its_title_has_no_caption_repeating_it(docx_path, example):
    from conftest import emf_texts

    from maltrace.render.check.report import make_report
    from maltrace.render.document import Figure

    titles = set()
    for section in make_report(example, paged=True).sections:
        for block in section.blocks:
            if isinstance(block, Figure) and block.emf:
                titles.add(emf_texts(block.draw("emf"))[0])
    captions = [p.text for p in open_docx(docx_path).paragraphs if p.style.name == "Caption"]
    repeated = [c for c in captions if any(c[:30] in title for title in titles)]
    assert not repeated, repeated


def test_pictures_are_placed_at_the_size_they_were_drawn_never_blown_up(docx_path):
    """The diagrams are drawn at one text size; placing each at its own size keeps it (a small
    picture stretched to the text width had letters half as big again as the next page's)."""
    body = _xml(docx_path, "word/document.xml")
    rels = _xml(docx_path, "word/_rels/document.xml.rels")
    target = {r.get("Id"): r.get("Target") for r in rels}
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    r = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    at_size = 0
    with zipfile.ZipFile(docx_path) as z:
        for inline in body.iter(f"{WP}inline"):
            cx = int(inline.find(f"{WP}extent").get("cx"))
            data = z.read("word/" + target[inline.find(f".//{a}blip").get(f"{r}embed")])
            if data[40:44] != b" EMF":
                continue
            left, _top, right, _bottom = struct.unpack("<4i", data[24:40])
            natural = (right - left) * 360
            assert cx <= natural + 360, f"picture blown up: {cx} > {natural}"
            at_size += abs(cx - natural) <= 360
    assert at_size >= 5


def test_report_explains_its_red_rows_and_keeps_a_picture_with_the_line_before_it(docx_path):
    doc = open_docx(docx_path)
    text = " ".join(p.text for p in doc.paragraphs)
    assert "Raude rader i tabellane" in text
    intro = next(p for p in doc.paragraphs if p.text.startswith("Heile oversikta har"))
    assert intro.paragraph_format.keep_with_next


def test_a_heading_and_its_lines_share_the_page_with_the_picture_they_introduce(docx_path, example):
    from conftest import emf_texts

    from maltrace.render.check.report import make_report
    from maltrace.render.document import Figure, Paragraph

    pages = [" ".join(p.split()) for p in pdf_pages(to_pdf(docx_path))]
    checked = 0
    for section in make_report(example, paged=True).sections:
        blocks = [b for b in section.blocks if not isinstance(b, Paragraph)]
        if not blocks or not isinstance(blocks[0], Figure) or not blocks[0].emf:
            continue
        title = " ".join(emf_texts(blocks[0].draw("emf"))[0].split())
        on = [i for i, p in enumerate(pages) if title in p]
        assert on, title
        assert any(section.heading in p.split(title)[0] for p in (pages[on[0]],)), (
            f"{section.heading!r} is not on the page of its picture (page {on[0] + 1})"
        )
        checked += 1
    assert checked >= 4


def test_markdown_has_no_red_rows_to_explain(example, tmp_path):
    out = tmp_path / "r.md"
    write_report(example, out)
    assert "Raude rader" not in out.read_text(encoding="utf-8")


def test_every_row_of_the_diff_reports_tables_reaches_the_page(tmp_path) -> None:
    # A table that starts at the foot of a page with one row and its header repeated over the
    # rest lost those rows in LibreOffice: the diff report showed one of its seven things to
    # follow up. A table now starts with its header and first rows together.
    from maltrace import api

    data = Path(__file__).resolve().parent / "data" / "diff"
    result = api.diff(data / "utkast", data / "vedteken")
    out = tmp_path / "endringar.docx"
    api.write_diff(result, out)
    text = " ".join(" ".join(pdf_pages(to_pdf(out))).split())
    assert len(result.impact) == 7
    # each impact's message names its node: «Målet KPS-2.3 («Kommunen …», «HSO-2 følgjer opp
    # KPS-1.4 …»
    said = [
        f"{i.node} følgjer opp {i.target}" if i.target else f"{i.node} («" for i in result.impact
    ]
    missing = [words for words in said if words not in text]
    assert missing == []


def test_a_diagrams_caption_stays_on_its_pictures_page(tmp_path) -> None:
    # A diagram placed after a heading and lines of its own took the caption's room too, and
    # its caption went alone onto the next page.
    from maltrace import api

    data = Path(__file__).resolve().parent / "data" / "diff"
    out = tmp_path / "endringar.docx"
    api.write_diff(api.diff(data / "utkast", data / "vedteken"), out)
    pages = [" ".join(page.split()) for page in pdf_pages(to_pdf(out))]
    (with_caption,) = [p for p in pages if "er merkt med Δ" in p]
    assert "HSO-1.2" in with_caption  # a box of the diagram, drawn as text on the same page
