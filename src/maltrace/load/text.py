"""What the invisible and control characters in plan text become — decided once, at load time.

Titles copied out of Word or a PDF carry characters no renderer wants: Word's soft line break
(a vertical tab), form feeds, soft hyphens, zero-width spaces; a YAML double-quoted string can
also hold ``\\x1b``, ``\\0`` or a non-character. XML (Word, Excel, SVG) cannot hold most of them,
and a terminal would obey an ESC. So every text the loader accepts is normalised here:

- line breaks: vertical tab (Word's Shift+Enter), CR, CR LF, NEL, U+2028, U+2029 -> ``\\n``;
- a form feed -> a space;
- soft hyphen, zero-width space, word joiner, BOM (zero-width no-break space) -> dropped;
- every other C0/C1 control, DEL, lone surrogate and non-character -> a visible symbol (the
  control pictures ␀…␟ and ␡ for C0 and DEL, as the terminal shows them; U+FFFD otherwise),
  and the loader warns (finding ``control-character``, with file and line).

Tabs and ordinary line feeds stay. Everything else is left as written.
"""

from __future__ import annotations

import re

LINE_BREAKS = "\v\r\x85\u2028\u2029"
INVISIBLE = "\xad\u200b\u2060\ufeff"
_NONCHARACTERS = [chr(c) for c in range(0xFDD0, 0xFDF0)] + [
    chr(plane * 0x10000 + low) for plane in range(17) for low in (0xFFFE, 0xFFFF)
]


def _shown(code: int) -> str:
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


# The characters that are warned about: C0 (but tab, LF and the line breaks above), DEL, C1
# (but NEL), surrogates, non-characters.
_BAD_CODES = [
    *(c for c in range(0x20) if chr(c) not in "\t\n\v\f\r"),
    *range(0x7F, 0x85),
    *range(0x86, 0xA0),
]
_TABLE: dict[int, str] = {ord(c): "\n" for c in LINE_BREAKS}
_TABLE[ord("\f")] = " "
_TABLE.update({ord(c): "" for c in INVISIBLE})
_TABLE.update({c: _shown(c) for c in _BAD_CODES})
_TABLE.update({c: "\ufffd" for c in range(0xD800, 0xE000)})
_TABLE.update({ord(c): "\ufffd" for c in _NONCHARACTERS})

_C0_C1 = "".join(f"\\x{c:02x}" for c in _BAD_CODES)
_BMP_BAD = f"{_C0_C1}\\ud800-\\udfff\\ufdd0-\\ufdef\\ufffe\\uffff"
_ASTRAL_BAD = "".join(f"\\U{ord(c):08x}" for c in _NONCHARACTERS if ord(c) > 0xFFFF)
_CHANGED = f"\\v\\f\\r\\x85\\u2028\\u2029{INVISIBLE}"
_BAD = re.compile(f"[{_BMP_BAD}{_ASTRAL_BAD}]")
# Anything this module changes: one precompiled search decides whether a text needs work.
SUSPECT = re.compile(f"[{_BMP_BAD}{_ASTRAL_BAD}{_CHANGED}]")
# For a whole file: the same and the backslash that starts a YAML escape, but without the
# non-characters beyond U+FFFF, which make the search several times slower: those are looked
# for in the file's bytes (UTF-8: F0-F4, then 8F/9F/AF/BF, BF, BE/BF).
SUSPECT_IN_FILE = re.compile(f"[{_BMP_BAD}{_CHANGED}\\\\]")
ASTRAL_BAD_IN_FILE = re.compile(b"[\\xf0-\\xf4][\\x8f\\x9f\\xaf\\xbf]\\xbf[\\xbe\\xbf]")


def normalise(text: str) -> tuple[str, tuple[str, ...]]:
    """``text`` with its control and invisible characters replaced (see the module), and the
    characters warned about, each once, as ``U+001B``-style code points in order of appearance."""
    if SUSPECT.search(text) is None:
        return text, ()
    bad = tuple(dict.fromkeys(f"U+{ord(c):04X}" for c in _BAD.findall(text)))
    return text.replace("\r\n", "\n").translate(_TABLE), bad


# --- raw characters in the file itself ---------------------------------------------------------
# The YAML reader refuses a file holding a raw control character (a title pasted from Word with
# its vertical tab, say) and cannot say on which line. Before parsing, each such character is
# swapped for a private-use stand-in the reader accepts, and swapped back in every scalar (then
# normalised as above); the file is refused only where the character breaks the YAML itself.
_RAW_CODES = [
    *(c for c in range(0x20) if chr(c) not in "\t\n\r"),
    *range(0x7F, 0xA0),
    0x2028,
    0x2029,
    0xFFFE,
    0xFFFF,
]
_STAND_IN_BASE = 0x10FF00


def _stand_in(code: int) -> str:
    return chr(_STAND_IN_BASE + (code if code < 0xA0 else 0xA0 + (code & 0xF)))


RAW = re.compile("[" + "".join(f"\\U{c:08x}" for c in _RAW_CODES) + "]")
_TO_STAND_IN = {c: _stand_in(c) for c in _RAW_CODES}
FROM_STAND_IN = {ord(v): chr(k) for k, v in _TO_STAND_IN.items()}
STAND_INS = re.compile(f"[\\U{_STAND_IN_BASE:08x}-\\U{_STAND_IN_BASE + 0xAF:08x}]")


def hide_raw(text: str) -> str:
    """``text`` (a whole file) with each raw character the YAML reader refuses replaced by its
    stand-in (see ``FROM_STAND_IN``)."""
    return text.translate(_TO_STAND_IN)
