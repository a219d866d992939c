"""The diagram(s) a report shows, as document figures: the overview when it reads at the page
width, otherwise one readable part per satsingsområde (see ``split``)."""

from __future__ import annotations

import functools
import itertools
import math
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

from maltrace.analysis import Analysis
from maltrace.i18n import Lang, t
from maltrace.render.diagram.base import (
    DEFAULT_WIDTH_CM,
    LARGE_VIEW,
    PAGE_HEIGHT_CM,
    Diagram,
    DiagramError,
)
from maltrace.render.diagram.emf import EmfError
from maltrace.render.diagram.output import (
    MIN_READABLE_SCALE,
    render_emf,
    render_png,
    render_png_many,
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
    from maltrace.render.diagram.views import build_diagram, count_boxes

    lang = lang or analysis.lang
    view: dict[str, str] = {"view": "plan", "plan": analysis.focus} if analysis.focus else {}
    whole: Diagram | None = None
    svg: str | None = None
    try:
        count = count_boxes(analysis, lang=lang, **view)  # type: ignore[arg-type]
        if count <= LARGE_VIEW:
            whole = build_diagram(analysis, lang=lang, width_cm=width_cm, **view)  # type: ignore[arg-type]
            svg = render_svg(whole)
            if overview_is_readable(whole, svg, paged=paged):
                return [_figure(whole, lang, "diagram", t("report.diagram_alt", lang), svg)]
        parts = split_parts(analysis, lang=lang, width_cm=width_cm, legend="first")
        if not parts:
            whole = whole or build_diagram(analysis, lang=lang, width_cm=width_cm, **view)  # type: ignore[arg-type]
            return [_figure(whole, lang, "diagram", t("report.diagram_alt", lang), svg)]
    except (DiagramError, OSError) as exc:
        return [_failed(lang, exc)]
    note = Paragraph(t("diagram.split_intro", lang, count=count), "note")
    batch = _Batch([p.diagram for p in parts], lang)
    figures = [
        Figure(
            alt=t("diagram.part_alt", lang, heading=p.diagram.title)
            + " "
            + _what_it_shows(analysis, p.diagram, lang),
            draw=functools.partial(batch.draw, i),
            caption=p.diagram.title,
            key=f"diagram-{p.key}",
            prepare=batch.prepare,
            emf=True,
            titled=True,
        )
        for i, p in enumerate(parts)
    ]
    return [note, *figures]


def _what_it_shows(analysis: Analysis, diagram: Diagram, lang: Lang) -> str:
    """The alternative text's account of a picture, in words: how many goals, how many boxes
    follow them up, and which goals are not followed up."""
    nodes = analysis.graph.nodes
    goals = [b for b in diagram.boxes if b in nodes and nodes[b]["kind"].value == "goal"]
    missing = ", ".join(diagram.not_followed_up) or t("word.none", lang)
    return t(
        "diagram.alt_counts",
        lang,
        goals=len(goals),
        others=len(diagram.boxes) - len(goals),
        missing=missing,
    )


# The parts of a split are many pictures in one document: 150 dpi (sharp enough on paper at the
# A4 text width) keeps a Word report of a 2,000-node set at a third of the bytes and time of 200.
PART_DPI = 150

_T = TypeVar("_T")


class _Batch:
    """The parts of a split, drawn together: the first figure a writer prepares (or asks for)
    draws every part, in the background, since a writer asks for all. SVG: one layout run per
    part; PNG: a few runs of several parts each (a run's start-up is a fifth of a part's
    cost), on every core."""

    def __init__(self, diagrams: list[Diagram], lang: Lang) -> None:
        self.diagrams = diagrams
        self.lang = lang
        self.pending: dict[str, Future[list[bytes | Exception]]] = {}
        self.lock = threading.Lock()

    def prepare(self, fmt: FigureFormat) -> None:
        with self.lock:
            if fmt not in self.pending:
                self.pending[fmt] = _in_background(self._all, fmt)

    def draw(self, index: int, fmt: FigureFormat) -> bytes:
        self.prepare(fmt)
        result = self.pending[fmt].result()[index]
        if isinstance(result, Exception):
            raise FigureError(_reason(self.lang, result))
        return result

    def _all(self, fmt: FigureFormat) -> list[bytes | Exception]:
        workers = _workers()
        with ThreadPoolExecutor(max_workers=workers) as pool:
            if fmt == "svg":
                return list(pool.map(self._svg, self.diagrams))
            if fmt == "emf":
                return list(pool.map(self._emf, self.diagrams))
            # Several runs per core, so that a core with the big parts does not hold up the rest.
            size = max(1, min(PNG_RUN, math.ceil(len(self.diagrams) / (workers * 3))))
            runs = [self.diagrams[i : i + size] for i in range(0, len(self.diagrams), size)]
            drawn = pool.map(functools.partial(render_png_many, dpi=PART_DPI), runs)
            return list(itertools.chain.from_iterable(drawn))

    def _svg(self, diagram: Diagram) -> bytes | Exception:
        try:
            return render_svg(diagram).encode("utf-8")
        except (DiagramError, OSError) as exc:
            return exc

    def _emf(self, diagram: Diagram) -> bytes | Exception:
        try:
            return office_picture(diagram)
        except (DiagramError, OSError) as exc:
            return exc


def figure_picture(diagram: Diagram, fmt: FigureFormat) -> bytes:
    """``diagram`` as a document figure's picture in ``fmt`` (see ``Figure``)."""
    if fmt == "svg":
        return render_svg(diagram).encode("utf-8")
    if fmt == "emf":
        return office_picture(diagram)
    return render_png(diagram)


def office_picture(diagram: Diagram, svg: str | None = None) -> bytes:
    """The picture Word gets: an EMF, or a PNG (``PART_DPI``) for a drawing the EMF writer does
    not know."""
    try:
        return render_emf(diagram)
    except EmfError:
        return render_png(diagram, dpi=PART_DPI, svg=svg)


# Parts per run of the layout program when drawing PNGs (a failed run is redone part by part).
PNG_RUN = 8


def _in_background(work: Callable[[FigureFormat], _T], fmt: FigureFormat) -> Future[_T]:
    """``work(fmt)`` on a thread of its own; its result (or exception) in the future. A daemon
    thread, so that an interrupted command does not wait for pictures nobody will see."""
    future: Future[_T] = Future()

    def run() -> None:
        try:
            future.set_result(work(fmt))
        except BaseException as exc:  # handed to whoever waits for the result
            future.set_exception(exc)

    threading.Thread(target=run, name="maltrace-figures", daemon=True).start()
    return future


def _workers() -> int:
    """Layout processes at once: one per core this process may use (at most 8)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(8, cores))


def _figure(
    diagram: Diagram, lang: Lang, key: str, caption: str, svg: str | None, alt: str = ""
) -> Figure:
    pending: dict[str, Future[bytes | Exception]] = {}
    lock = threading.Lock()

    def make(fmt: FigureFormat) -> bytes | Exception:
        try:
            if fmt == "emf":
                return office_picture(diagram, svg)
            laid_out = svg if svg is not None else render_svg(diagram)
            if fmt == "svg":
                return laid_out.encode("utf-8")
            return render_png(diagram, svg=laid_out)
        except (DiagramError, OSError) as exc:
            return exc

    def prepare(fmt: FigureFormat) -> None:
        with lock:
            if fmt not in pending:
                pending[fmt] = _in_background(make, fmt)

    def draw(fmt: FigureFormat) -> bytes:
        prepare(fmt)
        result = pending[fmt].result()
        if isinstance(result, Exception):
            raise FigureError(_reason(lang, result))
        return result

    return Figure(
        alt=alt or caption,
        draw=draw,
        caption=caption,
        key=key,
        prepare=prepare,
        emf=True,
        titled=True,
    )


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
