"""Diagrams as Enhanced Metafiles (EMF) for Word: the layout program's drawing instructions
(``xdot``) written as EMF records, so a Word report holds vector pictures that print sharp at any
size and cost a fraction of a PNG to make (no rasteriser runs: Word and LibreOffice draw EMF
themselves). Text stays text, in Arial (the metric twin of the bundled Arimo), each character at
Arimo's advance, from where the layout put the line.

Only what maltrace's diagrams draw is read: polygons, polylines, Béziers, ellipses, text, pen
and fill colours, fonts and line styles. Anything else raises ``EmfError`` and the caller draws
that diagram as PNG instead.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Callable
from dataclasses import dataclass, field

from maltrace.errors import MaltraceError
from maltrace.render.font_metrics import BOLD, REGULAR

TWIPS = 20  # logical units per point (1/1440 inch): fine enough for any line or letter
_EMU_PER_TWIP = 635
_HUNDREDTH_MM_PER_TWIP = 2540 / 1440

# Drawing instructions (``_draw_="…"`` and its kin), any other quoted string (skipped whole, so
# that a bracket in a label is not taken for one of the file's), and the brackets of attribute
# lists: ``graph [`` opens the graph's or a cluster's own.
_SCAN = re.compile(
    rb'\b_(?:|l|h|t|hl|tl)draw_="((?:[^"\\]|\\.)*)"|"(?:[^"\\]|\\.)*"|\bgraph\s*\[|\[|\]', re.S
)
_BB = re.compile(rb'\bbb="([-\d.]+),([-\d.]+),([-\d.]+),([-\d.]+)"')
_SIZE = re.compile(rb'\bsize="([\d.]+),([\d.]+)"')
_ESCAPE = re.compile(rb"\\(\n|.)", re.S)
_WIDTH = re.compile(r"setlinewidth\(([\d.]+)\)")
PAD_PT = 4.0  # graphviz's default pad, as in the PNG and SVG

# EMF record types (MS-EMF 2.1.1)
_HEADER, _POLYBEZIER, _POLYGON, _POLYLINE, _EOF = 1, 2, 3, 4, 14
_SETBKMODE, _SETTEXTALIGN, _SETTEXTCOLOR = 18, 22, 24
_SELECTOBJECT, _CREATEBRUSHINDIRECT, _DELETEOBJECT, _ELLIPSE = 37, 39, 40, 42
_BEGINPATH, _ENDPATH, _CLOSEFIGURE, _STROKEANDFILLPATH = 59, 60, 61, 63
_EXTCREATEFONTINDIRECTW, _EXTTEXTOUTW, _EXTCREATEPEN = 82, 84, 95
_NULL_BRUSH, _NULL_PEN, _DEFAULT_FONT = 0x80000005, 0x80000008, 0x8000000E
_PEN, _BRUSH, _FONT = 1, 2, 3  # the object table slots in use
_PS_GEOMETRIC, _PS_ENDCAP_FLAT, _PS_JOIN_MITER = 0x10000, 0x200, 0x2000
_DASH = {"solid": 0, "dashed": 1, "dotted": 2}


class EmfError(MaltraceError, ValueError):
    """The drawing instructions hold something this writer does not draw."""


@dataclass(frozen=True)
class Emf:
    data: bytes
    width_emu: int  # the picture's natural size in the document (English Metric Units)
    height_emu: int


def xdot_to_emf(xdot: bytes) -> Emf:
    """One graph's ``-Txdot`` output as an EMF picture."""
    bb = _BB.search(xdot)
    if bb is None:
        raise EmfError("no bounding box")
    x0, y0, x1, y1 = (float(v) for v in bb.groups())
    width, height = x1 - x0 + 2 * PAD_PT, y1 - y0 + 2 * PAD_PT
    scale = 1.0
    size = _SIZE.search(xdot)
    if size is not None:  # graphviz's size= (no "!"): shrink to fit, never grow
        max_w, max_h = float(size.group(1)) * 72, float(size.group(2)) * 72
        scale = min(1.0, max_w / width, max_h / height)
    k = scale * TWIPS
    out = _Writer(k, lambda x, y: (round((x - x0 + PAD_PT) * k), round((y1 - y + PAD_PT) * k)))
    for drawing in _in_paint_order(xdot):
        out.draw(_unescape(drawing))
    w, h = round(width * k), round(height * k)
    return Emf(out.finish(w, h), w * _EMU_PER_TWIP, h * _EMU_PER_TWIP)


