"""Drawing a report's pictures: many at once, in the background, and never twice for the same
drawing (the picture cache)."""

from __future__ import annotations

import os
import stat
import sys
import time
import zipfile
from pathlib import Path

import pytest

from maltrace.analysis import Analysis, analyse
from maltrace.graph import build_graph
from maltrace.load import load_plan_set
from maltrace.render.check.report import write_report
from maltrace.render.diagram import build_diagram, count_boxes, split_parts
from maltrace.render.diagram.base import Diagram, DiagramError
from maltrace.render.diagram.figures import PART_DPI, diagram_blocks
from maltrace.render.diagram.layout_program import find_program
from maltrace.render.diagram.output import render_png, render_png_many, split_pngs
from maltrace.render.document import Figure, FigureError

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="a shell script as the program")

PLANS = Path(__file__).resolve().parent.parent / "plans"


@pytest.fixture(scope="module")
def example() -> Analysis:
    return analyse(build_graph(load_plan_set([PLANS])))


@pytest.fixture
def runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The layout program, wrapped so that every run leaves a line in the returned log."""
    log = tmp_path / "runs.log"
    log.touch()
    real = find_program(None)
    script = tmp_path / "counting-dot"
    script.write_text(f'#!/bin/sh\necho run >> "{log}"\nexec "{real}" "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("MALTRACE_DOT", str(script))
    return log


def _count(log: Path) -> int:
    return len(log.read_text(encoding="utf-8").splitlines())


def _media(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n.startswith("word/media/")}


def _parts(example: Analysis, n: int = 3) -> list[Diagram]:
    return [p.diagram for p in split_parts(example, max_boxes=12)][:n]


def test_a_report_drawn_again_runs_the_layout_program_for_nothing(
    example: Analysis, runs: Path, tmp_path: Path
) -> None:
    write_report(example, tmp_path / "first.docx")
    first = _count(runs)
    assert first > 0
    write_report(example, tmp_path / "again.docx")
    assert _count(runs) == first  # every picture came from the cache
    assert _media(tmp_path / "first.docx") == _media(tmp_path / "again.docx")


def test_a_changed_drawing_is_drawn_again(example: Analysis, runs: Path) -> None:
    diagram = _parts(example, 1)[0]
    render_png_many([diagram], dpi=PART_DPI)
    before = _count(runs)
    changed = Diagram(**{**diagram.__dict__, "dot": diagram.dot.replace("bgcolor=white", "")})
    render_png_many([changed], dpi=PART_DPI)
    assert _count(runs) == before + 1
    render_png_many([diagram], dpi=PART_DPI + 1)  # another resolution is another picture
    assert _count(runs) == before + 2


def test_many_pictures_come_from_one_run_and_match_one_by_one(
    example: Analysis, runs: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    diagrams = _parts(example)
    assert len(diagrams) == 3
    together = render_png_many(diagrams, dpi=PART_DPI)
    assert _count(runs) == 1
    monkeypatch.setenv("MALTRACE_CACHE_DIR", str(private_cache / "elsewhere"))
    alone = [render_png(d, dpi=PART_DPI, svg='<svg width="1pt" height="1pt"') for d in diagrams]
    assert together == alone


def test_a_drawing_that_fails_carries_its_own_error(example: Analysis, runs: Path) -> None:
    good = _parts(example, 2)
    broken = Diagram(**{**good[0].__dict__, "dot": "digraph { a -> }\n"})
    drawn = render_png_many([good[0], broken, good[1]], dpi=PART_DPI)
    assert isinstance(drawn[1], DiagramError)
    assert all(isinstance(d, bytes) and d.startswith(b"\x89PNG") for d in (drawn[0], drawn[2]))


def test_a_spoilt_cache_entry_is_drawn_again(
    example: Analysis, runs: Path, private_cache: Path
) -> None:
    diagram = _parts(example, 1)[0]
    [png] = render_png_many([diagram], dpi=PART_DPI)
    for entry in private_cache.glob("*/pictures/*"):
        entry.write_bytes(b"<script>not a picture</script>")
    assert render_png_many([diagram], dpi=PART_DPI) == [png]
    assert _count(runs) == 2


def test_a_cache_others_can_write_to_is_not_read(
    example: Analysis, runs: Path, private_cache: Path
) -> None:
    diagram = _parts(example, 1)[0]
    render_png_many([diagram], dpi=PART_DPI)
    [root] = private_cache.glob("*/pictures")
    root.parent.chmod(root.parent.stat().st_mode | stat.S_IWOTH)
    try:
        render_png_many([diagram], dpi=PART_DPI)
    finally:
        root.parent.chmod(0o700)
    assert _count(runs) == 2


def test_the_cache_keeps_only_the_newest(
    example: Analysis, runs: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from maltrace.load.cache import PictureCache

    monkeypatch.setattr(PictureCache, "KEEP", 2)
    render_png_many(_parts(example), dpi=PART_DPI)
    assert len(list(private_cache.glob("*/pictures/*"))) == 2


def test_split_pngs_reads_each_file_to_its_end(example: Analysis) -> None:
    pngs = [d for d in render_png_many(_parts(example, 2), dpi=72) if isinstance(d, bytes)]
    assert split_pngs(pngs[0] + pngs[1]) == pngs
    with pytest.raises(ValueError):
        split_pngs(pngs[0][:-5])
    with pytest.raises(ValueError):
        split_pngs(pngs[0] + b"junk")


def test_figures_start_drawing_before_a_writer_asks(
    example: Analysis, runs: Path, tmp_path: Path
) -> None:
    figures = [b for b in diagram_blocks(example, paged=True) if isinstance(b, Figure)]
    assert len(figures) > 1 and all(f.prepare is not None for f in figures)
    figures[0].prepare("png")  # type: ignore[misc]
    deadline = time.monotonic() + 60
    while _count(runs) == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _count(runs) > 0  # drawn without anyone waiting for it
    assert all(f.draw("png").startswith(b"\x89PNG") for f in figures)


def test_a_failing_program_surfaces_when_the_figure_is_drawn(
    example: Analysis, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    failing = tmp_path / "failing-dot"
    failing.write_text("#!/bin/sh\necho broken >&2\nexit 3\n", encoding="utf-8")
    failing.chmod(0o755)
    monkeypatch.setenv("MALTRACE_DOT", str(failing))
    figures = [b for b in diagram_blocks(example, paged=True) if isinstance(b, Figure)]
    for figure in figures:
        if figure.prepare is not None:
            figure.prepare("png")
    with pytest.raises(FigureError, match="broken"):
        figures[0].draw("png")


def test_boxes_are_counted_without_drawing(example: Analysis) -> None:
    analysis = example
    assert count_boxes(analysis) == len(build_diagram(analysis).boxes)
    for plan in analysis.plan_files:
        drawn = build_diagram(analysis, view="plan", plan=plan)
        assert count_boxes(analysis, view="plan", plan=plan) == len(drawn.boxes)


def test_no_picture_is_written_with_room_for_others(example: Analysis, private_cache: Path) -> None:
    render_png_many(_parts(example, 1), dpi=PART_DPI)
    for path in private_cache.glob("*/pictures*"):
        assert not os.stat(path).st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def test_a_word_report_hashes_each_picture_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import hashlib
    import io

    import docx.parts.image
    from PIL import Image

    from maltrace.render.document import Document, Section
    from maltrace.render.document.docx import document_docx

    def png(shade: int) -> bytes:
        out = io.BytesIO()
        Image.new("RGB", (4, 3), (shade, shade, shade)).save(out, "PNG")
        return out.getvalue()

    hashed: list[int] = []

    class Counting:
        @staticmethod
        def sha1(data: bytes) -> hashlib._Hash:
            hashed.append(len(data))
            return hashlib.sha1(data)

    monkeypatch.setattr(docx.parts.image, "hashlib", Counting)
    pictures = [png(i) for i in range(30)]
    figures = tuple(
        Figure(alt=f"part {i}", draw=lambda fmt, data=data: data, caption=f"part {i}")
        for i, data in enumerate(pictures)
    )
    report = Document(lang="nn", title="t", generated="g", sections=(Section("s", "S", figures),))
    plain = docx.parts.image.ImagePart.__dict__["sha1"]
    document_docx(report)
    assert len(hashed) <= len(pictures)  # python-docx alone: 30 · 29 / 2 = 435
    # Only while the report adds its pictures: python-docx is left as it was found, for any
    # other document made in the same process.
    assert docx.parts.image.ImagePart.__dict__["sha1"] is plain


def test_importing_the_word_writer_changes_nothing_in_python_docx() -> None:
    import subprocess
    import sys

    code = (
        "from docx.parts.image import ImagePart; before = ImagePart.__dict__['sha1']; "
        "import maltrace.render.document.docx; "
        "assert ImagePart.__dict__['sha1'] is before"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_word_report_puts_each_picture_or_its_reason_above_its_caption() -> None:
    import io

    import docx
    from PIL import Image

    from maltrace.render.document import Document, Paragraph, Section
    from maltrace.render.document.docx import document_docx

    out = io.BytesIO()
    Image.new("RGB", (40, 30), "white").save(out, "PNG")
    drawn = out.getvalue()

    def broken(fmt: str) -> bytes:
        raise FigureError("Diagrammet kunne ikkje teiknast: prøv igjen")

    blocks = (
        Paragraph("før"),
        Figure(alt="a", draw=lambda fmt: drawn, caption="Figur A"),
        Figure(alt="b", draw=broken, caption="Figur B"),
        Paragraph("etter"),
    )
    report = Document(lang="nn", title="t", generated="g", sections=(Section("s", "S", blocks),))
    read = docx.Document(io.BytesIO(document_docx(report)))
    texts = [p.text for p in read.paragraphs]
    start = texts.index("før")
    assert texts[start : start + 6] == [
        "før",
        "",  # the picture
        "Figur A",
        "Diagrammet kunne ikkje teiknast: prøv igjen",
        "Figur B",
        "etter",
    ]
    picture = read.paragraphs[start + 1]
    assert picture._p.xpath(".//pic:pic")
    assert len(read.inline_shapes) == 1
