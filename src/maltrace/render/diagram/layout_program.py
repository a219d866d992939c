"""Running the layout program and turning its SVG into PDF.

By default maltrace runs ``graphviz-pure``, the pure-Rust port of Graphviz that ``pip install``
brings along (it installs a program of that name next to ``python``, not a ``dot``). A system
Graphviz is used only when asked for: ``dot_program`` (``--dot PATH``) or ``MALTRACE_DOT``.

graphviz-pure writes SVG and PNG but no PDF, so PDF is made from the SVG with svglib and
reportlab, with the bundled Arimo font embedded (æøå and all).
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path
from typing import Any

from maltrace.errors import MaltraceError

PURE = "graphviz-pure"
ENV_VAR = "MALTRACE_DOT"
TIMEOUT_S = 300
FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"
PDF_FONT = "MaltraceArimo"
# PDF viewers (Acrobat) refuse pages larger than 200 inches on a side.
PDF_MAX_SIDE_PT = 14400.0


class RenderError(MaltraceError):
    """The layout program could not be found or failed. ``code`` and ``params`` name the
    catalogue message (``diagram.error.<code>``)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, key=f"diagram.error.{code}", **params)


def find_program(dot_program: str | os.PathLike[str] | None = None) -> str:
    """The layout program to run: ``dot_program``, else ``$MALTRACE_DOT``, else graphviz-pure
    from this Python's scripts folder (works without an activated venv), else from PATH."""
    asked = os.fspath(dot_program) if dot_program else os.environ.get(ENV_VAR, "").strip()
    if asked:
        found = shutil.which(asked) if os.sep not in asked and "/" not in asked else None
        path = found or asked
        if not (Path(path).is_file() and os.access(path, os.X_OK)):
            raise RenderError("program_not_found", program=asked)
        return path
    exe = PURE + (".exe" if sys.platform == "win32" else "")
    folders = [sysconfig.get_path("scripts"), str(Path(sys.executable).parent)]
    with contextlib.suppress(KeyError):  # a platform without a user scheme
        folders.append(sysconfig.get_path("scripts", f"{os.name}_user"))
    for folder in folders:
        candidate = Path(folder) / exe
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    found = shutil.which(PURE)
    if found:
        return found
    raise RenderError("pure_not_found", program=PURE)


def run(program: str, dot: str, fmt: str, *args: str) -> bytes:
    """Lay out ``dot`` with ``program`` and return the output in format ``fmt``."""
    cmd = [program, f"-T{fmt}", "-q", *args]
    try:
        proc = subprocess.run(
            cmd, input=dot.encode("utf-8"), capture_output=True, timeout=TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired:
        raise RenderError("timeout", program=program, seconds=TIMEOUT_S) from None
    except OSError as exc:
        raise RenderError("program_failed", program=program, detail=str(exc)) from None
    if proc.returncode != 0 or not proc.stdout:
        detail = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RenderError(
            "program_failed", program=program, detail=" ".join(detail[-3:]) or proc.returncode
        )
    return proc.stdout


_FONT_FAMILY = re.compile(rb'font-family="[^"]*"')


def svg_to_pdf(svg: bytes, *, title: str = "maltrace") -> bytes:
    """A vector PDF of a Graphviz SVG, one page the size of the drawing, the bundled Arimo
    embedded (subset) for every text. Byte-identical for the same SVG."""
    from reportlab.graphics import renderPDF
    from reportlab.graphics.shapes import STATE_DEFAULTS
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas
    from svglib.fonts import FontMap
    from svglib.svglib import svg2rlg

    registered = pdfmetrics.getRegisteredFontNames()
    for suffix, file in (("", "Arimo-Regular.ttf"), ("-Bold", "Arimo-Bold.ttf")):
        if PDF_FONT + suffix not in registered:
            pdfmetrics.registerFont(TTFont(PDF_FONT + suffix, str(FONT_DIR / file)))
    font_map = FontMap()
    font_map.register_font(PDF_FONT, rlgFontName=PDF_FONT)
    font_map.register_font(PDF_FONT, weight="bold", rlgFontName=PDF_FONT + "-Bold")
    # Every text in the drawing is set in Arimo (svglib would map "Helvetica" to the
    # unembedded base-14 font, which has no glyphs of its own and no æøå in some viewers).
    svg = _FONT_FAMILY.sub(f'font-family="{PDF_FONT}"'.encode(), svg)
    drawing = svg2rlg(io.BytesIO(svg), font_map=font_map)
    if drawing is None:  # pragma: no cover - Graphviz SVG always parses
        raise RenderError("program_failed", program="svglib", detail="unreadable SVG")
    side = max(drawing.width, drawing.height)
    if side > PDF_MAX_SIDE_PT:
        factor = PDF_MAX_SIDE_PT / side
        drawing.scale(factor, factor)
        drawing.width *= factor
        drawing.height *= factor
    out = io.BytesIO()
    canvas = Canvas(
        out,
        pagesize=(drawing.width, drawing.height),
        invariant=True,
        initialFontName=PDF_FONT,
        pageCompression=1,
    )
    canvas.setTitle(title)
    canvas.setCreator("maltrace")
    canvas.setProducer("maltrace")
    # renderPDF starts every drawing in base-14 Helvetica, which would be listed (not embedded)
    # in the PDF though no text uses it; start it in the embedded font instead.
    saved = STATE_DEFAULTS["fontName"]
    STATE_DEFAULTS["fontName"] = PDF_FONT
    try:
        renderPDF.draw(drawing, canvas, 0, 0)
    finally:
        STATE_DEFAULTS["fontName"] = saved
    canvas.showPage()
    canvas.save()
    return out.getvalue()