def _in_paint_order(xdot: bytes) -> list[bytes]:
    """The drawing instructions of the graph and its clusters (backgrounds, frames, labels),
    then those of the nodes and edges, each in file order: the order Graphviz paints its SVG,
    so that no cluster's background covers a node or an edge."""
    frames: list[bytes] = []
    rest: list[bytes] = []
    in_graph_attrs = False
    for match in _SCAN.finditer(xdot):
        token = match.group(0)
        if token in (b"[", b"]"):
            in_graph_attrs = False
        elif token.startswith(b"graph"):
            in_graph_attrs = True
        elif match.group(1) is not None:
            (frames if in_graph_attrs else rest).append(match.group(1))
    return frames + rest


def _unescape(value: bytes) -> bytes:
    # DOT's quoting: a backslash-newline continues the line; \" and \\ stand for themselves.
    return _ESCAPE.sub(lambda m: b"" if m.group(1) == b"\n" else _keep(m.group(0)), value)


def _keep(escape: bytes) -> bytes:
    return escape[1:] if escape[1:] in (b'"', b"\\") else escape


@dataclass
class _State:
    pen: str = "#000000"
    fill: str = "#000000"
    style: str = "solid"
    width: float = 1.0
    font: tuple[str, float] = ("Times-Roman", 14.0)
    flags: int = 0


_UNSET = ("unset",)  # nothing chosen yet: the device's own pen, brush and font are in use


