"""The diagram(s) a report shows, as document figures: the overview when it reads at the page
width, otherwise one readable part per satsingsområde (see ``split``)."""

from __future__ import annotations

import functools
import itertools
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from maltrace.analysis import Analysis
from maltrace.i18n import Lang, t
from maltrace.render.diagram.base import (
    DEFAULT_WIDTH_CM,
    LARGE_VIEW,
    PAGE_HEIGHT_CM,
    Diagram,
    DiagramError,
)
from maltrace.render.diagram.output import (
    MIN_READABLE_SCALE,
    render_png,
    render_svg,
    svg_scale,
    svg_size,
)
from maltrace.render.diagram.split import split_parts
from maltrace.render.document import Figure, FigureError, FigureFormat, Paragraph


def overview_is_readable(diagram: Diagram, svg: str | None, *, paged: bool = False) -> bool:
    """At most ``LARGE_VIEW`` boxes, and (when laid out) scaled no lower than 75 % — on a page
    (``paged``), also after fitting its height into the page, which a tall picture needs."""
    if len(diagram.boxes) > LARGE_VIEW:
        return False
    return svg is None or scale_on_page(svg, paged=paged) >= MIN_READABLE_SCALE


def scale_on_page(svg: str, *, paged: bool = True) -> float:
    """How large the picture is printed: the layout's scale to the width and, on a page, what
    fitting its height into ``PAGE_HEIGHT_CM`` takes off."""
    scale = svg_scale(svg)
    if paged:
        page = PAGE_HEIGHT_CM / 2.54 * 72
        scale *= min(1.0, page / max(svg_size(svg)[1], 1.0))
    return scale


def diagram_figures(
    analysis: Analysis, lang: Lang | None = None, *, width_cm: float = DEFAULT_WIDTH_CM
) -> list[Figure]:
    """The figures of ``diagram_blocks`` (without the note that says why it is split)."""
    return [b for b in diagram_blocks(analysis, lang, width_cm=width_cm) if isinstance(b, Figure)]


def diagram_blocks(
    analysis: Analysis,
    lang: Lang | None = None,
    *,
    width_cm: float = DEFAULT_WIDTH_CM,
    paged: bool = False,
) -> list[Paragraph | Figure]:
    """The report's diagram figures: the overview (or, for one plan's report, the plan's view)
    when it has at most 150 boxes and is not scaled below 75 % at ``width_cm``; otherwise one
    figure per satsingsområde of the followed plan(s), split further while too big, and one for
    what has no trace upwards. ``paged``: for a document of pages (Word), where a tall picture is
    shrunk to the page height, the overview must read after that too. Each figure draws lazily
    (SVG or PNG) and raises ``FigureError`` with the planner's message when the drawing fails."""
    from maltrace.render.diagram import build_diagram

    lang = lang or analysis.lang
    view: dict[str, str] = {"view": "plan", "plan": analysis.focus} if analysis.focus else {}
    try:
        whole = build_diagram(analysis, lang=lang, width_cm=width_cm, **view)  # type: ignore[arg-type]
        svg = render_svg(whole) if len(whole.boxes) <= LARGE_VIEW else None
    except (DiagramError, OSError) as exc:
        return [_failed(lang, exc)]
    if overview_is_readable(whole, svg, paged=paged):
        return [_figure(whole, lang, "diagram", t("report.diagram_alt", lang), svg)]
    parts = split_parts(analysis, lang=lang, width_cm=width_cm, legend="first")
    if not parts:
        return [_figure(whole, lang, "diagram", t("report.diagram_alt", lang), svg)]
    note = Paragraph(t("diagram.split_intro", lang, count=len(whole.boxes)), "note")
    batch = _Batch([p.diagram for p in parts], lang)
    figures = [
        Figure(
            alt=t("diagram.part_alt", lang, heading=p.diagram.title),
            draw=functools.partial(batch.draw, i),
            caption=p.diagram.title,
            key=f"diagram-{p.key}",
        )
        for i, p in enumerate(parts)
    ]
    return [note, *figures]


# The parts of a split are many pictures in one document: 150 dpi (sharp enough on paper at the
# A4 text width) keeps a Word report of a 2,000-node set at a third of the bytes and time of 200.
PART_DPI = 150


class _Batch:
    """The parts of a split, drawn together: the first figure a writer asks for lays out (and
    for PNG rasterises) every part at once on the machine's cores, since a writer asks for all."""

    def __init__(self, diagrams: list[Diagram], lang: Lang) -> None:
        self.diagrams = diagrams
        self.lang = lang
        self.svg: list[str | Exception] = []
        self.done: dict[str, list[bytes | Exception]] = {}
        self.lock = threading.Lock()

    def draw(self, index: int, fmt: FigureFormat) -> bytes:
        with self.lock:
            if fmt not in self.done:
                self.done[fmt] = self._all(fmt)
        result = self.done[fmt][index]
        if isinstance(result, Exception):
            raise FigureError(_reason(self.lang, result))
        return result

    def _all(self, fmt: FigureFormat) -> list[bytes | Exception]:
        workers = max(1, min(4, os.cpu_count() or 1))
        with ThreadPoolExecutor(max_workers=workers) as pool:
            if not self.svg:
                self.svg = list(pool.map(self._svg, self.diagrams))
            return list(pool.map(self._one, range(len(self.diagrams)), itertools.repeat(fmt)))

    def _svg(self, diagram: Diagram) -> str | Exception:
        try:
            return render_svg(diagram)
        except (DiagramError, OSError) as exc:
            return exc

    def _one(self, index: int, fmt: FigureFormat) -> bytes | Exception:
        svg = self.svg[index]
        if isinstance(svg, Exception):
            return svg
        if fmt == "svg":
            return svg.encode("utf-8")
        try:
            return render_png(self.diagrams[index], svg=svg, dpi=PART_DPI)
        except (DiagramError, OSError) as exc:
            return exc


def _figure(
    diagram: Diagram, lang: Lang, key: str, caption: str, svg: str | None, alt: str = ""
) -> Figure:
    drawn: dict[str, bytes] = {}
    laid_out: list[str] = [svg] if svg is not None else []

    def draw(fmt: FigureFormat) -> bytes:
        if fmt not in drawn:
            try:
                if not laid_out:
                    laid_out.append(render_svg(diagram))
                if fmt == "svg":
                    drawn[fmt] = laid_out[0].encode("utf-8")
                else:
                    drawn[fmt] = render_png(diagram, svg=laid_out[0])
            except (DiagramError, OSError) as exc:
                raise FigureError(_reason(lang, exc)) from None
        return drawn[fmt]

    return Figure(alt=alt or caption, draw=draw, caption=caption, key=key)


def _reason(lang: Lang, exc: Exception) -> str:
    reason = exc.message(lang) if isinstance(exc, DiagramError) else str(exc)
    return t("report.no_diagram", lang, reason=reason)


def _failed(lang: Lang, exc: Exception) -> Figure:
    message = _reason(lang, exc)

    def draw(fmt: FigureFormat) -> bytes:
        raise FigureError(message)

    fail: Callable[[FigureFormat], bytes] = draw
    alt = t("report.diagram_alt", lang)
    return Figure(alt=alt, draw=fail, caption=alt, key="diagram")
