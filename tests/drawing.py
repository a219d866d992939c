"""Diagrams drawn straight from an analysis, for tests: the view is built, then laid out."""

from __future__ import annotations

from typing import Any

from maltrace.analysis import Analysis
from maltrace.render.diagram import build_diagram
from maltrace.render.diagram.output import render_pdf, render_png, render_svg

_DRAW = ("dot_program",)


def _build(analysis: Analysis, kw: dict[str, Any]) -> Any:
    return build_diagram(analysis, **{k: v for k, v in kw.items() if k not in _DRAW})


def diagram_dot(analysis: Analysis, **kw: Any) -> str:
    return str(_build(analysis, kw).dot)


def diagram_svg(analysis: Analysis, *, dot_program: Any = None, **kw: Any) -> str:
    return render_svg(_build(analysis, kw), dot_program=dot_program)


def diagram_png(
    analysis: Analysis,
    *,
    dot_program: Any = None,
    dpi: int = 200,
    max_pixels: int | None = None,
    **kw: Any,
) -> bytes:
    extra = {} if max_pixels is None else {"max_pixels": max_pixels}
    return render_png(_build(analysis, kw), dot_program=dot_program, dpi=dpi, **extra)


def diagram_pdf(analysis: Analysis, *, dot_program: Any = None, **kw: Any) -> bytes:
    return render_pdf(_build(analysis, kw), dot_program=dot_program)
