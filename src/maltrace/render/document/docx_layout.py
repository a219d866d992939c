"""Layout for Word: column widths from the column kinds and the text in the cells, and which
sections are landscape.

Measured with the Arial metrics (the bundled Arimo, metric-compatible with Arial and Liberation
Sans), the font the report's own styles use. Ids, codes, numbers, dates and statuses are never
wrapped: their column is as wide as their longest cell. Text columns get at least their longest
word (so no word is broken) and share what is left by how much they have to say.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from maltrace.render.document.model import Column, Document, Figure, Matrix, Table
from maltrace.render.font_metrics import BOLD, REGULAR

# Word's default cell margins (0.19 cm left and right), and a little air for rounding and for
# fonts a little wider than the measure.
CELL_PADDING_PT = 2 * 5.4 + 3.0
SLACK = 1.06
_UNKNOWN = 1000  # a character without a known width (CJK, emoji): count it as a full em
# Rows measured per column: enough to see the long cells of any real table, cheap on huge ones.
MAX_MEASURED_ROWS = 3000
_WORD_BREAKS = re.compile(r"[ \t\n\r]+")


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    table = BOLD if bold else REGULAR
    get = table.get
    return sum(get(ord(c), _UNKNOWN) for c in text) * size / 1000 * SLACK


def _longest_word(text: str, size: float, bold: bool = False) -> float:
    # Words part at spaces, tabs and line breaks only: a no-break space («72 000 (2030)»)
    # holds its neighbours together.
    return max((text_width(w, size, bold=bold) for w in _WORD_BREAKS.split(text)), default=0.0)


def _longest_line(text: str, size: float, bold: bool = False) -> float:
    return max((text_width(line, size, bold=bold) for line in text.split("\n")), default=0.0)


@dataclass(frozen=True)
class Layout:
    widths: tuple[float, ...]  # points, summing to the width given
    size: float  # font size of the cells, points
    fits: bool  # every word (and every never-wrapped cell) fits its column


def column_widths(
    columns: Sequence[Column],
    cells: Sequence[Sequence[str]],
    width: float,
    sizes: Sequence[float] = (9.0, 8.0, 7.0),
) -> Layout:
    """Widths (points) of ``columns`` that span ``width``: the first of ``sizes`` at which every
    never-wrapped cell and every word fits, or the smallest, scaled down, when none does."""
    rows = cells[:MAX_MEASURED_ROWS]
    layout = None
    for size in sizes:
        layout = _at_size(columns, rows, width, size)
        if layout.fits:
            return layout
    assert layout is not None
    return layout


def _at_size(
    columns: Sequence[Column], rows: Sequence[Sequence[str]], width: float, size: float
) -> Layout:
    low: list[float] = []
    high: list[float] = []
    for i, column in enumerate(columns):
        texts = [row[i] for row in rows]
        header = _longest_word(column.header, size, bold=True)
        if column.nowrap:
            need = max([header, *(_longest_line(t, size) for t in texts)])
            low.append(need + CELL_PADDING_PT)
            high.append(need + CELL_PADDING_PT)
        else:
            word = max([header, *(_longest_word(t, size) for t in texts)])
            line = max(
                [text_width(column.header, size, bold=True)]
                + [_longest_line(t, size) for t in texts]
            )
            low.append(word + CELL_PADDING_PT)
            high.append(max(word, line) + CELL_PADDING_PT)
    total_low = sum(low)
    if total_low > width:
        scale = width / total_low
        return Layout(tuple(w * scale for w in low), size, False)
    widths = list(low)
    spare = width - total_low
    flexible = [i for i, c in enumerate(columns) if not c.nowrap] or list(range(len(columns)))
    wants = {i: high[i] - low[i] for i in flexible}
    wanted = sum(wants.values())
    if wanted >= spare and wanted > 0:
        for i in flexible:
            widths[i] += spare * wants[i] / wanted
    else:
        # Every text column can have all it wants; the rest is shared by how much they hold.
        for i in flexible:
            widths[i] += wants[i]
        rest = spare - wanted
        weight = sum(widths[i] for i in flexible)
        for i in flexible:
            widths[i] += rest * widths[i] / weight if weight else rest / len(flexible)
    return Layout(tuple(widths), size, True)


# -- pages and pictures --------------------------------------------------------------------------


def orientations(report: Document) -> list[bool]:
    """Whether each section is on landscape pages. A section with a wide table or the matrix
    is, heading and all; a portrait table or a diagram is not. Anything else (text, charts, a
    section that says it is empty) stays on the pages it comes to, or those of what follows
    when it starts the report: each turn of the page starts a new page."""
    wants: list[bool | None] = []
    for s in report.sections:
        if any(
            isinstance(b, Matrix) or (isinstance(b, Table) and b.wide and b.rows) for b in s.blocks
        ):
            wants.append(True)
        elif any(
            (isinstance(b, Table) and not b.wide and b.rows) or (isinstance(b, Figure) and b.emf)
            for b in s.blocks
        ):
            wants.append(False)
        else:
            wants.append(None)
    first = next((w for w in wants if w is not None), False)
    out: list[bool] = []
    for w in wants:
        out.append(w if w is not None else (out[-1] if out else first))
    return out
