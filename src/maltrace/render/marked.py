"""Text with marked pieces: words removed and added (a word diff) and commands, for the writers
that can show them as a reader expects — struck out and underlined in Word and Excel,
``<del>``/``<ins>`` in HTML, styles in the terminal, ``<code>`` for a command.

A ``Marked`` is a ``str`` (its plain reading, for CSV and any writer that only knows text:
``[-old-] {+new+}``, a command as written), so it travels through a document's cells and
paragraphs unchanged; the writers that can style look at ``pieces``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from markupsafe import escape

Op = Literal["=", "-", "+", "`"]
Piece = tuple[Op, str]

# What a piece reads as without styling.
_PLAIN = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}", "`": "{}"}
_TAGS = {"-": "del", "+": "ins", "`": "code"}
_CODE = re.compile(r"`([^`\n]+)`")


class Marked(str):
    """Plain text (as a ``str``) that also knows its marked ``pieces``."""

    pieces: tuple[Piece, ...]

    def __new__(cls, pieces: Iterable[Piece]) -> Marked:
        kept = tuple((op, text) for op, text in pieces if text)
        self = super().__new__(cls, "".join(_PLAIN[op].format(text) for op, text in kept))
        self.pieces = kept
        return self

    def __html__(self) -> str:
        """HTML with every piece escaped (jinja's autoescape calls this)."""
        out = []
        for op, text in self.pieces:
            tag = _TAGS.get(op)
            out.append(f"<{tag}>{escape(text)}</{tag}>" if tag else str(escape(text)))
        return "".join(out)

    def __reduce__(self) -> tuple[object, ...]:
        return (Marked, (self.pieces,))


def word_pieces(words: Iterable[tuple[str, str]]) -> list[Piece]:
    """A word diff's runs (``=``, ``-``, ``+``) as pieces with a space between runs."""
    out: list[Piece] = []
    for op, text in words:
        if out:
            out.append(("=", " "))
        out.append((op if op in ("-", "+") else "=", text))  # type: ignore[arg-type]
    return out


def with_code(text: str) -> str:
    """A catalogue message with a command in backticks (``maltrace relink``) as a ``Marked``
    whose command is a code piece, so no writer shows the backticks; text without any as is."""
    if "`" not in text:
        return text
    pieces: list[Piece] = []
    at = 0
    for match in _CODE.finditer(text):
        pieces.append(("=", text[at : match.start()]))
        pieces.append(("`", match.group(1)))
        at = match.end()
    pieces.append(("=", text[at:]))
    return Marked(pieces)


def pieces_of(text: str) -> tuple[Piece, ...]:
    """The pieces of ``text``: its own when it is ``Marked``, else one plain piece."""
    if isinstance(text, Marked):
        return text.pieces
    return (("=", text),)


_SIZE = re.compile(r"<w:sz [^>]*/>")


def word_rpr(rpr: str, op: Op) -> str:
    """Word run properties for a piece, on top of the run's own ``rpr`` (bold, size), in the
    order the schema asks: font, bold, strike, colour, size, underline."""
    if op == "=":
        return rpr
    inner = rpr.removeprefix("<w:rPr>").removesuffix("</w:rPr>")
    found = _SIZE.search(inner)
    size = found.group(0) if found else ""
    rest = inner.replace(size, "")
    if op == "`":
        font = '<w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/>'
        return f"<w:rPr>{font}{rest}{size}</w:rPr>"
    if op == "-":
        return f'<w:rPr>{rest}<w:strike/><w:color w:val="9C0006"/>{size}</w:rPr>'
    return f'<w:rPr>{rest}<w:color w:val="1F4E79"/>{size}<w:u w:val="single"/></w:rPr>'
