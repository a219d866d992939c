"""Diagram -> SVG, PNG, PDF or DOT bytes, through graphviz-pure (or a system Graphviz)."""

from __future__ import annotations

import dataclasses
import functools
import math
import os
import re
import struct
from pathlib import Path

from maltrace.i18n import format_percent, t
from maltrace.load.cache import PictureCache, default_cache_dir, picture_key
from maltrace.render.diagram.base import (
    DEFAULT_DPI,
    DEFAULT_MAX_PIXELS,
    FORMATS,
    PAGE_HEIGHT_CM,
    Diagram,
    DiagramError,
)
from maltrace.render.diagram.emf import xdot_to_emf
from maltrace.render.diagram.layout_program import RenderError, find_program, run, svg_to_pdf

XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
# Boxes are set in 9 pt; scaled below this, the text is under 6.75 pt and hard to read on paper.
MIN_READABLE_SCALE = 0.75
_SVG_SCALE = re.compile(r'<g id="graph0" class="graph" transform="scale\(([\d.]+)')


def svg_scale(svg: str) -> float:
    """How much the layout program scaled the drawing down to fit the width (1.0: not at all)."""
    match = _SVG_SCALE.search(svg)
    return float(match.group(1)) if match else 1.0


def with_scale_warning(diagram: Diagram, svg: str, width_cm: float) -> Diagram:
    """The diagram with a warning when it will not read on paper: scaled down below 75 % to fit
    the width, or so tall that fitting it on an A4 page would (the reports split on the same
    rule). One warning is enough: none is added to a diagram that already has one."""
    if diagram.warnings:
        return diagram
    scale = svg_scale(svg)
    if scale < MIN_READABLE_SCALE:
        text = t(
            "diagram.scaled",
            diagram.lang,
            percent=format_percent(scale, diagram.lang),
            width=f"{width_cm:g}",
        )
        return dataclasses.replace(diagram, warnings=(text,))
    height_cm = svg_size(svg)[1] / 72 * 2.54
    fit = PAGE_HEIGHT_CM / height_cm if height_cm else 1.0
    if fit >= MIN_READABLE_SCALE:
        return diagram
    key = "diagram.too_tall" if diagram.view == "overview" else "diagram.too_tall_part"
    text = t(
        key,
        diagram.lang,
        height=f"{height_cm:.0f}",
        percent=format_percent(fit, diagram.lang),
    )
    return dataclasses.replace(diagram, warnings=(text,))