@dataclass
class _Writer:
    k: float
    at: Callable[[float, float], tuple[int, int]]  # points (y up) -> logical units (y down)
    records: list[bytes] = field(default_factory=list)
    pen: object = _UNSET
    brush: object = _UNSET
    font: object = _UNSET
    text_color: object = _UNSET

    def record(self, kind: int, payload: bytes) -> None:
        payload += b"\0" * (-len(payload) % 4)
        self.records.append(struct.pack("<II", kind, 8 + len(payload)) + payload)

    # -- objects -------------------------------------------------------------------------------

    def use_pen(self, state: _State) -> None:
        color = _color(state.pen)
        key = None if color is None else (color, state.width, state.style)
        if key == self.pen:
            return
        self.record(_SELECTOBJECT, struct.pack("<I", _NULL_PEN))
        if self.pen is not None and self.pen is not _UNSET:
            self.record(_DELETEOBJECT, struct.pack("<I", _PEN))
        self.pen = key
        if color is None:
            return
        width = max(1, round(state.width * self.k))
        style = _PS_GEOMETRIC | _PS_ENDCAP_FLAT | _PS_JOIN_MITER | _DASH.get(state.style, 0)
        # EMR_EXTCREATEPEN: no brush bitmap; LogPenEx: style, width, solid brush, colour.
        self.record(
            _EXTCREATEPEN,
            struct.pack("<IIIII", _PEN, 0, 0, 0, 0)
            + struct.pack("<IIIIII", style, width, 0, color, 0, 0),
        )
        self.record(_SELECTOBJECT, struct.pack("<I", _PEN))

    def use_brush(self, fill: str | None) -> None:
        color = None if fill is None else _color(fill)
        if color == self.brush:
            return
        self.record(_SELECTOBJECT, struct.pack("<I", _NULL_BRUSH))
        if self.brush is not None and self.brush is not _UNSET:
            self.record(_DELETEOBJECT, struct.pack("<I", _BRUSH))
        self.brush = color
        if color is None:
            return
        self.record(_CREATEBRUSHINDIRECT, struct.pack("<IIII", _BRUSH, 0, color, 0))
        self.record(_SELECTOBJECT, struct.pack("<I", _BRUSH))

    def use_font(self, state: _State) -> bool:
        name, size = state.font
        bold = "Bold" in name or bool(state.flags & 1)
        italic = "Oblique" in name or "Italic" in name or bool(state.flags & 2)
        key = (size, bold, italic)
        if key != self.font:
            self.record(_SELECTOBJECT, struct.pack("<I", _DEFAULT_FONT))
            if self.font is not _UNSET:
                self.record(_DELETEOBJECT, struct.pack("<I", _FONT))
            self.font = key
            face = "Arial".encode("utf-16-le").ljust(64, b"\0")
            logfont = struct.pack(
                "<iiiiiBBBBBBBB",
                -round(size * self.k),  # the em, not the cell
                0,
                0,
                0,
                700 if bold else 400,
                int(italic),
                0,
                0,
                1,  # DEFAULT_CHARSET
                0,
                0,
                5,  # CLEARTYPE_QUALITY
                0,
            )
            self.record(_EXTCREATEFONTINDIRECTW, struct.pack("<I", _FONT) + logfont + face)
            self.record(_SELECTOBJECT, struct.pack("<I", _FONT))
        color = _color(state.pen)
        if color is not None and color != self.text_color:
            self.text_color = color
            self.record(_SETTEXTCOLOR, struct.pack("<I", color))
        return bold

    # -- drawing -------------------------------------------------------------------------------

    def draw(self, ops: bytes) -> None:
        state = _State()
        read = _Reader(ops)
        while not read.done():
            op = read.op()
            if op in "PpLBb":
                points = [self.at(read.number(), read.number()) for _ in range(read.count())]
                self.shape(op, points, state)
            elif op in "Ee":
                x, y, rx, ry = (read.number() for _ in range(4))
                self.use_pen(state)
                self.use_brush(state.fill if op == "E" else None)
                left, top = self.at(x - rx, y + ry)
                right, bottom = self.at(x + rx, y - ry)
                self.record(_ELLIPSE, struct.pack("<iiii", left, top, right, bottom))
            elif op == "T":
                x, y, justify = read.number(), read.number(), read.number()
                read.number()  # the width the layout measured: see ``text``
                self.text(x, y, justify, read.text(), state)
            elif op == "t":
                state.flags = int(read.number())
            elif op == "c":
                state.pen = read.text()
            elif op == "C":
                state.fill = read.text()
            elif op == "F":
                size = read.number()
                state.font = (read.text(), size)
            elif op == "S":
                self.style(read.text(), state)
            else:
                raise EmfError(f"drawing instruction {op!r}")

    def style(self, style: str, state: _State) -> None:
        width = _WIDTH.fullmatch(style)
        if width is not None:
            state.width = float(width.group(1))
        elif style in _DASH:
            state.style = style
        elif style == "bold":
            state.width = 2.0
        elif style not in ("filled", "rounded", "radial", "striped", "wedged", "diagonals"):
            raise EmfError(f"style {style!r}")

    def shape(self, op: str, points: list[tuple[int, int]], state: _State) -> None:
        if not points:
            return
        self.use_pen(state)
        filled = op in "Pb"
        self.use_brush(state.fill if filled else None)
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        bounds = struct.pack("<iiii", min(xs), min(ys), max(xs), max(ys))
        body = (
            bounds
            + struct.pack("<I", len(points))
            + b"".join(struct.pack("<ii", *p) for p in points)
        )
        if op == "b":
            self.record(_BEGINPATH, b"")
            self.record(_POLYBEZIER, body)
            self.record(_CLOSEFIGURE, b"")
            self.record(_ENDPATH, b"")
            self.record(_STROKEANDFILLPATH, bounds)
        else:
            self.record({"P": _POLYGON, "p": _POLYGON, "L": _POLYLINE, "B": _POLYBEZIER}[op], body)

    def text(self, x: float, y: float, justify: float, text: str, state: _State) -> None:
        if not text.strip():
            return
        bold = self.use_font(state)
        size = state.font[1]
        advances = _advances(text, bold)
        # Each character at its own advance in the font Word will use (Arial's, as the bundled
        # Arimo's): the layout program measures bold text with other metrics, and text squeezed
        # to its width would read cramped.
        natural = sum(advances) * size / 1000
        left = x - natural * (justify + 1) / 2  # -1 left, 0 centre, 1 right
        start_x, base_y = self.at(left, y)
        units = text.encode("utf-16-le")
        step = size * self.k / 1000
        dx: list[int] = []
        done = 0
        placed = 0
        for a in advances:
            done += a
            at = round(done * step)
            dx.append(at - placed)
            placed = at
        n = len(units) // 2
        offset_string = 76
        offset_dx = offset_string + len(units) + (-len(units) % 4)
        payload = (
            struct.pack("<iiii", 0, 0, -1, -1)  # bounds: not used
            + struct.pack("<Iff", 1, 0.0, 0.0)  # GM_COMPATIBLE
            + struct.pack("<iiIII", start_x, base_y, n, offset_string, 0)
            + struct.pack("<iiii", 0, 0, -1, -1)
            + struct.pack("<I", offset_dx)
            + units
            + b"\0" * (-len(units) % 4)
            + b"".join(struct.pack("<i", d) for d in dx)
        )
        self.record(_EXTTEXTOUTW, payload)

    def finish(self, width: int, height: int) -> bytes:
        self.record(_EOF, struct.pack("<III", 0, 16, 20))
        head = [
            struct.pack("<II", _SETBKMODE, 12) + struct.pack("<I", 1),  # TRANSPARENT
            struct.pack("<II", _SETTEXTALIGN, 12) + struct.pack("<I", 24),  # TA_BASELINE|LEFT
        ]
        body = b"".join(head + self.records)
        frame_w = round(width * _HUNDREDTH_MM_PER_TWIP)
        frame_h = round(height * _HUNDREDTH_MM_PER_TWIP)
        header_size = 108
        total = header_size + len(body)
        header = struct.pack(
            "<II4i4iIIIIHHIII2i2iIII2i",
            _HEADER,
            header_size,
            0,
            0,
            width - 1,
            height - 1,
            0,
            0,
            frame_w,
            frame_h,
            0x464D4520,  # " EMF"
            0x10000,
            total,
            len(head) + len(self.records) + 1,
            4,  # object slots: 0 unused, pen, brush, font
            0,
            0,
            0,
            0,
            14400,  # a reference device of 1,440 dots per inch: one dot is one twip
            14400,
            254,
            254,
            0,
            0,
            0,
            254000,
            254000,
        )
        return header + body


