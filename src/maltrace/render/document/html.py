"""A document as one self-contained HTML file: inline CSS, inline SVG, no network, prints on A4."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

import jinja2
from markupsafe import Markup

from maltrace.i18n import Lang, t
from maltrace.render.document.model import (
    Document,
    Figure,
    FigureError,
    Matrix,
    Paragraph,
    Table,
    cell_texts,
)

_TEMPLATES = files("maltrace.render.document") / "templates"


@dataclass(frozen=True)
class _DrawnFigure:
    alt: str
    caption: str
    svg: Markup | None
    problem: str | None
    titled: bool = False


def _drawn(figure: Figure) -> _DrawnFigure:
    try:
        text = figure.draw("svg").decode("utf-8")
    except FigureError as exc:
        return _DrawnFigure(figure.alt, figure.caption, None, exc.text, figure.titled)
    # Our own drawings (labels escaped when they were made); taken from the <svg> root so the
    # page holds no XML declaration or DOCTYPE mid-body.
    start = text.find("<svg")
    return _DrawnFigure(
        figure.alt,
        figure.caption,
        Markup(text[start:] if start >= 0 else text),
        None,
        figure.titled,
    )


@dataclass(frozen=True)
class _TextTable:
    table: Table
    cells: list[list[str]]

    def rows(self) -> list[tuple[str | None, bool, list[str]]]:
        t = self.table
        return [(t.node_of(i), t.alert(i), row) for i, row in enumerate(self.cells)]


def document_html(doc: Document) -> str:
    env = jinja2.Environment(autoescape=True, keep_trailing_newline=True, trim_blocks=True)
    env.tests["paragraph"] = lambda b: isinstance(b, Paragraph)
    env.tests["table"] = lambda b: isinstance(b, _TextTable)
    env.tests["figure"] = lambda b: isinstance(b, _DrawnFigure)
    env.tests["matrix"] = lambda b: isinstance(b, Matrix)
    template = env.from_string((_TEMPLATES / "report.html.j2").read_text(encoding="utf-8"))
    css = (_TEMPLATES / "report.css").read_text(encoding="utf-8")
    sections = [(s, [_block(b, doc) for b in s.blocks]) for s in doc.sections]
    page = _page(doc.thread, doc.lang) if doc.thread is not None else None
    return template.render(doc=doc, sections=sections, css=css, page=page)


@dataclass(frozen=True)
class _Page:
    """The clickable page: the thread data as JSON for a data block, the script and its
    Content-Security-Policy hash (no 'unsafe-inline'), and the words of the controls."""

    data: Markup
    script: Markup
    script_hash: str
    words: dict[str, str]


# The page's own words, by the name the template and the script use.
_WORDS = (
    "tools",
    "search",
    "search_hint",
    "only_alert",
    "reset",
    "hint",
    "selected",
    "rows",
    "cleared",
    "no_match",
)


def _page(thread: Mapping[str, Any], lang: Lang) -> _Page:
    words = {w: t(f"page.{w}", lang) for w in _WORDS}
    script = (_TEMPLATES / "page.js").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return _Page(
        data=Markup(script_json({**thread, "words": words})),
        script=Markup(script),
        script_hash=f"sha256-{digest}",
        words=words,
    )


def script_json(value: object) -> str:
    """``value`` as JSON that is safe inside <script>: no ``<``, ``>`` or ``&`` (so no
    ``</script>`` or ``<!--`` can end or change the block) and no U+2028/U+2029."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (
        ("&", "\\u0026"),
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return text


def _block(block: object, doc: Document) -> object:
    if isinstance(block, Figure):
        return _drawn(block)
    if isinstance(block, Table):
        return _TextTable(block, cell_texts(block, doc.lang))
    return block


def document_main(doc: Document) -> str:
    """The sections of ``doc`` as HTML for a page of one's own (tables, figures as inline SVG),
    without the report's head, styles and script: what ``document_html`` puts in <main>."""
    page = document_html(doc if doc.thread is None else _without_thread(doc))
    start, end = page.find("<main>"), page.rfind("</main>")
    return page[start + len("<main>") : end].strip()


def _without_thread(doc: Document) -> Document:
    import dataclasses

    return dataclasses.replace(doc, thread=None)