def output_format(path: str | os.PathLike[str]) -> str:
    """``svg``, ``png``, ``pdf`` or ``dot`` from a file name; ``DiagramError`` otherwise."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise DiagramError("bad_format", suffix=suffix or Path(path).name)
    return FORMATS[suffix]


def render(
    diagram: Diagram,
    fmt: str,
    *,
    dot_program: str | os.PathLike[str] | None = None,
    dpi: int = DEFAULT_DPI,
    max_pixels: int = DEFAULT_MAX_PIXELS,
) -> bytes:
    """``diagram`` in ``fmt`` (svg, png, pdf or dot) as the bytes of a file."""
    if fmt == "dot":
        return diagram.dot.encode("utf-8")
    if fmt == "svg":
        return (XML_DECLARATION + render_svg(diagram, dot_program=dot_program)).encode("utf-8")
    if fmt == "png":
        return render_png(diagram, dot_program=dot_program, dpi=dpi, max_pixels=max_pixels)
    if fmt == "pdf":
        return render_pdf(diagram, dot_program=dot_program)
    raise DiagramError("bad_format", suffix=fmt)


def file_bytes(
    diagram: Diagram,
    fmt: str,
    *,
    width_cm: float,
    dot_program: str | os.PathLike[str] | None = None,
    dpi: int = DEFAULT_DPI,
    max_pixels: int = DEFAULT_MAX_PIXELS,
) -> tuple[Diagram, bytes]:
    """``diagram`` as the bytes of a file in ``fmt`` (svg, png, pdf or dot), laid out once, and
    the diagram with a warning when it is scaled below readable at ``width_cm`` (not for dot)."""
    if fmt == "dot":
        return diagram, diagram.dot.encode("utf-8")
    svg = render_svg(diagram, dot_program=dot_program)
    diagram = with_scale_warning(diagram, svg, width_cm)
    if fmt == "svg":
        return diagram, (XML_DECLARATION + svg).encode("utf-8")
    if fmt == "png":  # the layout gives the size, so PNG needs one more run, not two
        png = render_png(diagram, dot_program=dot_program, dpi=dpi, max_pixels=max_pixels, svg=svg)
        return diagram, png
    return diagram, svg_to_pdf(svg.encode("utf-8"), title=diagram.title)


# Graphviz writes "Helvetica,sans-Serif"; a viewer without Helvetica then may take a wider sans
# (DejaVu) and overflow the boxes. Name the metric-compatible families before the generic one.
_SVG_FONTS = (
    'font-family="Helvetica,sans-Serif"',
    'font-family="Helvetica,Arial,Arimo,&apos;Liberation Sans&apos;,sans-serif"',
)


def render_svg(diagram: Diagram, *, dot_program: str | os.PathLike[str] | None = None) -> str:
    raw = _run(diagram.dot, "svg", dot_program)
    text = raw.decode("utf-8").replace(*_SVG_FONTS)
    start = text.find("<svg")
    return text[start:] if start >= 0 else text


def render_emf(diagram: Diagram, *, dot_program: str | os.PathLike[str] | None = None) -> bytes:
    """EMF of ``diagram`` (for Word), from the layout program's drawing instructions.

    Raises ``EmfError`` when the drawing holds something the EMF writer does not draw."""
    try:
        program = find_program(dot_program)
        key = picture_key(program, "emf", (), diagram.dot)
        found = _cached(key, "emf")
        if found is not None:
            return found
        data = xdot_to_emf(run(program, diagram.dot, "xdot")).data
    except RenderError as exc:
        raise DiagramError(exc.code, **exc.params) from None
    _pictures().put(key, data)
    return data


def is_emf(data: bytes) -> bool:
    return data[:4] == b"\x01\0\0\0" and data[40:44] == b" EMF"


def emf_size(data: bytes) -> tuple[int, int]:
    """Width and height of EMF ``data`` in hundredths of a millimetre (its frame)."""
    left, top, right, bottom = struct.unpack("<4i", data[24:40])
    return right - left, bottom - top


def render_png(
    diagram: Diagram,
    *,
    dot_program: str | os.PathLike[str] | None = None,
    dpi: int = DEFAULT_DPI,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    svg: str | None = None,
) -> bytes:
    """PNG of ``diagram``; ``svg`` (its layout, if already made) gives the size in points."""
    if svg is None:
        svg = render_svg(diagram, dot_program=dot_program)
    width_pt, height_pt = svg_size(svg)
    use_dpi = float(max(dpi, 1))
    pixels = (width_pt / 72 * use_dpi) * (height_pt / 72 * use_dpi)
    if pixels > max_pixels > 0:
        use_dpi = use_dpi * math.sqrt(max_pixels / pixels)
    # Round down, so that rounding never lifts the picture over the cap.
    use_dpi = max(math.floor(use_dpi * 100) / 100, 1.0)
    return _run(diagram.dot, "png", dot_program, f"-Gdpi={use_dpi:g}")


def render_png_many(
    diagrams: list[Diagram],
    *,
    dpi: int,
    dot_program: str | os.PathLike[str] | None = None,
) -> list[bytes | DiagramError]:
    """PNGs of several diagrams at ``dpi``: those not drawn before (see ``PictureCache``) from
    one run of the layout program (its start and set-up cost a fifth of a small picture). For
    pictures already sized for a page, so no pixel cap. A failed run is redone one diagram at a
    time, so that only the diagram that fails carries the error."""
    try:
        program = find_program(dot_program)
    except RenderError as exc:
        return [DiagramError(exc.code, **exc.params) for _ in diagrams]
    args = (f"-Gdpi={dpi}",)
    keys = [picture_key(program, "png", args, d.dot) for d in diagrams]
    results: list[bytes | DiagramError | None] = [_cached(key, "png") for key in keys]
    missing = [i for i, found in enumerate(results) if found is None]
    if len(missing) > 1:
        try:
            data = run(program, "\n".join(diagrams[i].dot for i in missing), "png", *args)
            drawn = split_pngs(data)
        except (RenderError, ValueError):
            drawn = []
        if len(drawn) == len(missing):
            for i, png in zip(missing, drawn, strict=True):
                results[i] = png
                _pictures().put(keys[i], png)
    for i, found in enumerate(results):
        if found is None:
            try:
                png = run(program, diagrams[i].dot, "png", *args)
            except RenderError as exc:
                results[i] = DiagramError(exc.code, **exc.params)
            else:
                results[i] = png
                _pictures().put(keys[i], png)
    _pictures().prune()
    return [r for r in results if r is not None]


_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def split_pngs(data: bytes) -> list[bytes]:
    """The PNG files written one after another into ``data``, split by reading each file's
    chunks up to its ``IEND`` (so bytes inside compressed data never cut a file short)."""
    files: list[bytes] = []
    start = 0
    while start < len(data):
        if data[start : start + 8] != _PNG_SIGNATURE:
            raise ValueError("not a PNG")
        pos = start + 8
        while True:
            if pos + 8 > len(data):
                raise ValueError("PNG cut short")
            (length,) = struct.unpack(">I", data[pos : pos + 4])
            kind = data[pos + 4 : pos + 8]
            pos += 12 + length  # length, type, data, CRC
            if kind == b"IEND":
                break
        if pos > len(data):
            raise ValueError("PNG cut short")
        files.append(data[start:pos])
        start = pos
    return files


def render_pdf(diagram: Diagram, *, dot_program: str | os.PathLike[str] | None = None) -> bytes:
    svg = _run(diagram.dot, "svg", dot_program)
    return svg_to_pdf(svg, title=diagram.title)


_SVG_SIZE = re.compile(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"')


def svg_size(svg: str) -> tuple[float, float]:
    """Width and height of a Graphviz SVG, in points."""
    match = _SVG_SIZE.search(svg)
    if match is None:  # pragma: no cover - Graphviz always writes both
        return (0.0, 0.0)
    return float(match.group(1)), float(match.group(2))


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height in pixels of PNG ``data``."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _run(dot: str, fmt: str, dot_program: str | os.PathLike[str] | None, *args: str) -> bytes:
    try:
        program = find_program(dot_program)
        key = picture_key(program, fmt, args, dot)
        found = _cached(key, fmt)
        if found is not None:
            return found
        data = run(program, dot, fmt, *args)
    except RenderError as exc:
        raise DiagramError(exc.code, **exc.params) from None
    _pictures().put(key, data)
    return data


def _pictures() -> PictureCache:
    return _pictures_in(default_cache_dir())


@functools.cache
def _pictures_in(folder: Path) -> PictureCache:
    return PictureCache(folder)


def _cached(key: str, fmt: str) -> bytes | None:
    """A picture drawn before for ``key``, if it is one (a PNG, an EMF, or text holding an
    SVG)."""
    data = _pictures().get(key)
    if data is None:
        return None
    if fmt == "png" and not data.startswith(_PNG_SIGNATURE):
        return None
    if fmt == "svg" and b"<svg" not in data[:2000]:
        return None
    if fmt == "emf" and not is_emf(data):
        return None
    return data
