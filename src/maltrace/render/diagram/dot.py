"""Writing DOT safely: quoting, escaping, measuring and wrapping label text.

Text from plan files is data. It may hold ``"``, ``\\``, ``{}``, ``<>&`` or newlines; every such
character must show up literally and never end a string, start an escape (``\\N``, ``\\G``,
``\\l``), an HTML entity (``&amp;``) or markup. Plain labels (``label``) are used for frame
titles, HTML-like labels (``html_data``) for the boxes, which are table cells.

graphviz-pure measures text with Graphviz's built-in Helvetica table, which counts each byte of a
non-ASCII letter as a space ("Æ" is two bytes, so half an em too narrow). Labels full of æøå then
overflow their boxes. So maltrace measures labels itself, with the advance widths of Arimo (the
font graphviz-pure draws PNG text with, metric-compatible with Helvetica and Arial, and the font
embedded in PDF output), wraps them to a width in points and sets every box's width.
"""

from __future__ import annotations

import re
import unicodedata

from maltrace.render.font_metrics import BOLD, REGULAR

FONT = "Helvetica"
FONT_BOLD = "Helvetica-Bold"
# A letter the table does not know (CJK, emoji) is measured as a full em: too wide, never clipped.
_UNKNOWN_WIDTH = 1000

_SAFE_NAME = re.compile(r"[\w.+-]", re.UNICODE)


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Width of ``text`` set in ``size`` points, in points."""
    return _units(text, BOLD if bold else REGULAR) * size / 1000


def _units(text: str, table: dict[int, int]) -> int:
    # Advance widths in font units (integers), so a line's width is exactly its parts' sum.
    return sum(table.get(ord(c), _UNKNOWN_WIDTH) for c in text)


# Control characters (Cc) and lone surrogates (Cs): a text with none is cleaned by split alone.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def clean(text: str) -> str:
    """Plan text as one line: whitespace runs (newlines too) become one space; control
    characters become U+FFFD so that they show instead of vanishing."""
    if _CONTROL.search(text) is None:
        return " ".join(text.split())  # str.split knows the same spaces as str.isspace
    out = []
    for c in text:
        if c.isspace():
            out.append(" ")
        elif unicodedata.category(c) in ("Cc", "Cs"):
            out.append("\ufffd")
        else:
            out.append(c)
    return " ".join("".join(out).split())


def wrap(text: str, width: float, size: float, *, bold: bool = False) -> list[str]:
    """Greedy word wrap of ``text`` to ``width`` points; a word longer than a line is split."""
    table = BOLD if bold else REGULAR
    # Measured in font units: each word once, a line as the sum of its words and spaces.
    space = _units(" ", table)
    lines: list[str] = []
    current = ""
    used = 0
    for word in clean(text).split(" "):
        if not word:
            continue
        units = _units(word, table)
        candidate = used + space + units if current else units
        if candidate * size / 1000 <= width:
            current = f"{current} {word}" if current else word
            used = candidate
            continue
        if current:
            lines.append(current)
            current = ""
        while units * size / 1000 > width and len(word) > 1:
            cut = 1
            while cut < len(word) - 1 and _units(word[: cut + 1], table) * size / 1000 <= width:
                cut += 1
            lines.append(word[:cut])
            word = word[cut:]
            units = _units(word, table)
        current = word
        used = units
    if current:
        lines.append(current)
    return lines or [""]


def block_width(lines: list[str], size: float, *, bold: bool = False) -> float:
    return max((text_width(line, size, bold=bold) for line in lines), default=0.0)


def _escape_label_text(text: str) -> str:
    # Inside a quoted DOT string: \ and " are the string's own escapes; Graphviz then reads
    # label escapes (\N, \l, \\) and decodes HTML entities, so & must become &amp;.
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("&", "&amp;")


def label(lines: list[str], *, justify: str = "l") -> str:
    """A quoted DOT label of ``lines`` (already wrapped plain text), each line justified
    ``l`` (left), ``r`` or ``n`` (centred)."""
    end = {"l": "\\l", "r": "\\r", "n": "\\n"}[justify]
    return '"' + "".join(_escape_label_text(line) + end for line in lines) + '"'


def quote(text: str) -> str:
    """A quoted DOT string for an attribute that is not a label (colour, style, class)."""
    if "\\" in text or '"' in text or "\n" in text:
        raise ValueError(f"not a plain attribute value: {text!r}")
    return f'"{text}"'


def node_name(node_id: str) -> str:
    """The DOT node name (and SVG ``<title>``) of a plan node: its id, with every character
    other than letters, digits and ``_.+-`` written as ``%XX`` (UTF-8). Unique and injective,
    so hostile ids (quotes, backslashes) can never break the DOT."""
    out = []
    for c in node_id:
        if _SAFE_NAME.fullmatch(c):
            out.append(c)
        else:
            out.extend(f"%{b:02X}" for b in c.encode("utf-8"))
    return "".join(out)


def name(node_id: str) -> str:
    """``node_name`` quoted for the DOT source."""
    return f'"{node_name(node_id)}"'


def html(text: str) -> str:
    """Text for an HTML-like label (whitespace collapsed), shown literally."""
    return html_data(clean(text))


def html_data(text: str) -> str:
    """Text for an HTML-like label, shown literally: XML-escaped, and every backslash doubled,
    since Graphviz expands ``\\N``, ``\\G``… in HTML labels too and reads ``\\\\`` as one."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("\\", "\\\\")
    )
