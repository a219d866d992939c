"""Text as WordprocessingML runs: escaped, line breaks and tabs as Word's own, an id's
hyphens unbreakable, a marked text's pieces struck out, underlined or in a fixed font."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from maltrace.render.marked import Marked, word_rpr

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _safe(text: str) -> str:
    """Text XML 1.0 can hold. The loader already made every control character visible; this
    only guards callers that build a document from other text."""
    return "".join(
        c
        if c in "\t\n" or (" " <= c < "\ud800") or ("\ue000" <= c <= "\ufffd") or c > "\uffff"
        else "\ufffd"
        for c in text
    )


# An id («HSO-1.3», «KDP-HSO», «(KDP-HSO)»): capitals or digits, then hyphenated parts.
_ID = re.compile(r"(?<![\w-])[A-ZÆØÅ0-9][A-ZÆØÅ0-9.]*(?:-[\w.]+)+")
_NO_BREAK_HYPHEN = "<w:noBreakHyphen/>"


def _t(text: str) -> str:
    return f'<w:t xml:space="preserve">{escape(text)}</w:t>' if text else ""


def _text(piece: str, keep_ids: bool) -> str:
    """``piece`` as w:t elements; with ``keep_ids``, an id's hyphens are Word's non-breaking
    hyphen, so that «HSO-» never ends a line with «1.3» on the next (Word and LibreOffice
    show, read and copy it as a hyphen)."""
    if not keep_ids or "-" not in piece:
        return _t(piece)
    out, last = [], 0
    for m in _ID.finditer(piece):
        out.append(_t(piece[last : m.start()]))
        out.append(_NO_BREAK_HYPHEN.join(_t(part) for part in m.group().split("-")))
        last = m.end()
    out.append(_t(piece[last:]))
    return "".join(out)


def _runs(text: str, rpr: str = "", *, keep_ids: bool = False) -> str:
    """Text as runs: line breaks and tabs as Word's own, everything else escaped; a marked
    text's removed words struck out, added ones underlined, commands in a fixed font."""
    if isinstance(text, Marked):
        return "".join(
            _runs(piece, word_rpr(rpr, op), keep_ids=keep_ids) for op, piece in text.pieces
        )
    parts: list[str] = []
    for i, line in enumerate(_safe(text).split("\n")):
        if i:
            parts.append("<w:br/>")
        for j, piece in enumerate(line.split("\t")):
            if j:
                parts.append("<w:tab/>")
            if piece:
                parts.append(_text(piece, keep_ids))
    return f"<w:r>{rpr}{''.join(parts)}</w:r>" if parts else ""
