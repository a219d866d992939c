"""One report document that every format renders: Markdown, HTML, Word, Excel (and CSV).

A command's report (``report``, ``diff -o``, ``status -o``, …) is a *content*: a builder turns its
results into a ``Document`` of sections holding paragraphs, tables with typed columns and figures.
The writers turn the same document into each medium, so the numbers are the same everywhere and
only the form differs: a ``ratio`` cell is ``72,2 %`` in Markdown and Word, and a number with a
percent format in Excel; ``id`` and ``int`` columns are narrow and never wrapped.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from maltrace.errors import FormatError, MaltraceError
from maltrace.i18n import Lang, format_date, format_percent, t

__all__ = [
    "FORMATS",
    "MARK",
    "NOWRAP_KINDS",
    "NUMERIC_KINDS",
    "Column",
    "ColumnKind",
    "Document",
    "DocumentFormatError",
    "Figure",
    "FigureError",
    "FigureFormat",
    "Matrix",
    "Paragraph",
    "Section",
    "Sheet",
    "SheetChart",
    "Table",
    "Value",
    "cell_texts",
    "document_format",
    "format_value",
    "office_format",
]

ColumnKind = Literal["text", "id", "code", "int", "ratio", "date", "status", "mark"]
Value = str | int | float | dt.date | None
FigureFormat = Literal["svg", "png", "emf"]

# Column kinds whose cells are short and must not break across lines.
NOWRAP_KINDS: frozenset[str] = frozenset({"id", "code", "int", "ratio", "date", "status", "mark"})
NUMERIC_KINDS: frozenset[str] = frozenset({"int", "ratio"})
MARK = "●"


@dataclass(frozen=True)
class Column:
    header: str
    kind: ColumnKind = "text"

    @property
    def numeric(self) -> bool:
        return self.kind in NUMERIC_KINDS

    @property
    def nowrap(self) -> bool:
        return self.kind in NOWRAP_KINDS


@dataclass(frozen=True)
class Table:
    """Rows of typed values. ``row_nodes`` names the plan node each row shows (for pages that
    highlight a node's red thread); ``row_alert`` marks rows to highlight (not followed up,
    behind, overdue); ``wide`` asks for a landscape page where pages have an orientation."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[Value, ...], ...]
    row_nodes: tuple[str | None, ...] = ()
    row_alert: tuple[bool, ...] = ()
    wide: bool = False

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(c.header for c in self.columns)

    def node_of(self, row: int) -> str | None:
        return self.row_nodes[row] if row < len(self.row_nodes) else None

    def alert(self, row: int) -> bool:
        return row < len(self.row_alert) and self.row_alert[row]


@dataclass(frozen=True)
class Paragraph:
    text: str
    # "small": small print (where a report came from: folders, revisions); "legend": says what
    # the highlighted (red) rows mean, left out where rows have no colour
    style: Literal["normal", "headline", "note", "small", "legend"] = "normal"


class FigureError(MaltraceError):
    """A figure could not be drawn; ``text`` says why, in the document's language (the
    document shows it in the figure's place)."""

    code = "figure-failed"

    def __init__(self, text: str) -> None:
        super().__init__(key="word.verbatim", text=text)
        self.text = text


@dataclass(frozen=True)
class Figure:
    """A picture drawn only when a writer needs it, in the format it needs (SVG for pages; for
    Word an EMF where the figure makes one, ``emf``, else PNG). ``draw`` may raise
    ``FigureError``; the writer then says why instead. ``draw("emf")`` may still give a PNG (a
    drawing the EMF writer does not know): the writer looks at the bytes.
    ``prepare`` (if any) starts drawing in the background, so that a writer can build the
    rest of the document meanwhile; ``draw`` then waits for it."""

    alt: str
    draw: Callable[[FigureFormat], bytes]
    caption: str = ""
    key: str = ""
    prepare: Callable[[FigureFormat], None] | None = None
    emf: bool = False
    # The drawing carries its title (the diagrams do): pages and Word show no caption under
    # it, which would only say the title again; ``caption`` still names it (Markdown's files).
    titled: bool = False