def _advances(text: str, bold: bool) -> list[int]:
    table = BOLD if bold else REGULAR
    out: list[int] = []
    for ch in text:
        out.append(table.get(ord(ch), 556))
        if ord(ch) > 0xFFFF:  # two UTF-16 units: the second takes no room
            out.append(0)
    return out


_TOKEN = re.compile(rb"\s*(\S+)")
_SPACE = re.compile(rb"\s*")


class _Reader:
    """xdot drawing instructions (Graphviz's xdot format, version 1.7), one token at a time."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.i = 0

    def done(self) -> bool:
        end = _SPACE.match(self.data, self.i)
        self.i = end.end() if end else self.i
        return self.i >= len(self.data)

    def op(self) -> str:
        return self._token().decode("ascii", errors="replace")

    def _token(self) -> bytes:
        match = _TOKEN.match(self.data, self.i)
        if match is None:
            raise EmfError("drawing instructions cut short")
        self.i = match.end()
        return match.group(1)

    def number(self) -> float:
        try:
            return float(self._token())
        except ValueError as exc:
            raise EmfError(str(exc)) from None

    def count(self) -> int:
        return int(self.number())

    def text(self) -> str:
        n = self.count()
        space = _SPACE.match(self.data, self.i)
        start = (space.end() if space else self.i) + 1
        if self.data[start - 1 : start] != b"-" or start + n > len(self.data):
            raise EmfError("a text without its '-', or cut short")
        self.i = start + n
        return self.data[start : self.i].decode("utf-8", errors="replace")


def _color(value: str) -> int | None:
    """'#rrggbb' or '#rrggbbaa' -> a COLORREF (0x00bbggrr); None when fully transparent."""
    if not value.startswith("#") or len(value) not in (7, 9):
        raise EmfError(f"colour {value!r}")
    if len(value) == 9 and value[7:] == "00":
        return None
    r, g, b = int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16)
    return r | g << 8 | b << 16