def office_format(figure: Figure) -> FigureFormat:
    """What Word asks ``figure`` for: an EMF (vector: sharp in print, and no rasteriser runs)
    from the figures that make one, a PNG from the rest (charts)."""
    return "emf" if figure.emf else "png"


@dataclass(frozen=True)
class Matrix:
    """Goals down, following nodes across; ``marks`` holds (row, column) where linked."""

    corner: str
    rows: tuple[tuple[str, str, str], ...]  # (goal id, title, plan)
    columns: tuple[tuple[str, str, str], ...]  # (node id, title, plan)
    marks: frozenset[tuple[int, int]]
    row_headers: tuple[str, str] = ("", "")  # headers of the title and plan columns
    row_alert: tuple[bool, ...] = ()  # goals to highlight (not followed up)


Block = Paragraph | Table | Figure | Matrix


@dataclass(frozen=True)
class Section:
    key: str  # stable anchor: "summary", "per-plan", …
    heading: str
    blocks: tuple[Block, ...] = ()
    level: int = 1
    empty: str = ""  # said instead of a table with no rows

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Table))


@dataclass(frozen=True)
class SheetChart:
    """A native line chart in Excel over some rows of a sheet's table (the indicators' values).
    ``x`` and ``ys`` are column indexes of the table (from 0); ``rows`` a range of its rows
    (from 0, end excluded). Other formats draw their own pictures (``Figure``)."""

    title: str
    x: int
    ys: tuple[int, ...]
    rows: tuple[int, int]
    y_title: str = ""


@dataclass(frozen=True)
class Sheet:
    name: str
    table: Table | Matrix
    charts: tuple[SheetChart, ...] = ()


@dataclass(frozen=True)
class Document:
    lang: Lang
    title: str
    generated: str
    sections: tuple[Section, ...]
    # Excel: these sheets; when empty, one sheet per table of the sections.
    sheets: tuple[Sheet, ...] = ()
    # CSV: the one table a CSV file holds, when the content has one (the link list).
    csv_table: Table | None = None
    # HTML: the red thread's data (``render.thread_data``) that makes the page clickable; none
    # for a document without plan nodes.
    thread: Mapping[str, Any] | None = None

    @property
    def toc(self) -> str:
        return t("report.toc", self.lang)

    def section(self, key: str) -> Section:
        for s in self.sections:
            if s.key == key:
                return s
        raise KeyError(key)

    def workbook_sheets(self) -> tuple[Sheet, ...]:
        if self.sheets:
            return self.sheets
        return tuple(
            Sheet(s.heading if len(s.tables) == 1 else f"{s.heading} {i + 1}", table)
            for s in self.sections
            for i, table in enumerate(s.tables)
        )


def format_value(value: Value, kind: ColumnKind, lang: Lang) -> str:
    """A cell as text, for the formats that hold text (Markdown, HTML, Word, CSV)."""
    if value is None:
        return ""
    if kind == "ratio" and isinstance(value, (int, float)):
        return format_percent(float(value), lang)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    if isinstance(value, float):
        text = f"{value:g}"
        return text if lang == "en" else text.replace(".", ",")
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10_000:
        # «800 000»: grouped from five digits (a year or «2500» stays as it is), with a
        # no-break space, so that a number never breaks across lines
        text = f"{value:,}"
        return text if lang == "en" else text.replace(",", "\u00a0")
    if isinstance(value, str):
        return value  # as given: a marked text (``render.marked``) keeps its pieces
    return str(value)


def cell_texts(table: Table, lang: Lang) -> list[list[str]]:
    return [
        [format_value(v, c.kind, lang) for v, c in zip(row, table.columns, strict=True)]
        for row in table.rows
    ]


# -- writing -----------------------------------------------------------------------------------

FORMATS = (".md", ".html", ".docx", ".xlsx", ".csv")


# The file name's suffix names no format this document can be written in.
DocumentFormatError = FormatError


def document_format(path: str | os.PathLike[str], *, csv: bool = True) -> str:
    suffix = Path(path).suffix.lower()
    if suffix == ".htm":
        return ".html"
    if suffix not in FORMATS or (suffix == ".csv" and not csv):
        raise DocumentFormatError(suffix or Path(path).name)
    return suffix
